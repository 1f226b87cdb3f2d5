#!/usr/bin/env node
// Creates a new office plugin from templates/plugin:
//   node scripts/new-plugin.mjs <id> --zh 圖書館 --en Library --role library-staff [--into <dir>]
// Copies the template into plugins/<id> (or <dir>/<id>), fills in the placeholders and prints
// what to do next. Refuses an id that is not kebab-case or that already exists.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const templateDir = path.join(root, 'templates/plugin');

/** Roles of @licheng/core (packages/core/src/roles.ts); checked so a typo fails here, not at start-up. */
const ROLES = [
  'student', 'subject-teacher', 'homeroom-teacher', 'course-consultant', 'registry-staff', 'curriculum-staff',
  'student-affairs-staff', 'counseling-staff', 'practicum-staff', 'library-staff', 'working-group', 'admin',
];

/** Words that cannot start a JavaScript identifier the generated code derives from the id. */
const RESERVED = new Set(['platform', 'api', 'trpc', 'health', 'demo']);

const usage = `usage: node scripts/new-plugin.mjs <id> --zh <office name in Chinese> --en <office name in English> --role <role> [--into <dir>]

  <id>     kebab-case, e.g. library or student-affairs; never renamed once shipped
  --zh     the office as users see it, e.g. 圖書館
  --en     the office in English, e.g. Library
  --role   the role its screens are for, one of: ${ROLES.join(', ')}
  --into   the folder to create <id> in (default: plugins/)`;

export class GeneratorError extends Error {}

function camel(id) {
  return id.replace(/-([a-z0-9])/g, (_, c) => c.toUpperCase());
}

/** The values that replace the template's placeholders. */
export function placeholders({ id, zh, en, role }) {
  const camelId = camel(id);
  return {
    __ID__: id,
    __OFFICE_ZH__: zh,
    __OFFICE_EN__: en,
    __ROLE__: role,
    __CAMEL__: camelId,
    __PASCAL__: camelId[0].toUpperCase() + camelId.slice(1),
    __SNAKE__: id.replace(/-/g, '_'),
  };
}

export function checkOptions({ id, zh, en, role }) {
  const problems = [];
  if (!id) problems.push('the plugin id is missing');
  else if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(id)) problems.push(`"${id}" is not a kebab-case id (lowercase letters and digits, words joined by single hyphens, starting with a letter)`);
  else if (id.length > 40) problems.push(`"${id}" is longer than 40 characters`);
  else if (RESERVED.has(id)) problems.push(`"${id}" is taken by the platform`);
  if (!zh?.trim()) problems.push('--zh (the office name in Chinese) is missing');
  if (!en?.trim()) problems.push('--en (the office name in English) is missing');
  if (!role) problems.push('--role is missing');
  else if (!ROLES.includes(role)) problems.push(`--role "${role}" is not a role (one of: ${ROLES.join(', ')})`);
  for (const [name, value] of [['--zh', zh], ['--en', en]]) {
    if (value && /['"`\\\n]|__[A-Z_]+__/.test(value)) problems.push(`${name} may not contain quotes, backslashes, line breaks or placeholders`);
  }
  if (problems.length) throw new GeneratorError(problems.join('\n'));
}

function fill(text, values) {
  return text.replace(/__(?:ID|OFFICE_ZH|OFFICE_EN|ROLE|CAMEL|PASCAL|SNAKE)__/g, (key) => values[key]);
}

function copyTree(from, to, values, written) {
  fs.mkdirSync(to, { recursive: true });
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue;
    const source = path.join(from, entry.name);
    const target = path.join(to, fill(entry.name, values));
    if (entry.isDirectory()) copyTree(source, target, values, written);
    else {
      fs.writeFileSync(target, fill(fs.readFileSync(source, 'utf8'), values));
      written.push(target);
    }
  }
}

/** Generates the plugin; returns the folder and the files written. */
export function generatePlugin(options) {
  checkOptions(options);
  const into = path.resolve(options.into ?? path.join(root, 'plugins'));
  const target = path.join(into, options.id);
  if (fs.existsSync(target)) throw new GeneratorError(`${path.relative(process.cwd(), target) || target} already exists: choose another id`);
  const taken = fs.existsSync(path.join(root, 'plugins', options.id));
  if (taken) throw new GeneratorError(`plugins/${options.id} already exists: choose another id`);
  const values = placeholders(options);
  const written = [];
  const staging = `${target}.tmp-${process.pid}`;
  try {
    copyTree(templateDir, staging, values, written);
    fs.renameSync(staging, target);
  } catch (error) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  return { dir: target, files: written.map((f) => path.join(target, path.relative(staging, f))), values };
}

export function nextSteps({ dir, values }) {
  const rel = path.relative(root, dir);
  return `Created ${rel.startsWith('..') ? dir : rel} — @licheng/plugin-${values.__ID__} (${values.__OFFICE_ZH__} / ${values.__OFFICE_EN__}).

Next steps:
  1. apps/server/src/plugins.ts: import ${values.__CAMEL__} from '@licheng/plugin-${values.__ID__}/server';
     and add ${values.__CAMEL__} to availablePlugins;
     apps/server/package.json: add "@licheng/plugin-${values.__ID__}": "workspace:*" to dependencies.
     apps/portal/package.json: the same dependency, so the portal builds the office's module
     and names it in its import map.
  2. A school config (e.g. apps/server/config/demo-school.json): add "${values.__ID__}" to plugins.enabled.
  3. pnpm install   (links the new package into the workspace)
  4. pnpm --filter @licheng/plugin-${values.__ID__} test   (SQLite and MariaDB, then Chromium)
  5. Replace the example notices with the office's own work; see docs/adding-an-office.md.`;
}

function main(argv) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { zh: { type: 'string' }, en: { type: 'string' }, role: { type: 'string' }, into: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    console.error(`${error.message}\n\n${usage}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(usage);
    return 0;
  }
  if (positionals.length > 1) {
    console.error(`expected one plugin id, got: ${positionals.join(' ')}\n\n${usage}`);
    return 2;
  }
  try {
    const result = generatePlugin({ id: positionals[0], zh: values.zh?.trim(), en: values.en?.trim(), role: values.role, into: values.into });
    console.log(nextSteps(result));
    return 0;
  } catch (error) {
    if (error instanceof GeneratorError) {
      console.error(`${error.message}\n\n${usage}`);
      return 2;
    }
    throw error;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exit(main(process.argv.slice(2)));
