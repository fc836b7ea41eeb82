// CI check: every page of the site, and each page type (home, role list, role, guide, search, 404), has zero errors in the
// W3C Nu Html Checker (npm vnu-jar). Pages come from the site's own sitemap, so a new page is checked automatically.
// Exit code 0 when every page is valid.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, startSite } from './site.mjs';

const outDir = join(repoRoot, 'artifacts', 'ci', 'html');
const vnu = join(repoRoot, 'node_modules', 'vnu-jar', 'build', 'dist', 'vnu.jar');

// Every page type by name, with the status it must answer; the sitemap adds every other published page.
const pageTypes = [
  ['home', '/', 200],
  ['role-list', '/roles', 200],
  ['role', '/roles/data-scientist', 200],
  ['guide', '/guides/data-scientist-to-backend-developer', 200],
  ['search', '/search', 200],
  ['search-results', '/search?q=analist', 200],
  ['search-no-results', '/search?q=astronaut', 200],
  ['not-found', '/guides/no-such-guide', 404],
];

const site = await startSite();
let failures = 0;
const fail = (message) => {
  failures++;
  console.log(`FAIL ${message}`);
};

try {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });

  const sitemap = await (await fetch(`${site.origin}/sitemap.xml`)).text();
  const fromSitemap = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]).pathname);
  if (fromSitemap.length === 0) {
    fail('the sitemap lists no pages');
  }

  const pages = [...pageTypes];
  for (const path of fromSitemap) {
    if (!pages.some(([, p]) => p === path)) {
      pages.push([path === '/' ? 'home' : path.slice(1).replaceAll('/', '--'), path, 200]);
    }
  }

  const files = new Map();
  for (const [name, path, status] of pages) {
    const response = await fetch(site.origin + path, { redirect: 'manual' });
    const html = await response.text();
    if (response.status !== status) {
      fail(`${path} answered ${response.status}, expected ${status}`);
      continue;
    }
    const file = join(outDir, `${name}.html`);
    writeFileSync(file, html);
    files.set(file, path);
  }

  // One Java start for every page: vnu reads the files and writes its JSON report to stderr.
  const run = spawnSync('java', ['-jar', vnu, '--errors-only', '--format', 'json', ...files.keys()], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  let report;
  try {
    report = JSON.parse(run.stderr || run.stdout);
  } catch {
    fail(`the checker did not report (exit ${run.status}):\n${run.stderr}\n${run.stdout}`);
    report = { messages: [] };
  }

  const errors = report.messages.filter((m) => m.type === 'error' || m.type === 'non-document-error');
  for (const message of errors) {
    const file = message.url ? decodeURIComponent(new URL(message.url).pathname) : '';
    fail(`${files.get(file) ?? file}:${message.lastLine ?? '?'}:${message.firstColumn ?? '?'} ${message.message}${message.extract ? `\n    ${message.extract.trim()}` : ''}`);
  }

  console.log(`Nu Html Checker ${report.version ?? ''}: ${files.size} pages checked (${pageTypes.map(([n]) => n).join(', ')} and every sitemap page), ${errors.length} errors`);
} finally {
  await site.stop();
}

process.exit(failures === 0 ? 0 : 1);
