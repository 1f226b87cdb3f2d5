#!/usr/bin/env node
// Budget: each office module's own JavaScript ≤ 20 KB gzipped per load (issue 3). After the portal
// build (apps/portal/dist), gzips each office module the import map names — its first load (the
// entry and the chunks it imports statically) and each section it imports on demand, as
// dist/offices/loads.json lists them — and each widget's own file (widgets/licheng-*.js, and the widgets' office
// chunks widgets/chunks/office-*), prints a table and fails if any is over. The shared libraries
// (shared/: Lit, single-spa, the client, @licheng/ui) load once per page and are not an office's
// own code; they are listed for information.
// Writes {passed, failed} — one test per checked module — to
// ${TEST_RESULTS_DIR ?? <repo>/.test-results}/budget.json for scripts/run-tests.mjs.
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'apps/portal/dist');
const LIMIT = 20 * 1024;
// Known overruns, each with its own ceiling so it cannot grow unnoticed (none at present).
const OVERRUNS = {};

const js = (dir) => (fs.existsSync(path.join(dist, dir)) ? fs.readdirSync(path.join(dist, dir)).filter((f) => f.endsWith('.js')).map((f) => `${dir}/${f}`) : []);
const rows = [];
const problems = [];
const size = (file) => gzipSync(fs.readFileSync(path.join(dist, file)), { level: 9 }).length;

const mapFile = path.join(dist, 'importmap.json');
const imports = fs.existsSync(mapFile) ? JSON.parse(fs.readFileSync(mapFile, 'utf8')).imports : {};
const offices = Object.keys(imports).map((s) => /^@licheng\/plugin-(.+)\/web$/.exec(s)?.[1]).filter(Boolean);
if (offices.length === 0) problems.push('no office modules in dist/importmap.json (is the portal built?)');
// What a browser fetches of each office, load by load (written by the portal build): the first load,
// and each section imported on demand (a tab opened later) with what it adds. Each load is checked.
const loadsFile = path.join(dist, 'offices/loads.json');
const loads = fs.existsSync(loadsFile) ? JSON.parse(fs.readFileSync(loadsFile, 'utf8')) : {};
const sum = (files) => files.reduce((total, file) => total + size(file), 0);
for (const office of offices) {
  const load = loads[office];
  if (!load) {
    problems.push(`no loads of office ${office} in dist/offices/loads.json (rebuild the portal)`);
    continue;
  }
  const first = load.first.map((f) => `offices/${f}`);
  rows.push({ module: `office ${office}`, file: first.join(' + '), gzip: sum(first), checked: true });
  for (const [chunk, files] of Object.entries(load.onDemand)) {
    const section = path.basename(chunk, '.js').slice(office.length + 1).replace(/-[\w-]{8}$/, '');
    const own = files.map((f) => `offices/${f}`);
    rows.push({ module: `office ${office} › ${section}`, file: own.join(' + '), gzip: sum(own), checked: true });
  }
}
for (const file of js('shared')) rows.push({ module: `shared ${path.basename(file).replace(/-[\w-]{8}\.js$/, '')}`, file, gzip: size(file), checked: false });
const widgetFiles = js('widgets').filter((f) => /^licheng-.*\.js$/.test(path.basename(f)));
if (widgetFiles.length === 0) problems.push('no widgets in dist/widgets (is the portal built?)');
for (const file of widgetFiles) rows.push({ module: path.basename(file, '.js'), file, gzip: size(file), checked: true });
for (const file of js('widgets/chunks')) {
  const office = /^office-([a-z]+)-/.exec(path.basename(file))?.[1];
  rows.push({ module: office ? `widgets office-${office}` : 'widgets shared', file, gzip: size(file), checked: Boolean(office) });
}
for (const file of js('assets')) {
  rows.push({ module: `portal ${path.basename(file).split('-')[0]}`, file, gzip: size(file), checked: false });
}

const kb = (n) => `${(n / 1024).toFixed(2)} KB`;
const width = Math.max(...rows.map((r) => r.module.length), 6);
console.log(`\nbundle budget: each office module's own code ≤ ${kb(LIMIT)} gzipped\n`);
console.log(`${'module'.padEnd(width)}  ${'gzip'.padStart(9)}  result  file`);
let passed = 0;
let failed = 0;
for (const r of rows) {
  const ceiling = OVERRUNS[r.module] ?? LIMIT;
  const over = r.checked && r.gzip > ceiling;
  if (r.checked) over ? failed++ : passed++;
  const result = !r.checked ? 'info  ' : over ? 'OVER  ' : ceiling > LIMIT ? 'known ' : 'ok    ';
  console.log(`${r.module.padEnd(width)}  ${kb(r.gzip).padStart(9)}  ${result}  ${r.file}${r.checked && ceiling > LIMIT ? `  (known overrun, ceiling ${kb(ceiling)})` : ''}`);
}
// No screen carries core's error catalogue (the server words its errors): a sentinel message of
// packages/core/src/errors.ts must appear in no office or widget file. A date helper that throws
// DomainError pulls the whole catalogue in (calendar.ts); screens use date-reading.ts instead.
const catalogue = fs.readFileSync(path.join(root, 'packages/core/src/errors.ts'), 'utf8');
const sentinel = /'try-again': \{ 'zh-TW': '([^']+)'/.exec(catalogue)?.[1];
if (!sentinel) problems.push('the sentinel message try-again is missing from packages/core/src/errors.ts');
const screenFiles = [...js('offices'), ...widgetFiles, ...js('widgets/chunks')];
const carrying = sentinel ? screenFiles.filter((file) => fs.readFileSync(path.join(dist, file), 'utf8').includes(sentinel)) : [];
if (carrying.length) problems.push(`core's error catalogue is bundled into ${carrying.join(', ')}: import date helpers from date-reading.ts, not calendar.ts, and let the server word errors`);
else if (sentinel) passed++;
console.log(`\nno screen carries core's error catalogue: ${carrying.length ? 'FAILED' : 'ok'} (${screenFiles.length} files)`);

for (const p of problems) console.error(`✗ ${p}`);
failed += problems.length;
console.log(`\n${passed} within budget, ${failed} failed`);

const resultsDir = process.env.TEST_RESULTS_DIR ?? path.join(root, '.test-results');
fs.mkdirSync(resultsDir, { recursive: true });
fs.writeFileSync(path.join(resultsDir, 'budget.json'), JSON.stringify({ passed, failed }));
process.exit(failed > 0 ? 1 : 0);
