import { recordKindRoutes, type PluginDefinition, type PluginDeps } from '@licheng/server';
import { COUNSELING_KINDS } from './router.ts';

type RoutesApp = Parameters<NonNullable<PluginDefinition['routes']>>[0];

/**
 * Plain HTTP routes of counseling, mounted at /api/counseling: each kind's import template and
 * export — except 課程諮詢紀錄, which never leaves the school (the export refuses it).
 */
export function counselingRoutes(app: RoutesApp, deps: PluginDeps): void {
  recordKindRoutes(app, deps, COUNSELING_KINDS);
}
