// CI check: no broken internal links, on the live site and on its static export. linkinator (npm) crawls
//  1. the built site, started on a free loopback port (.ci/site.mjs), and
//  2. the folder written by `CareerGuides.Web export <dir>` (its public/ part), served by nginx on another loopback port with the
//     configuration docs/deployment.md documents (try_files $uri $uri.html $uri/index.html =404, gzip_static, the 404 page,
//     the old-address redirect map, a trailing slash answered with 301 as the site does: linkinator 7.6.1 resolves
//     "#main" on /roles/x as /roles/x/),
// following every link from the home page and the sitemap; links to other hosts are not followed. Exit code 0 when
// both crawls find zero broken links and nginx serves the export's redirects and 404 as the site does.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dll, freePort, projectDir, repoRoot, startSite } from './site.mjs';

const linkinator = join(repoRoot, 'node_modules', '.bin', 'linkinator');
const nginxBinary = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => existsSync(p)) ?? 'nginx';

let failures = 0;
const fail = (message) => {
  failures++;
  console.log(`FAIL ${message}`);
};

/** Crawls from the origin's home page and sitemap; returns the number of broken links (and prints them). */
function crawl(name, origin) {
  const escaped = origin.replace(/[.:/]/g, (c) => `\\${c}`);
  const result = spawnSync(
    linkinator,
    [`${origin}/`, `${origin}/sitemap.xml`, '--recurse', '--skip', `^(?!${escaped}(/|$))`, '--format', 'json', '--concurrency', '8'],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  let report;
  try {
    report = JSON.parse(result.stdout);
  } catch {
    fail(`${name}: linkinator did not report (exit ${result.status}): ${result.stderr}`);
    return;
  }

  const checked = report.links.filter((l) => l.state !== 'SKIPPED');
  const broken = report.links.filter((l) => l.state === 'BROKEN');
  console.log(`${name}: ${checked.length} links checked, ${broken.length} broken`);
  for (const link of broken) {
    fail(`${name}: ${link.url} (${link.status}) linked from ${link.parent}`);
  }
  if (checked.length < 10) {
    fail(`${name}: only ${checked.length} links checked: the crawl did not get going`);
  }
}

async function expectStatus(name, url, status, location) {
  const response = await fetch(url, { redirect: 'manual' });
  if (response.status !== status || (location && response.headers.get('location') !== location)) {
    fail(`${name}: ${url} answered ${response.status} ${response.headers.get('location') ?? ''}, expected ${status} ${location ?? ''}`);
  }
}

// 1. The live site.
const site = await startSite();
try {
  crawl('live site', site.origin);
  await expectStatus('live site', `${site.origin}/guides/no-such-guide`, 404);
} finally {
  await site.stop();
}

// 2. The static export behind nginx. Canonical URLs and the sitemap use the nginx address, so the crawl stays local.
const work = mkdtempSync(join(tmpdir(), 'careerguides-links-'));
let nginx;
try {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const out = join(work, 'export');
  const published = join(out, 'public');
  const exported = spawnSync('dotnet', [dll, 'export', out, `--Site:BaseUrl=${origin}`, '--Serilog:MinimumLevel:Default=Warning'], {
    cwd: projectDir,
    encoding: 'utf8',
    env: { ...process.env, ASPNETCORE_ENVIRONMENT: 'Production', DOTNET_NOLOGO: '1' },
  });
  console.log(exported.stdout.trim());
  if (exported.status !== 0) {
    throw new Error(`export exited ${exported.status}: ${exported.stderr}`);
  }

  const runningAsRoot = process.getuid?.() === 0;
  const config = join(work, 'nginx.conf');
  writeFileSync(
    config,
    `${runningAsRoot ? 'user root;\n' : ''}daemon off;
worker_processes 1;
pid ${join(work, 'nginx.pid')};
error_log ${join(work, 'error.log')} warn;
events { worker_connections 256; }
http {
  include /etc/nginx/mime.types;
  access_log off;
  client_body_temp_path ${work}; proxy_temp_path ${work}; fastcgi_temp_path ${work}; uwsgi_temp_path ${work}; scgi_temp_path ${work};
  map $uri $redirect_target { default ""; include ${join(out, 'redirects.nginx.map')}; }
  server {
    listen 127.0.0.1:${port};
    root ${published};
    charset utf-8;
    charset_types text/css text/plain application/xml;
    gzip_static on;
    if ($redirect_target) { return 301 $redirect_target; }
    rewrite ^(/.+)/$ $1 permanent;
    location / { try_files $uri $uri.html $uri/index.html =404; }
    error_page 404 /404.html;
  }
}
`,
  );
  nginx = spawn(nginxBinary, ['-c', config, '-p', work], { stdio: ['ignore', 'inherit', 'inherit'] });
  // Wait for nginx to listen: poll the home page (bounded, not a timing expectation).
  let up = false;
  for (let i = 0; i < 200 && !up && nginx.exitCode === null; i++) {
    up = await fetch(`${origin}/`).then((r) => r.ok, () => false);
    if (!up) await new Promise((r) => setTimeout(r, 50));
  }
  if (!up) {
    throw new Error(`nginx did not serve ${origin}/ (exit code ${nginx.exitCode})`);
  }

  crawl('static export (nginx)', origin);
  await expectStatus('static export (nginx)', `${origin}/guides/no-such-guide`, 404);
  await expectStatus('static export (nginx)', `${origin}/roles`, 200);
} catch (error) {
  fail(String(error?.stack ?? error));
} finally {
  if (nginx && nginx.exitCode === null) {
    nginx.kill('SIGTERM');
    await new Promise((r) => nginx.once('exit', r));
  }
  rmSync(work, { recursive: true, force: true });
}

console.log(failures === 0 ? 'links: no broken links on the live site or the static export' : `links: ${failures} failure(s)`);
process.exit(failures === 0 ? 0 : 1);
