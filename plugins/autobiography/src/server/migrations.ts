import type { Kysely } from 'kysely';
import { columnTypes as t, tableOptions, type Migrations } from '@licheng/db';

/**
 * The office's own tables (licheng_migrations_autobiography), run only at schools that enable it.
 * Shipped migrations are frozen: change the schema with a new one.
 *
 * - autobiography_documents: one per student, kind (autobiography | study-plan) and language;
 *   where it stands in the check (draft, submitted, passed, returned).
 * - autobiography_versions: every saved draft, numbered 1, 2, 3 …; never updated nor deleted.
 * - autobiography_checks: every decision of a checker on a submitted version, and its reopening.
 */
export const autobiographyMigrations: Migrations = {
  '0001_documents_versions_checks': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('autobiography_documents')
        .addColumn('id', t.id, (c) => c.primaryKey())
        .addColumn('school_code', t.schoolCode, (c) => c.notNull())
        .addColumn('student_id', t.id, (c) => c.notNull())
        .addColumn('kind', 'varchar(20)', (c) => c.notNull())
        .addColumn('language', 'varchar(2)', (c) => c.notNull())
        .addColumn('status', 'varchar(12)', (c) => c.notNull())
        .addColumn('latest_version', 'integer', (c) => c.notNull())
        .addColumn('submitted_version', 'integer')
        .addColumn('submitted_at', t.timestamp)
        .addColumn('record_id', t.id)
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addColumn('updated_at', t.timestamp, (c) => c.notNull())
        .addUniqueConstraint('autobiography_documents_one', ['school_code', 'student_id', 'kind', 'language'])
        .modifyEnd(tableOptions(db))
        .execute();
      await db.schema.createIndex('autobiography_documents_status').on('autobiography_documents').columns(['school_code', 'status']).execute();

      await db.schema
        .createTable('autobiography_versions')
        .addColumn('id', t.id, (c) => c.primaryKey())
        .addColumn('school_code', t.schoolCode, (c) => c.notNull())
        .addColumn('document_id', t.id, (c) => c.notNull())
        .addColumn('number', 'integer', (c) => c.notNull())
        .addColumn('text', t.longText, (c) => c.notNull())
        .addColumn('sections', t.longText)
        .addColumn('char_count', 'integer', (c) => c.notNull())
        .addColumn('restored_from', 'integer')
        .addColumn('saved_by', 'varchar(128)', (c) => c.notNull())
        .addColumn('saved_by_name', 'varchar(100)', (c) => c.notNull())
        .addColumn('saved_at', t.timestamp, (c) => c.notNull())
        .addUniqueConstraint('autobiography_versions_number', ['document_id', 'number'])
        .modifyEnd(tableOptions(db))
        .execute();

      await db.schema
        .createTable('autobiography_checks')
        .addColumn('id', t.id, (c) => c.primaryKey())
        .addColumn('school_code', t.schoolCode, (c) => c.notNull())
        .addColumn('document_id', t.id, (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('decision', 'varchar(10)', (c) => c.notNull())
        .addColumn('comment', 'varchar(800)')
        .addColumn('decided_by', 'varchar(128)', (c) => c.notNull())
        .addColumn('decided_by_name', 'varchar(100)', (c) => c.notNull())
        .addColumn('decided_role', 'varchar(40)', (c) => c.notNull())
        .addColumn('decided_at', t.timestamp, (c) => c.notNull())
        .addColumn('reopened_at', t.timestamp)
        .addColumn('reopen_reason', 'varchar(800)')
        .modifyEnd(tableOptions(db))
        .execute();
      await db.schema.createIndex('autobiography_checks_document').on('autobiography_checks').columns(['document_id', 'decided_at']).execute();
    },
  },
};
