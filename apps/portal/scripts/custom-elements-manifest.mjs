#!/usr/bin/env node
// Writes the custom-elements manifest (schema 2.1.0) of the embeddable widgets from their
// sources: the class JSDoc (`<licheng-x>` — description, @attr, @event, @csspart, @slot,
// @cssprop), the Lit `static properties` (attributes; `state: true` ones are internal) and the
// JSDoc of each `declare`d field, with what every widget inherits from LichengConnectedElement
// and the --licheng-* theming tokens of @licheng/ui (tokens.styles.ts).
//
// Out: apps/portal/custom-elements.json (referenced by package.json "customElements", checked in)
// and, after a build, dist/widgets/custom-elements.json (served beside the widgets, read by
// catalogue.html). `--dist` writes only the served copy (the build does that, so a build never
// hides a stale checked-in manifest); `--check` fails when the checked-in manifest is out of date.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const portal = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const root = path.resolve(portal, '../..');
const BASE = 'packages/client/src/connected-element.ts';
const TOKENS = 'packages/ui/src/styles/tokens.styles.ts';

/** The widgets, read from widgets.ts (tag + source) without compiling it. */
function readWidgets() {
  const text = fs.readFileSync(path.join(portal, 'widgets.ts'), 'utf8');
  return [...text.matchAll(/\{\s*tag:\s*'([^']+)',\s*source:\s*'([^']+)'\s*\}/g)].map((m) => ({ tag: m[1], source: m[2] }));
}

const clean = (lines) => lines.map((l) => l.trim()).join(' ').replace(/\s+/g, ' ').trim();

/** The JSDoc block right before `export class`, split into description and tags. */
function classDoc(text) {
  const m = /\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*export class (\w+) extends (\w+)/.exec(text);
  if (!m) return null;
  const lines = m[1].split('\n').map((l) => l.replace(/^\s*\*\s?/, ''));
  const description = [];
  const tags = [];
  for (const line of lines) {
    const tag = /^@(\w+)\s+(.*)$/.exec(line.trim());
    if (tag) tags.push({ tag: tag[1], text: [tag[2]] });
    else if (tags.length && line.trim()) tags[tags.length - 1].text.push(line);
    else if (!tags.length) description.push(line);
  }
  const named = (kind) =>
    tags
      .filter((t) => t.tag === kind)
      .map((t) => {
        const [, name, rest] = /^(\S+)\s*(?:-\s*)?([\s\S]*)$/.exec(clean(t.text));
        return { name, description: rest };
      });
  return {
    name: m[2],
    superclass: m[3],
    description: description
      .join('\n')
      .trim()
      .replace(/^`<[^>]+>`\s*—\s*/, '')
      .replace(/^./, (c) => c.toUpperCase()),
    attrs: named('attr'),
    events: named('event'),
    parts: named('csspart'),
    slots: named('slot'),
    cssprops: named('cssprop'),
  };
}

/** `static … properties = { … }`: the public reactive properties and their attributes. */
function properties(text) {
  const block = /static (?:override )?properties[^=]*=\s*\{([\s\S]*?)\n\s*\};/.exec(text)?.[1] ?? '';
  const out = [];
  for (const m of block.matchAll(/^\s*(\w+):\s*\{([^}]*)\}/gm)) {
    const [, name, options] = m;
    if (/state:\s*true/.test(options)) continue;
    const attr = /attribute:\s*(false|'([^']+)')/.exec(options);
    const attribute = attr ? (attr[1] === 'false' ? null : attr[2]) : name.toLowerCase();
    const type = /type:\s*(\w+)/.exec(options)?.[1];
    out.push({ name, attribute, reflects: /reflect:\s*true/.test(options), type });
  }
  return out;
}

/** `/** doc *\/ declare name: Type;` for each field. */
function fields(text) {
  const map = new Map();
  for (const m of text.matchAll(/(?:\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*)?declare (\w+): ([^;]+);/g)) {
    const doc = m[1] ? clean(m[1].split('\n').map((l) => l.replace(/^\s*\*\s?/, ''))) : '';
    map.set(m[2], { description: doc, type: m[3].trim() });
  }
  return map;
}

/** The theming tokens from the table in tokens.styles.ts (`--licheng-color-text / -text-muted`). */
function themingTokens() {
  const text = fs.readFileSync(path.join(root, TOKENS), 'utf8');
  const out = [];
  for (const m of text.matchAll(/^ \* \| (--licheng-[^|]+)\| ([^|]+)\| ([^|]+)\|$/gm)) {
    const names = m[1].trim().split(/\s*\/\s*/);
    const defaults = m[2].trim().split(/\s*\/\s*/);
    const first = names[0];
    const stem = first.replace(/-[a-z]+$/, '');
    names.forEach((n, i) => {
      const name = i === 0 ? n : n.startsWith('--') ? n : `${first.startsWith('--licheng-color-') ? stem : first}${n}`;
      out.push({ name, default: defaults[i] ?? defaults[0], description: m[3].trim() });
    });
  }
  return out;
}

function declaration(source, tag, base, tokens) {
  const text = fs.readFileSync(path.join(root, source), 'utf8');
  const doc = classDoc(text);
  if (!doc) throw new Error(`${source}: no JSDoc'd exported class`);
  const inherits = doc.superclass === 'LichengConnectedElement' && /\.\.\.LichengConnectedElement\.properties/.test(text);
  const docs = new Map([...(inherits ? base.fields : []), ...fields(text)]);
  const props = [...(inherits ? base.props : []), ...properties(text).filter((p) => !(inherits && base.props.some((b) => b.name === p.name)))];
  const attrDocs = new Map([...(inherits ? base.doc.attrs : []), ...doc.attrs].map((a) => [a.name, a.description]));
  const members = props.map((p) => ({
    kind: 'field',
    name: p.name,
    privacy: 'public',
    ...(docs.get(p.name)?.type ? { type: { text: docs.get(p.name).type } } : {}),
    description: docs.get(p.name)?.description || (p.attribute ? attrDocs.get(p.attribute) : '') || '',
    ...(p.attribute ? { attribute: p.attribute } : {}),
    ...(p.reflects ? { reflects: true } : {}),
    ...(inherits && base.props.includes(p) ? { inheritedFrom: { name: 'LichengConnectedElement', module: BASE } } : {}),
  }));
  const attributes = props
    .filter((p) => p.attribute)
    .map((p) => ({
      name: p.attribute,
      fieldName: p.name,
      ...(docs.get(p.name)?.type ? { type: { text: docs.get(p.name).type } } : {}),
      description: attrDocs.get(p.attribute) || docs.get(p.name)?.description || '',
    }));
  const byName = (list) => [...new Map(list.map((x) => [x.name, x])).values()];
  const events = byName([...(inherits ? base.doc.events : []), ...doc.events].reverse()).reverse();
  return {
    kind: 'class',
    name: doc.name,
    tagName: tag,
    customElement: true,
    description: doc.description,
    superclass: { name: doc.superclass, module: doc.superclass === 'LichengConnectedElement' ? BASE : undefined },
    attributes,
    members,
    events: events.map((e) => ({ name: e.name, type: { text: 'CustomEvent' }, description: e.description })),
    cssParts: doc.parts,
    slots: doc.slots,
    cssProperties: [...doc.cssprops, ...tokens],
  };
}

export function buildManifest() {
  const baseText = fs.readFileSync(path.join(root, BASE), 'utf8');
  const base = { doc: classDoc(baseText), props: properties(baseText), fields: fields(baseText) };
  base.fields.set('tokenProvider', { description: "A function the host gives that returns (or resolves to) a fresh token; called when the token has expired, and the failed call is retried once.", type: 'TokenProvider | undefined' });
  const tokens = themingTokens();
  return {
    schemaVersion: '2.1.0',
    readme: 'docs/embedding.md',
    modules: readWidgets().map(({ tag, source }) => {
      const decl = declaration(source, tag, base, tokens);
      return {
        kind: 'javascript-module',
        path: `widgets/${tag}.js`,
        source,
        declarations: [decl],
        exports: [{ kind: 'custom-element-definition', name: tag, declaration: { name: decl.name, module: source } }],
      };
    }),
  };
}

const json = `${JSON.stringify(buildManifest(), null, 2)}\n`;
const target = path.join(portal, 'custom-elements.json');
if (process.argv.includes('--check')) {
  const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : '';
  if (current !== json) {
    console.error('custom-elements.json is out of date: run `node apps/portal/scripts/custom-elements-manifest.mjs`');
    process.exit(1);
  }
  console.log('custom-elements.json is up to date');
} else {
  if (!process.argv.includes('--dist')) fs.writeFileSync(target, json);
  const dist = path.join(portal, 'dist/widgets');
  if (fs.existsSync(dist)) fs.writeFileSync(path.join(dist, 'custom-elements.json'), json);
  console.log(`custom-elements.json: ${JSON.parse(json).modules.map((m) => m.declarations[0].tagName).join(', ')}`);
}
