import type { Kysely } from 'kysely';
import { columnTypes as t, tableOptions, type Migrations } from '@licheng/db';

/**
 * The deployment's own table: one row per school it serves, with the school's configuration as
 * the operator wrote it (JSON, checked by parseSchoolConfig on every write and read). Frozen
 * once shipped: change the schema with a new migration.
 */
export const deploymentMigrations: Migrations = {
  '2026_11_28_001_schools': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('deployment_schools')
        .addColumn('code', t.schoolCode, (c) => c.primaryKey())
        .addColumn('name', t.shortText, (c) => c.notNull())
        .addColumn('config', t.longText, (c) => c.notNull())
        // Raised by every change: processes compare it to rebuild a school's app without a restart.
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addColumn('updated_at', t.timestamp, (c) => c.notNull())
        .addColumn('updated_by', t.shortText, (c) => c.notNull())
        .modifyEnd(tableOptions(db))
        .execute();
    },
  },
};

export interface DeploymentDatabase {
  deployment_schools: {
    code: string;
    name: string;
    config: string;
    version: number;
    created_at: string;
    updated_at: string;
    updated_by: string;
  };
}
