// The widget catalogue (catalogue.html): every widget of the custom-elements manifest
// (/widgets/custom-elements.json), its attributes, properties, events, parts and theming, and
// the widget itself live against this server — loaded from its built file (/widgets/<tag>.js)
// exactly as a host page would, with the demo sign-in's token from sessionStorage.

interface Named {
  name: string;
  description?: string;
  type?: { text: string };
  attribute?: string;
  default?: string;
}
interface Declaration {
  tagName: string;
  name: string;
  description: string;
  attributes: Named[];
  members: Named[];
  events: Named[];
  cssParts: Named[];
  slots: Named[];
  cssProperties: Named[];
}
interface Manifest {
  modules: Array<{ path: string; declarations: Declaration[] }>;
}

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

function table(caption: string, rows: Named[], columns: Array<[string, (row: Named) => string]>): string {
  if (rows.length === 0) return '';
  return `<table aria-label="${esc(caption)}">
    <thead><tr>${columns.map(([h]) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead>
    <tbody>${rows.map((r) => `<tr>${columns.map(([, cell]) => `<td>${cell(r)}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
}

const code = (s: string | undefined) => (s ? `<code>${esc(s)}</code>` : '');

function section(d: Declaration, path: string): string {
  const id = d.tagName;
  const tokenProps = d.cssProperties.filter((p) => p.name.startsWith('--licheng-color-primary') || p.name === '--licheng-font-family');
  return `<section class="widget" aria-labelledby="${id}-h">
    <h2 id="${id}-h">${code(`<${d.tagName}>`)}</h2>
    <p>${esc(d.description)}</p>
    <pre>${esc(`<script type="module" src="${location.origin}/${path}"></script>\n<${d.tagName} api-base="${location.origin}" token="…"></${d.tagName}>`)}</pre>
    <h3>Attributes</h3>
    ${table(`${d.tagName} attributes`, d.attributes, [
      ['attribute', (r) => code(r.name)],
      ['type', (r) => code(r.type?.text)],
      ['description', (r) => esc(r.description ?? '')],
    ])}
    <h3>Properties</h3>
    ${table(`${d.tagName} properties`, d.members, [
      ['property', (r) => code(r.name)],
      ['attribute', (r) => code(r.attribute)],
      ['type', (r) => code(r.type?.text)],
      ['description', (r) => esc(r.description ?? '')],
    ])}
    <h3>Events</h3>
    ${table(`${d.tagName} events`, d.events, [
      ['event', (r) => code(r.name)],
      ['description', (r) => esc(r.description ?? '')],
    ])}
    ${d.cssParts.length ? `<h3>CSS parts</h3>${table(`${d.tagName} parts`, d.cssParts, [
      ['part', (r) => code(`::part(${r.name})`)],
      ['description', (r) => esc(r.description ?? '')],
    ])}` : ''}
    <p>Theming: ${d.cssProperties.length} <code>--licheng-*</code> custom properties, e.g. ${tokenProps.map((p) => code(p.name)).join(', ')} (see docs/embedding.md).</p>
    <h3>Live</h3>
    <div class="live" data-tag="${id}"></div>
  </section>`;
}

async function main() {
  const token = sessionStorage.getItem('licheng-token') ?? undefined;
  if (!token) document.getElementById('no-token')?.removeAttribute('hidden');
  const main = document.getElementById('widgets')!;
  const manifest = (await (await fetch('/widgets/custom-elements.json')).json()) as Manifest;
  const modules = manifest.modules.map((m) => ({ path: m.path, d: m.declarations[0]! }));
  main.innerHTML = modules.map(({ d, path }) => section(d, path)).join('');
  for (const { d, path } of modules) {
    // The built widget file, as a host page loads it (not bundled into this page).
    await import(/* @vite-ignore */ `/${path}`);
    const element = document.createElement(d.tagName) as HTMLElement & { token?: string; headingLevel?: number };
    element.setAttribute('heading-level', '4');
    if (token) element.token = token;
    document.querySelector(`.live[data-tag="${d.tagName}"]`)!.append(element);
  }
  main.setAttribute('aria-busy', 'false');
  const log = document.getElementById('log')!;
  for (const { d } of modules) {
    for (const event of d.events) {
      document.addEventListener(event.name, (e) => {
        const item = document.createElement('li');
        item.textContent = `${(e.target as Element).localName}: ${e.type} ${JSON.stringify((e as CustomEvent).detail ?? null)?.slice(0, 200)}`;
        log.append(item);
        if (e.type === 'licheng-token-expired') document.getElementById('no-token')?.removeAttribute('hidden');
      });
    }
  }
}

void main();
