// Starts the built site (Production, the bundled content) on a free loopback port for the CI checks, with
// Site:BaseUrl set to that address so canonical URLs and sitemap entries point at the site being checked, and
// AllowedHosts (host filtering) set to the loopback address the checks use. Options: `scheme` ('http' or 'https',
// with Kestrel's certificate given in `env`), `env` (more settings, e.g. Security__RateLimit__Enabled), `contentPath`.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
export const projectDir = join(repoRoot, 'src', 'CareerGuides.Web');
const configuration = process.env.CONFIGURATION ?? 'Debug';
/** The built site, as `dotnet build` leaves it (CONFIGURATION, default Debug). */
export const dll = join(projectDir, 'bin', configuration, 'net10.0', 'CareerGuides.Web.dll');

/** A TCP port free on the loopback address at the time of asking. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Starts the site and resolves once it listens: { origin, stop() }. */
export async function startSite({ scheme = 'http', env = {}, contentPath } = {}) {
  if (!existsSync(dll)) {
    throw new Error(`${dll} does not exist: build the solution first (dotnet build).`);
  }

  const port = await freePort();
  const origin = `${scheme}://127.0.0.1:${port}`;
  const child = spawn('dotnet', [dll, '--urls', origin], {
    cwd: projectDir,
    env: {
      ...process.env,
      ASPNETCORE_ENVIRONMENT: 'Production',
      Site__BaseUrl: origin,
      AllowedHosts: '127.0.0.1',
      DOTNET_NOLOGO: '1',
      ...(contentPath ? { Content__Path: contentPath } : {}),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });

  let log = '';
  const listening = new Promise((resolve, reject) => {
    const onData = (chunk) => {
      log += chunk;
      if (log.includes(`Now listening on: ${origin}`)) {
        resolve();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`The site exited with code ${code} before listening:\n${log}`)));
    // A guard against a hung start, not a timing expectation: starting takes a second or two.
    setTimeout(() => reject(new Error(`The site did not start within 60 s:\n${log}`)), 60_000).unref();
  });

  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null) {
        resolve();
        return;
      }
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });

  try {
    await listening;
  } catch (error) {
    await stop();
    throw error;
  }

  child.removeAllListeners('exit');
  return { origin, stop, log: () => log };
}
