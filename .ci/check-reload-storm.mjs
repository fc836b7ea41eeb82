// CI check: a reload storm under load loses nothing. The built site serves a copy of content/ with its watcher on
// while wrk drives requests at every page and, at the same time, files are rewritten, broken, fixed, half-written,
// replaced by rename, deleted and added (a seeded random sequence, so a failure can be replayed with STORM_SEED).
// It passes when:
//   - no answer was a 5xx, and no 200 page was empty or half-rendered (every one ends with </html>);
//   - afterwards the pages served (from the sitemap) are exactly the valid files on disk, as the editors' CLI
//     (`validate --format json`, the site's own rules) sees them.
// Bounded: STORM_SECONDS (default 20) of load, then at most 30 s for the last reload. The rate limit is switched
// off, as for any benchmark. Figures go to the log and artifacts/ci/storm/.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync, existsSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, startSite } from './site.mjs';

const seconds = Number(process.env.STORM_SECONDS ?? 20);
const seed = Number(process.env.STORM_SEED ?? 20261124);
const outDir = join(repoRoot, 'artifacts', 'ci', 'storm');
const content = join(outDir, 'content');
const configuration = process.env.CONFIGURATION ?? 'Debug';
const cli = join(repoRoot, 'src', 'CareerGuides.Cli', 'bin', configuration, 'net10.0', 'careerguides.dll');

rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
cpSync(join(repoRoot, 'content'), content, { recursive: true });

// A small seeded generator (mulberry32): the same seed gives the same storm.
let state = seed >>> 0;
const random = () => {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = (items) => items[Math.floor(random() * items.length)];

// Content files as the site sees them: Markdown, not editors' backup and lock files (.#a.md, #a.md#, ~, hidden).
const list = (folder) =>
  readdirSync(join(content, folder)).filter((f) => f.endsWith('.md') && !/^[.#~]/.test(f)).map((f) => `${folder}/${f}`);
const originals = new Map([...list('roles'), ...list('guides')].map((p) => [p, readFileSync(join(content, p), 'utf8')]));
const extraRoles = Array.from({ length: 6 }, (_, i) => `roles/storm-role-${i}.md`);
const teacher = originals.get('roles/teacher.md');
const extraRoleText = (path, n) => teacher.replace(/^title: .*$/m, `title: Storm Role ${path.match(/\d+/)[0]} v${n}`);

// Every page the load asks for: the published pages now, the ones that will be added, and a few fixed ones.
const pagePath = (file) => `/${file.replace(/\.md$/, '')}`;
const paths = ['/', '/roles', '/sitemap.xml', '/css/site.css', '/no-such-page', ...[...originals.keys(), ...extraRoles].map(pagePath)];
const lua = `
local paths = { ${paths.map((p) => JSON.stringify(p)).join(', ')} }
local counter = 0
local threads = {}
function setup(thread)
  table.insert(threads, thread)
end
function init(args)
  counter = math.random(#paths)
  statuses = {}
  bad = 0
  badexample = ""
end
function request()
  counter = counter % #paths + 1
  return wrk.format("GET", paths[counter])
end
function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
  local ctype = headers["Content-Type"] or headers["content-type"] or ""
  if status == 200 and string.find(ctype, "text/html", 1, true) then
    if body == nil or #body == 0 or not string.find(body, "</html>", 1, true) or not string.find(body, "<main", 1, true) then
      bad = bad + 1
      badexample = string.sub(body or "", -200)
    end
  end
end
function done(summary, latency, requests)
  local total = {}
  local badtotal = 0
  local example = ""
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("statuses")) do
      total[status] = (total[status] or 0) + count
    end
    badtotal = badtotal + thread:get("bad")
    if thread:get("badexample") ~= "" then example = thread:get("badexample") end
  end
  local parts = {}
  for status, count in pairs(total) do table.insert(parts, '"' .. status .. '": ' .. count) end
  io.write('STORM {"statuses": {' .. table.concat(parts, ", ") .. '}, "bad": ' .. badtotal
    .. ', "requests": ' .. summary.requests .. ', "errors": {"connect": ' .. summary.errors.connect .. ', "read": ' .. summary.errors.read
    .. ', "write": ' .. summary.errors.write .. ', "timeout": ' .. summary.errors.timeout .. ', "status": ' .. summary.errors.status .. '}'
    .. ', "latency_p99_ms": ' .. latency:percentile(99) / 1000 .. ', "example": ' .. string.format("%q", example):gsub("\\\\\\n", "\\\\n") .. '}\\n')
end
`;
writeFileSync(join(outDir, 'storm.lua'), lua);

const site = await startSite({
  contentPath: content,
  env: {
    Content__Watch: 'true',
    Content__QuietMilliseconds: '50',
    Content__MaxDelayMilliseconds: '300',
    Security__RateLimit__Enabled: 'false',
    Serilog__MinimumLevel__Default: 'Warning',
  },
});

let failures = 0;
const fail = (message) => {
  failures++;
  console.log(`FAIL ${message}`);
};

// The storm: one file operation every few milliseconds while wrk runs.
const operations = new Map();
const count = (name) => operations.set(name, (operations.get(name) ?? 0) + 1);
const write = (file, text) => writeFileSync(join(content, file), text);
const broken = new Set();
let version = 0;
const operationsList = [
  // A real edit keeps the file valid: inside the quotes when the summary is quoted (appending after the closing quote
  // would break the YAML, and the site would rightly keep serving the last good version).
  ['rewrite', (file) => { const edit = ` (edit ${++version})`; write(file, originals.get(file).replace(/^summary: (.*)$/m, (line, value) => /^".*"$/.test(value) ? `summary: ${value.slice(0, -1)}${edit}"` : `summary: ${value}${edit}`)); }],
  ['break', (file) => { write(file, originals.get(file).replace(/^(summary: .*)$/m, '$1\ntimeline_months: [oops')); broken.add(file); }],
  ['fix', (file) => { write(file, originals.get(file)); broken.delete(file); }],
  ['half-write', (file) => { const text = originals.get(file); write(file, text.slice(0, Math.floor(text.length / 2))); write(file, text); }],
  ['truncate', (file) => { write(file, ''); write(file, originals.get(file)); }],
  ['rename-over', (file) => { const temp = join(content, `${file}.tmp~`); writeFileSync(temp, originals.get(file)); renameSync(temp, join(content, file)); }],
  ['delete', (file) => { if (existsSync(join(content, file))) unlinkSync(join(content, file)); }],
  ['restore', (file) => write(file, originals.get(file))],
  ['backup-file', (file) => writeFileSync(join(content, file.replace(/([^/]+)$/, '.#$1')), 'junk: [')],
];
const stormFiles = [...originals.keys()];

const wrk = new Promise((resolve) => {
  const p = spawn('wrk', ['-t2', '-c16', `-d${seconds}s`, '--timeout', '10s', '-s', join(outDir, 'storm.lua'), site.origin], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  p.stdout.on('data', (d) => (output += d));
  p.stderr.on('data', (d) => (output += d));
  p.on('exit', (code) => resolve({ code, output }));
  p.on('error', (error) => resolve({ code: -1, output: String(error) }));
});

const deadline = Date.now() + seconds * 1000 - 1000;
let running = true;
wrk.then(() => (running = false));
while (running && Date.now() < deadline) {
  if (random() < 0.1) {
    const role = pick(extraRoles);
    if (random() < 0.6) {
      write(role, extraRoleText(role, ++version));
      count('add-role');
    } else if (existsSync(join(content, role))) {
      unlinkSync(join(content, role));
      count('delete-role');
    }
  } else {
    const [name, operation] = pick(operationsList);
    operation(pick(stormFiles));
    count(name);
  }
  await new Promise((resolve) => setTimeout(resolve, 5 + Math.floor(random() * 40)));
}

// The end state: every broken file fixed, so each file on disk is either valid or (a guide whose role was deleted)
// invalid for a reason the CLI reports; deleted originals stay deleted, added roles stay added.
for (const file of broken) {
  if (existsSync(join(content, file))) write(file, originals.get(file));
}
const result = await wrk;
writeFileSync(join(outDir, 'wrk.txt'), result.output);
const line = result.output.split('\n').find((l) => l.startsWith('STORM '));
if (result.code !== 0 || !line) {
  fail(`wrk did not finish (exit ${result.code}):\n${result.output}`);
}
const figures = line ? JSON.parse(line.slice(6)) : { statuses: {}, bad: 0, requests: 0, errors: {} };

// Which files are valid, by the editors' CLI (the same rules as the site).
const validate = spawnSync('dotnet', [cli, 'validate', content, '--format', 'json'], { encoding: 'utf8' });
let report;
try {
  report = JSON.parse(validate.stdout);
} catch {
  fail(`validate did not report (exit ${validate.status}): ${validate.stderr}`);
  report = { diagnostics: [] };
}
const invalid = new Set(report.diagnostics.filter((d) => d.severity === 'error').map((d) => d.path.slice(content.length + 1)));
const onDisk = [...list('roles'), ...list('guides')];
const expected = onDisk.filter((f) => !invalid.has(f)).map(pagePath).sort();

// Wait (bounded) for the watcher's last reload: the sitemap converges on the expected pages.
let served = [];
const until = Date.now() + 30_000;
while (Date.now() < until) {
  const sitemap = await (await fetch(`${site.origin}/sitemap.xml`)).text();
  served = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]).pathname).filter((p) => p.startsWith('/roles/') || p.startsWith('/guides/')).sort();
  if (JSON.stringify(served) === JSON.stringify(expected)) break;
  await new Promise((resolve) => setTimeout(resolve, 250));
}
const missing = expected.filter((p) => !served.includes(p));
const extra = served.filter((p) => !expected.includes(p));
for (const path of expected) {
  const response = await fetch(site.origin + path);
  const html = await response.text();
  if (response.status !== 200 || !html.includes('</html>')) fail(`${path} answered ${response.status} after the storm`);
}
await site.stop();

const fiveHundreds = Object.entries(figures.statuses).filter(([s]) => Number(s) >= 500).reduce((n, [, c]) => n + c, 0);
console.log(`Reload storm: ${seconds} s, seed ${seed}, ${figures.requests} requests (${Math.round(figures.requests / seconds)}/s), statuses ${JSON.stringify(figures.statuses)}, socket errors ${JSON.stringify({ ...figures.errors, status: undefined })} (wrk counts the 404s of deleted pages as "status" errors), p99 ${figures.latency_p99_ms} ms`);
console.log(`File operations: ${[...operations].map(([k, v]) => `${k} ${v}`).join(', ')}`);
console.log(`Afterwards: ${expected.length} valid pages on disk (${invalid.size} invalid files), ${served.length} served; missing ${JSON.stringify(missing)}, extra ${JSON.stringify(extra)}`);
if (fiveHundreds > 0) fail(`${fiveHundreds} answers were 5xx`);
if (figures.bad > 0) fail(`${figures.bad} pages were empty or half-rendered; e.g. ...${figures.example}`);
if (missing.length || extra.length) fail('the pages served are not the valid files on disk');
if (figures.requests === 0) fail('no requests were made');
writeFileSync(join(outDir, 'figures.json'), JSON.stringify({ seconds, seed, figures, operations: Object.fromEntries(operations), expected, served }, null, 2));
process.exit(failures === 0 ? 0 : 1);
