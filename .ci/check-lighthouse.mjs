// CI check: Lighthouse (npm lighthouse, Debian's Chromium) scores the home page, a guide and a role page 100 for SEO.
// Prints each page's score and any audit that did not pass; exit code 0 when every score is 100.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, startSite } from './site.mjs';

const outDir = join(repoRoot, 'artifacts', 'ci', 'lighthouse');
const lighthouse = join(repoRoot, 'node_modules', '.bin', 'lighthouse');
const chrome = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const chromeFlags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
].join(' ');

const pages = [
  ['home', '/'],
  ['guide', '/guides/data-scientist-to-backend-developer'],
  ['role', '/roles/data-scientist'],
];

const site = await startSite();
let failures = 0;

try {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });

  for (const [name, path] of pages) {
    const url = site.origin + path;
    const reportPath = join(outDir, `${name}.json`);
    const run = spawnSync(
      lighthouse,
      [url, `--chrome-flags=${chromeFlags}`, '--only-categories=seo', '--output=json', `--output-path=${reportPath}`, '--quiet'],
      { encoding: 'utf8', env: { ...process.env, CHROME_PATH: chrome } },
    );

    let report;
    try {
      report = JSON.parse(readFileSync(reportPath, 'utf8'));
    } catch {
      failures++;
      console.log(`FAIL ${name} ${path}: Lighthouse wrote no report (exit ${run.status})\n${run.stderr}`);
      continue;
    }

    const score = report.categories.seo.score;
    const shown = score === null ? 'none' : Math.round(score * 100);
    const problems = report.categories.seo.auditRefs
      .map((ref) => report.audits[ref.id])
      .filter((audit) => audit.scoreDisplayMode === 'binary' && audit.score !== 1);
    if (report.runtimeError || score !== 1) {
      failures++;
    }

    console.log(`Lighthouse ${report.lighthouseVersion} SEO ${shown} ${name} ${path}`);
    if (report.runtimeError) {
      console.log(`  runtime error: ${report.runtimeError.code} ${report.runtimeError.message}`);
    }
    for (const audit of problems) {
      console.log(`  FAIL ${audit.id}: ${audit.title}${audit.explanation ? ` (${audit.explanation})` : ''}`);
    }
  }
} finally {
  await site.stop();
}

process.exit(failures === 0 ? 0 : 1);
