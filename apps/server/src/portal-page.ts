import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/** An import map (https://html.spec.whatwg.org/multipage/webappapis.html#import-maps), the part we use. */
export interface ImportMap {
  imports: Record<string, string>;
}

/** `@licheng/plugin-<id>/web`: an office's module (the same rule as apps/portal/import-map.mjs). */
const OFFICE = /^@licheng\/plugin-([a-z][a-z0-9]*(?:-[a-z0-9]+)*)\/web$/;
const IMPORT_MAP_SCRIPT = /<script type="importmap">[\s\S]*?<\/script>/;

/** Where a module may live: an absolute http(s) URL or a path on this server. */
const moduleUrl = z
  .string()
  .trim()
  .refine((url) => url.startsWith('/') || /^https?:\/\/[^\s]+$/i.test(url), 'must be an http(s) URL or a path starting with /');

/** The school's import-map overrides file (LICHENG_IMPORT_MAP): `{ "imports": { "<name>": "<url>" } }`. */
export const importMapOverridesSchema = z.strictObject({ imports: z.record(z.string().trim().min(1), moduleUrl) });

/**
 * The import map a school's portal page gets: the build's map (dist/importmap.json) with only
 * the enabled offices, then the school's overrides — an office deployed on its own (a newer
 * build, or one built elsewhere) is one line there, with no rebuild of the portal.
 */
export function schoolImportMap(built: ImportMap, enabledOffices: readonly string[], overrides: ImportMap = { imports: {} }): ImportMap {
  const imports: Record<string, string> = {};
  for (const [name, url] of Object.entries(built.imports)) {
    const office = OFFICE.exec(name)?.[1];
    if (office === undefined || enabledOffices.includes(office)) imports[name] = url;
  }
  for (const [name, url] of Object.entries(overrides.imports)) {
    const office = OFFICE.exec(name)?.[1];
    if (office !== undefined && !enabledOffices.includes(office)) continue; // a school's override never turns on an office its config keeps off
    imports[name] = url;
  }
  return { imports };
}

/** The page with its import map replaced (the build puts one first in <head>). */
export function withImportMap(page: string, map: ImportMap): string {
  const script = `<script type="importmap">${JSON.stringify(map).replace(/<\//g, '<\\/')}</script>`;
  if (!IMPORT_MAP_SCRIPT.test(page)) throw new Error('the portal page has no import map: rebuild it with `pnpm --filter @licheng/portal build`');
  return page.replace(IMPORT_MAP_SCRIPT, () => script);
}

/** The pages the portal build writes, each with the import map inlined first in <head>. */
export const PORTAL_PAGES = ['index.html', 'catalogue.html', 'embed.html', 'schedule.html'] as const;
export type PortalPageFile = (typeof PORTAL_PAGES)[number];

/** Reads a built portal page (the root config by default) and its import map, and returns the page this school serves. */
export function portalPage(portalDir: string, enabledOffices: readonly string[], overrides?: ImportMap, file: PortalPageFile = 'index.html'): string {
  const page = fs.readFileSync(path.join(portalDir, file), 'utf8');
  const built = JSON.parse(fs.readFileSync(path.join(portalDir, 'importmap.json'), 'utf8')) as ImportMap;
  return withImportMap(page, schoolImportMap(built, enabledOffices, overrides));
}

/**
 * The school's version of a portal page, built once and built again when the portal is rebuilt
 * (the build rewrites the pages and importmap.json, and removes the modules the old page named).
 */
export function portalPageSource(portalDir: string, enabledOffices: readonly string[], overrides?: ImportMap, file: PortalPageFile = 'index.html'): () => string {
  let built: { stamp: string; page: string } | null = null;
  const stampOf = () => [file, 'importmap.json'].map((f) => fs.statSync(path.join(portalDir, f), { throwIfNoEntry: false })?.mtimeMs ?? 0).join(':');
  return () => {
    const stamp = stampOf();
    if (built?.stamp !== stamp) built = { stamp, page: portalPage(portalDir, enabledOffices, overrides, file) };
    return built.page;
  };
}
