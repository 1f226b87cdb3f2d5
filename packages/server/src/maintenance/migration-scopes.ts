import type { MigrationScope } from '@licheng/db';
import { platformMigrations } from '../platform/migrations.ts';
import type { PluginDefinition } from '../plugin.ts';

/** The platform's migration scope and every office's that has migrations, in start-up order. */
export function migrationScopes(plugins: PluginDefinition[]): MigrationScope[] {
  return [{ scope: 'platform', migrations: platformMigrations }, ...plugins.filter((p) => p.migrations).map((p) => ({ scope: p.id, migrations: p.migrations! }))];
}
