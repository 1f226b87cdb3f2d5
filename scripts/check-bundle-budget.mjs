#!/usr/bin/env node
// Budget: each office module's own JavaScript ≤ 20 KB gzipped (issue 3). After the portal build
// (apps/portal/dist), gzips each office chunk of the portal (assets/office-<id>-*.js) and each
// widget's own file (widgets/licheng-*.js, and the widgets' office chunks widgets/chunks/office-*),
// prints a table and fails if any is over. Shared chunks (Lit, the client, @licheng/ui) are
// loaded once per page and are not an office's own code; they are listed for information.
// Writes {passed, failed} — one test per checked module — to
// ${TEST_RESULTS_DIR ?? <repo>/.test-results}/budget.json for scripts/run-tests.mjs.
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'apps/portal/dist');
const LIMIT = 20 * 1024;
const OFFICES = ['student', 'teaching', 'registry'];

const js = (dir) => (fs.existsSync(path.join(dist, dir)) ? fs.readdirSync(path.join(dist, dir)).filter((f) => f.endsWith('.js')).map((f) => `${dir}/${f}`) : []);
const rows = [];
const problems = [];
const size = (file) => gzipSync(fs.readFileSync(path.join(dist, file)), { level: 9 }).length;

for (const office of OFFICES) {
  const files = js('assets').filter((f) => path.basename(f).startsWith(`office-${office}-`));
  if (files.length !== 1) problems.push(`office-${office}: expected one chunk in dist/assets, found ${files.length} (is the portal built?)`);
  for (const file of files) rows.push({ module: `office-${office}`, file, gzip: size(file), checked: true });
}
const widgetFiles = js('widgets').filter((f) => /^licheng-.*\.js$/.test(path.basename(f)));
if (widgetFiles.length === 0) problems.push('no widgets in dist/widgets (is the portal built?)');
for (const file of widgetFiles) rows.push({ module: path.basename(file, '.js'), file, gzip: size(file), checked: true });
for (const file of js('widgets/chunks')) {
  const office = /^office-([a-z]+)-/.exec(path.basename(file))?.[1];
  rows.push({ module: office ? `widgets office-${office}` : 'widgets shared', file, gzip: size(file), checked: Boolean(office) });
}
for (const file of js('assets').filter((f) => /^(shared|main|embed|catalogue|files)-/.test(path.basename(f)))) {
  rows.push({ module: `portal ${path.basename(file).split('-')[0]}`, file, gzip: size(file), checked: false });
}

const kb = (n) => `${(n / 1024).toFixed(2)} KB`;
const width = Math.max(...rows.map((r) => r.module.length), 6);
console.log(`\nbundle budget: each office module's own code ≤ ${kb(LIMIT)} gzipped\n`);
console.log(`${'module'.padEnd(width)}  ${'gzip'.padStart(9)}  result  file`);
let passed = 0;
let failed = 0;
for (const r of rows) {
  const over = r.checked && r.gzip > LIMIT;
  if (r.checked) over ? failed++ : passed++;
  console.log(`${r.module.padEnd(width)}  ${kb(r.gzip).padStart(9)}  ${r.checked ? (over ? 'OVER  ' : 'ok    ') : 'info  '}  ${r.file}`);
}
for (const p of problems) console.error(`✗ ${p}`);
failed += problems.length;
console.log(`\n${passed} within budget, ${failed} failed`);

const resultsDir = process.env.TEST_RESULTS_DIR ?? path.join(root, '.test-results');
fs.mkdirSync(resultsDir, { recursive: true });
fs.writeFileSync(path.join(resultsDir, 'budget.json'), JSON.stringify({ passed, failed }));
process.exit(failed > 0 ? 1 : 0);
