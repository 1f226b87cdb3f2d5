import { recordKindRoutes, type PluginDefinition, type PluginDeps } from '@licheng/server';
import { COMPETITION_KINDS } from './router.ts';

type RoutesApp = Parameters<NonNullable<PluginDefinition['routes']>>[0];

/** Plain HTTP routes at /api/competitions: the results list's template and export. */
export function competitionsRoutes(app: RoutesApp, deps: PluginDeps): void {
  recordKindRoutes(app, deps, COMPETITION_KINDS);
}
