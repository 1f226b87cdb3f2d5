import { recordKindRoutes, type PluginDefinition, type PluginDeps } from '@licheng/server';
import { LIBRARY_KINDS } from './router.ts';

type RoutesApp = Parameters<NonNullable<PluginDefinition['routes']>>[0];

/** Plain HTTP routes of the library, mounted at /api/library: the reading list's template and export. */
export function libraryRoutes(app: RoutesApp, deps: PluginDeps): void {
  recordKindRoutes(app, deps, LIBRARY_KINDS);
}
