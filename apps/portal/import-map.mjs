// What the portal's import map shares, used by the build (scripts/build.mjs, vite.config.ts)
// and the dev server. Lit, single-spa, the client and the shared elements load once per page
// through the import map; each office module imports them by name and bundles only its own code
// (and the pure rules of @licheng/core it uses, which hold no state and may be copied).

/** Libraries every office shares through the import map. */
const SHARED = [/^lit(\/.*)?$/, /^@lit\//, /^lit-(html|element)(\/.*)?$/, /^single-spa$/, /^@licheng\/(client|ui|ui\/records)$/];

/** `@licheng/plugin-<id>/web` — an office's single-spa application. */
export const OFFICE_SPECIFIER = /^@licheng\/plugin-([a-z][a-z0-9]*(?:-[a-z0-9]+)*)\/web$/;

/** @param {string} id */
export const isShared = (id) => SHARED.some((pattern) => pattern.test(id));

/** Left as bare imports in every built module: the import map resolves them. @param {string} id */
export const isMapped = (id) => isShared(id) || OFFICE_SPECIFIER.test(id);

/** A file-name-safe name for a specifier: `lit/directives/if-defined.js` → `lit-directives-if-defined`. @param {string} specifier */
export const moduleName = (specifier) =>
  specifier
    .replace(/\.js$/, '')
    .replace(/^@/, '')
    .replace(/[^a-zA-Z0-9]+/g, '-');

/** The `<script type="importmap">` element for a map, placed before any module script. @param {{ imports: Record<string, string> }} map */
export function importMapScript(map) {
  // `</` cannot appear in a URL of ours, but never let JSON close the script element.
  return `<script type="importmap">${JSON.stringify(map).replace(/<\//g, '<\\/')}</script>`;
}

/**
 * Puts the import map first in `<head>` (right after the charset), replacing one already there.
 * @param {string} html
 * @param {{ imports: Record<string, string> }} map
 */
export function withImportMap(html, map) {
  const script = importMapScript(map);
  const existing = /<script type="importmap">[\s\S]*?<\/script>/;
  if (existing.test(html)) return html.replace(existing, script);
  const charset = /<meta charset="[^"]*"\s*\/?>/i;
  if (charset.test(html)) return html.replace(charset, (m) => `${m}\n    ${script}`);
  return html.replace(/<head[^>]*>/i, (m) => `${m}\n    ${script}`);
}

/** @type {import('rollup').TreeshakingOptions['moduleSideEffects']} */
export const coreHasNoSideEffects = (id) => (/[\\/]packages[\\/]core[\\/]src[\\/]/.test(id) ? false : undefined);
