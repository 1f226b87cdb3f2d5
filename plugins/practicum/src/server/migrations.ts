import type { Kysely } from 'kysely';
import { columnTypes as t, tableOptions, type Migrations } from '@licheng/db';

/**
 * The office's own migrations, recorded in their own table (licheng_migrations_practicum) and
 * run only at schools that enable the office. Shipped migrations are frozen: change the schema
 * with a new one. Prefix tables with the office id so offices never collide.
 */
export const practicumMigrations: Migrations = {
  '0001_notices': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('practicum_notices')
        .addColumn('id', t.id, (c) => c.primaryKey())
        .addColumn('school_code', t.schoolCode, (c) => c.notNull())
        .addColumn('title', 'varchar(100)', (c) => c.notNull())
        .addColumn('body', t.longText, (c) => c.notNull())
        .addColumn('posted_by', 'varchar(128)', (c) => c.notNull())
        .addColumn('posted_by_name', 'varchar(100)', (c) => c.notNull())
        .addColumn('posted_at', t.timestamp, (c) => c.notNull())
        .modifyEnd(tableOptions(db))
        .execute();
      await db.schema.createIndex('practicum_notices_school').on('practicum_notices').columns(['school_code', 'posted_at']).execute();
    },
  },
};
