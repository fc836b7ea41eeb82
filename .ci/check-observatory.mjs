// CI check: the Mozilla HTTP Observatory scanner (npm @mdn/mdn-http-observatory) grades the site A+ when it is
// served over HTTPS on loopback. A self-signed certificate for 127.0.0.1 is made with openssl for this run and given
// to the scanner as a trusted CA (NODE_EXTRA_CA_CERTS), so HSTS is graded as it would be on a real certificate.
// Exit code 0 for A+. The report (grade, score, every test) is written to artifacts/ci/observatory/.
//
// On loopback by nature: the scanner asks http:// and https:// of the same host:port, and one port speaks only one of
// them, so "redirection" is graded "not needed: no HTTP" (a pass worth 0) rather than checking an HTTP-to-HTTPS
// redirect; and HSTS preloading cannot apply to 127.0.0.1. Neither changes the grade.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, startSite } from './site.mjs';

const outDir = join(repoRoot, 'artifacts', 'ci', 'observatory');
const scanner = join(repoRoot, 'node_modules', '@mdn', 'mdn-http-observatory');

rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });

// Installed with --ignore-scripts (its install script downloads the HSTS preload list): an empty list will do,
// since no loopback address is on it.
const preload = join(scanner, 'conf', 'hsts-preload.json');
if (!existsSync(preload)) {
  writeFileSync(preload, '{}\n');
}

const cert = join(outDir, 'cert.pem');
const key = join(outDir, 'key.pem');
const openssl = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '2',
  '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { encoding: 'utf8' });
if (openssl.status !== 0) {
  console.log(`FAIL could not make a certificate with openssl:\n${openssl.stderr}`);
  process.exit(1);
}

const site = await startSite({
  scheme: 'https',
  env: { Kestrel__Certificates__Default__Path: cert, Kestrel__Certificates__Default__KeyPath: key },
});
let ok = false;
try {
  const host = new URL(site.origin).host;
  const scan = spawnSync(process.execPath, [join(scanner, 'src', 'scan.js'), host], {
    encoding: 'utf8',
    env: { ...process.env, NODE_EXTRA_CA_CERTS: cert },
    timeout: 120_000,
  });
  writeFileSync(join(outDir, 'report.json'), scan.stdout ?? '');
  let report;
  try {
    report = JSON.parse(scan.stdout);
  } catch {
    console.log(`FAIL the scanner did not report (exit ${scan.status}):\n${scan.stderr}\n${scan.stdout}`);
    process.exit(1);
  }

  if (report.error) {
    console.log(`FAIL the scanner reported an error: ${report.error}`);
  } else {
    for (const [name, test] of Object.entries(report.tests)) {
      const modifier = test.scoreModifier > 0 ? `+${test.scoreModifier}` : `${test.scoreModifier}`;
      console.log(`${test.pass ? 'pass' : 'FAIL'} ${name}: ${test.result} (${modifier})`);
    }
    const { grade, score, testsPassed, testsQuantity } = report.scan;
    console.log(`Mozilla HTTP Observatory on ${site.origin}: grade ${grade}, score ${score}, ${testsPassed}/${testsQuantity} tests passed`);
    ok = grade === 'A+';
    if (!ok) {
      console.log(`FAIL the grade is ${grade}, not A+`);
    }
  }
} finally {
  await site.stop();
}

process.exit(ok ? 0 : 1);
