import type { ElementLifecycles } from '@licheng/client';
import { OFFICE_SPECIFIER } from '../import-map.mjs';

/**
 * The office modules this page can load come from its import map: every entry named
 * `@licheng/plugin-<id>/web` is an office's single-spa application, deployed on its own
 * (dist/offices/<id>-<hash>.js, or wherever the school's import map points). The server writes
 * only the school's enabled offices into the map, so a new or updated office needs no rebuild
 * of the portal. Which of them a user sees comes from `platform.me` (enabled at the school and
 * matching one of the user's roles).
 */
export interface OfficeModule {
  id: string;
  /** URL prefix where the office is active. */
  path: string;
  load: () => Promise<ElementLifecycles>;
}

/** The import-map name of an office's application module. */
export function officeSpecifier(id: string): string {
  return `@licheng/plugin-${id}/web`;
}

/** The office ids the page's import maps name, in their order (read from the DOM each call: tests swap the map). */
export function importMapOffices(doc: Document = document): string[] {
  const ids: string[] = [];
  for (const script of doc.querySelectorAll('script[type="importmap"]')) {
    let imports: Record<string, unknown> = {};
    try {
      imports = (JSON.parse(script.textContent ?? '') as { imports?: Record<string, unknown> }).imports ?? {};
    } catch {
      continue; // the browser itself reports a malformed import map
    }
    for (const key of Object.keys(imports)) {
      const id = OFFICE_SPECIFIER.exec(key)?.[1];
      if (id && !ids.includes(id)) ids.push(id);
    }
  }
  return ids;
}

/** An office module, loaded through the import map on first visit. */
export function officeModule(id: string): OfficeModule {
  const specifier = officeSpecifier(id);
  return { id, path: `/${id}`, load: () => import(/* @vite-ignore */ specifier) as Promise<ElementLifecycles> };
}
