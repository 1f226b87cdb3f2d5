import type { Kysely } from 'kysely';
import { columnTypes as t, tableOptions, type Migrations } from '@licheng/db';

/**
 * The student office's own migrations, recorded in licheng_migrations_student. Shipped
 * migrations are frozen: change the schema with a new one.
 */
export const studentMigrations: Migrations = {
  '0001_portfolio_consents': {
    async up(db: Kysely<any>) {
      // 同意 — one row per consent given; withdrawn (or replaced by a new one) when withdrawn_at is set.
      await db.schema
        .createTable('portfolio_consents')
        .addColumn('id', t.id, (c) => c.primaryKey())
        .addColumn('school_code', t.schoolCode, (c) => c.notNull())
        .addColumn('student_id', t.id, (c) => c.notNull().references('students.id').onDelete('cascade'))
        .addColumn('parts', 'varchar(200)', (c) => c.notNull())
        .addColumn('academic_years', 'varchar(100)', (c) => c.notNull())
        .addColumn('given_at', t.timestamp, (c) => c.notNull())
        .addColumn('withdrawn_at', t.timestamp)
        .addColumn('ended_by', 'varchar(12)')
        .modifyEnd(tableOptions(db))
        .execute();
      await db.schema.createIndex('portfolio_consents_student').on('portfolio_consents').columns(['school_code', 'student_id']).execute();
    },
  },
};
