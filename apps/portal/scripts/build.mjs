#!/usr/bin/env node
// Builds the portal as separately deployable ES modules joined by an import map:
//
//   dist/offices/<id>-<hash>.js   each office's single-spa application, on its own: it imports
//                                 Lit, single-spa, @licheng/client and @licheng/ui by name
//   dist/shared/*.js              those shared libraries, built once, loaded once per page
//   dist/index.html …             the root config (and the embed, catalogue and public schedule pages), with
//                                 the import map inlined first in <head>
//   dist/offices/loads.json       per office, the files of its first load and of each on-demand load
//                                 (a tab's section imported later), for the bundle budget
//   dist/importmap.json           the same map, which the standalone server filters to the
//                                 school's enabled offices and merges with its overrides
//   dist/widgets/                 the embeddable widgets (vite.widgets.config.ts): self-contained,
//                                 since a foreign page has no import map of ours
//
//   node scripts/build.mjs                 everything
//   node scripts/build.mjs --office <id>   one office module only (deploy it alone: docs/embedding.md)
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { precompress } from './precompress.mjs';
import { coreHasNoSideEffects, isMapped, moduleName, OFFICE_SPECIFIER, withImportMap } from '../import-map.mjs';

const portalDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(portalDir, 'dist');
const { values: args } = parseArgs({ options: { office: { type: 'string' } } });

/** The offices this portal ships: its @licheng/plugin-* dependencies that have a web module. */
function offices() {
  const pkg = JSON.parse(fs.readFileSync(path.join(portalDir, 'package.json'), 'utf8'));
  return Object.keys(pkg.dependencies ?? {})
    .map((name) => /^@licheng\/plugin-(.+)$/.exec(name)?.[1])
    .filter((id) => id && fs.existsSync(path.join(portalDir, 'node_modules/@licheng', `plugin-${id}`, 'src/web/index.ts')));
}

/** Runs one Vite build and returns its chunks. */
async function run(config) {
  const result = await build({ configFile: false, root: portalDir, logLevel: 'warn', publicDir: false, ...config });
  return (Array.isArray(result) ? result : [result]).flatMap((r) => r.output).filter((o) => o.type === 'chunk');
}

const moduleBuild = (outDir, input, output, external = isMapped) => ({
  build: {
    outDir,
    emptyOutDir: false,
    target: 'es2022',
    sourcemap: true,
    modulePreload: false,
    reportCompressedSize: false,
    rollupOptions: { input, external, preserveEntrySignatures: 'strict', output: { format: 'es', ...output }, treeshake: { moduleSideEffects: coreHasNoSideEffects } },
  },
});

/** Bare specifiers the chunks import (what the import map must name). */
const bareImports = (chunks) => new Set(chunks.flatMap((c) => [...c.imports, ...c.dynamicImports]).filter((s) => !s.startsWith('.') && !s.startsWith('/') && isMapped(s)));

/**
 * What a browser fetches of an office, load by load: `first` — the entry and every chunk it imports
 * statically; `onDemand` — per chunk the office imports with import() (a tab opened later), that
 * chunk and what it imports statically beyond the first load. The bundle budget checks each load.
 */
function loadsOf(chunks) {
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const closure = (file, seen = new Set()) => {
    if (seen.has(file) || !byName.has(file)) return seen;
    seen.add(file);
    for (const next of byName.get(file).imports) closure(next, seen);
    return seen;
  };
  const entry = chunks.find((c) => c.isEntry);
  const first = closure(entry.fileName);
  const lazy = new Set(chunks.flatMap((c) => c.dynamicImports).filter((f) => byName.has(f)));
  const onDemand = Object.fromEntries([...lazy].sort().map((f) => [f, [...closure(f)].filter((x) => !first.has(x))]));
  return { first: [...first], onDemand };
}

const loadsFile = path.join(dist, 'offices', 'loads.json');
const writeLoads = (loads) => {
  const known = fs.existsSync(loadsFile) ? JSON.parse(fs.readFileSync(loadsFile, 'utf8')) : {};
  fs.writeFileSync(loadsFile, `${JSON.stringify({ ...known, ...loads }, null, 2)}\n`);
};

/** Builds one office into dist/offices; returns its entry URL, the shared names it imports and its loads. */
async function buildOffice(id) {
  const chunks = await run(moduleBuild(path.join(dist, 'offices'), { [id]: `@licheng/plugin-${id}/web` }, { entryFileNames: `${id}-[hash].js`, chunkFileNames: `${id}-[name]-[hash].js` }));
  const entry = chunks.find((c) => c.isEntry);
  const imported = bareImports(chunks);
  const otherOffices = [...imported].filter((s) => OFFICE_SPECIFIER.test(s));
  if (otherOffices.length) throw new Error(`office ${id} imports another office (${otherOffices.join(', ')}): offices talk through @licheng/core and the server, never each other's code`);
  return { url: `/offices/${entry.fileName}`, imported, loads: loadsOf(chunks) };
}

if (args.office) {
  if (!offices().includes(args.office)) throw new Error(`unknown office "${args.office}"; this portal ships: ${offices().join(', ')}`);
  const { url, imported, loads } = await buildOffice(args.office);
  writeLoads({ [args.office]: loads });
  precompress(path.join(dist, 'offices'));
  console.log(`built office ${args.office}: dist${url}\nimport-map entry: "@licheng/plugin-${args.office}/web": "${url}"\nneeds shared: ${[...imported].join(', ')}`);
  process.exit(0);
}

fs.rmSync(dist, { recursive: true, force: true });
const imports = {};
const shared = new Set();
const loads = {};
for (const id of offices()) {
  const office = await buildOffice(id);
  imports[`@licheng/plugin-${id}/web`] = office.url;
  loads[id] = office.loads;
  office.imported.forEach((s) => shared.add(s));
}
writeLoads(loads);

// The root config and the plain pages (embed, catalogue, the public schedule); what they import by name joins the shared set.
const pages = await run({
  build: {
    outDir: dist,
    emptyOutDir: false,
    target: 'es2022',
    sourcemap: true,
    reportCompressedSize: false,
    rollupOptions: {
      input: { main: 'index.html', embed: 'embed.html', catalogue: 'catalogue.html', schedule: 'schedule.html' },
      external: isMapped,
      treeshake: { moduleSideEffects: coreHasNoSideEffects },
    },
  },
});
bareImports(pages).forEach((s) => !OFFICE_SPECIFIER.test(s) && shared.add(s));

// The shared libraries: one entry per name the offices and the root import, in one build, so
// the client and the elements use the very same Lit.
const sharedChunks = await run(
  moduleBuild(path.join(dist, 'shared'), Object.fromEntries([...shared].sort().map((s) => [moduleName(s), s])), { entryFileNames: '[name]-[hash].js', chunkFileNames: '[name]-[hash].js' }, (id) => OFFICE_SPECIFIER.test(id)),
);
for (const chunk of sharedChunks.filter((c) => c.isEntry)) {
  const specifier = [...shared].find((s) => moduleName(s) === chunk.name);
  imports[specifier] = `/shared/${chunk.fileName}`;
}
const leftBare = bareImports(sharedChunks);
if (leftBare.size) throw new Error(`shared libraries import names outside the map: ${[...leftBare].join(', ')}`);

const map = { imports: Object.fromEntries(Object.entries(imports).sort(([a], [b]) => a.localeCompare(b))) };
fs.writeFileSync(path.join(dist, 'importmap.json'), `${JSON.stringify(map, null, 2)}\n`);

/**
 * The shared files a page's entry imports statically, with what they import in turn: the page
 * names them in `<link rel="modulepreload">` so the browser fetches them with the entry, not one
 * round trip after it (and after each other).
 */
function sharedPreloads(entry) {
  const byFile = new Map(sharedChunks.map((c) => [c.fileName, c]));
  const files = new Set();
  const visit = (file) => {
    if (files.has(file) || !byFile.has(file)) return;
    files.add(file);
    byFile.get(file).imports.forEach(visit);
  };
  for (const specifier of entry.imports.filter((s) => isMapped(s) && !OFFICE_SPECIFIER.test(s))) visit(map.imports[specifier]?.replace(/^\/shared\//, ''));
  return [...files].sort().map((f) => `/shared/${f}`);
}

const PAGE_ENTRIES = { 'index.html': 'main', 'embed.html': 'embed', 'catalogue.html': 'catalogue', 'schedule.html': 'schedule' };
for (const [page, name] of Object.entries(PAGE_ENTRIES)) {
  const file = path.join(dist, page);
  const entry = pages.find((c) => c.isEntry && c.name === name);
  const preloads = entry ? sharedPreloads(entry) : [];
  // After the import map, which must come before anything that loads a module.
  const links = preloads.map((href) => `\n    <link rel="modulepreload" crossorigin href="${href}">`).join('');
  const html = withImportMap(fs.readFileSync(file, 'utf8'), map).replace(/(<script type="importmap">[\s\S]*?<\/script>)/, (script) => `${script}${links}`);
  fs.writeFileSync(file, html);
}
console.log(`portal built: ${Object.keys(map.imports).filter((s) => OFFICE_SPECIFIER.test(s)).length} offices, ${shared.size} shared libraries → dist/importmap.json`);
