import { Kysely, Migrator, MysqlAdapter, sql, type Migration, type MigrationProvider } from 'kysely';
import type { DialectName } from './connect.ts';

export type Migrations = Record<string, Migration>;

/** A named set of migrations with its own migration table (one per plugin, one for the platform). */
export interface MigrationScope {
  scope: string;
  migrations: Migrations;
}

class RecordProvider implements MigrationProvider {
  constructor(private readonly migrations: Migrations) {}
  async getMigrations() {
    return this.migrations;
  }
}

export function migrationTableName(scope: string): string {
  if (!/^[a-z][a-z0-9_-]*$/.test(scope)) throw new Error(`invalid migration scope "${scope}"`);
  return `licheng_migrations_${scope.replace(/-/g, '_')}`;
}

/** Brings every scope to its latest migration, in the order given. Throws on the first failure. */
export async function migrateScopes(db: Kysely<any>, scopes: MigrationScope[]): Promise<string[]> {
  const applied: string[] = [];
  for (const { scope, migrations } of scopes) {
    const table = migrationTableName(scope);
    const migrator = new Migrator({
      db,
      provider: new RecordProvider(migrations),
      migrationTableName: table,
      migrationLockTableName: `${table}_lock`,
    });
    const { error, results } = await migrator.migrateToLatest();
    for (const r of results ?? []) {
      if (r.status === 'Success') applied.push(`${scope}/${r.migrationName}`);
    }
    if (error) {
      const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? '?';
      throw new Error(`migration ${scope}/${failed} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return applied;
}

export function dialectOf(db: Kysely<any>): DialectName {
  return db.getExecutor().adapter instanceof MysqlAdapter ? 'mysql' : 'sqlite';
}

/**
 * Table options for create-table in migrations: InnoDB + utf8mb4 on MySQL, nothing on SQLite.
 * The binary collation makes MySQL compare text exactly as SQLite does: host user ids, 學號 and
 * hashes that differ only in case are different people and files (trailing spaces still
 * compare equal on MySQL's PAD SPACE collations; inputs are trimmed before they get here).
 */
export function tableOptions(db: Kysely<any>) {
  return dialectOf(db) === 'mysql' ? sql`engine=InnoDB default charset=utf8mb4 collate=utf8mb4_bin` : sql``;
}

/** Column types shared by every migration, so both dialects get the same shape. */
export const columnTypes = {
  id: 'varchar(36)',
  schoolCode: 'varchar(6)',
  timestamp: 'varchar(24)',
  shortText: 'varchar(191)',
  longText: sql`mediumtext`,
} as const;
