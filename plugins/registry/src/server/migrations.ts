import { sql, type Kysely } from 'kysely';
import { columnTypes as t, dialectOf, tableOptions, type Migrations } from '@licheng/db';

/** What the database answers to an UPDATE or DELETE of a submission snapshot. */
export const SNAPSHOT_APPEND_ONLY_MESSAGE = 'roster_snapshots is append-only: submission snapshots are never updated or deleted';

/**
 * The registry's own migrations, recorded in licheng_migrations_registry. Shipped migrations
 * are frozen: change the schema with a new one.
 */
export const registryMigrations: Migrations = {
  '0001_course_grades': {
    async up(db: Kysely<any>) {
      // 學期成績 — one grade of a student in a course and term, by the way it was taken.
      await db.schema
        .createTable('course_grades')
        .addColumn('id', t.id, (c) => c.primaryKey())
        .addColumn('school_code', t.schoolCode, (c) => c.notNull())
        .addColumn('student_id', t.id, (c) => c.notNull().references('students.id').onDelete('cascade'))
        .addColumn('academic_year', 'integer', (c) => c.notNull())
        .addColumn('semester', 'integer', (c) => c.notNull())
        .addColumn('take', 'varchar(16)', (c) => c.notNull())
        .addColumn('course_code', 'varchar(23)', (c) => c.notNull())
        .addColumn('score', 'varchar(8)', (c) => c.notNull())
        .addColumn('passed', 'integer', (c) => c.notNull())
        .addColumn('make_up_score', 'varchar(8)', (c) => c.notNull())
        .addColumn('make_up_passed', 'integer', (c) => c.notNull())
        .addColumn('credit_counted', 'integer', (c) => c.notNull())
        .addColumn('description', 'varchar(500)', (c) => c.notNull())
        .addColumn('context_json', t.longText, (c) => c.notNull())
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addColumn('updated_at', t.timestamp, (c) => c.notNull())
        .addUniqueConstraint('course_grades_once', ['school_code', 'student_id', 'academic_year', 'semester', 'take', 'course_code'])
        .modifyEnd(tableOptions(db))
        .execute();
      await db.schema.createIndex('course_grades_course').on('course_grades').columns(['school_code', 'course_code']).execute();
      // 成績複查 — a student's appeal about one grade, and the registry's answer.
      await db.schema
        .createTable('grade_appeals')
        .addColumn('id', t.id, (c) => c.primaryKey())
        .addColumn('school_code', t.schoolCode, (c) => c.notNull())
        .addColumn('grade_id', t.id, (c) => c.notNull().references('course_grades.id').onDelete('cascade'))
        .addColumn('student_id', t.id, (c) => c.notNull())
        .addColumn('text', 'varchar(200)', (c) => c.notNull())
        .addColumn('status', 'varchar(16)', (c) => c.notNull())
        .addColumn('answer', 'varchar(500)')
        .addColumn('answered_by', 'varchar(128)')
        .addColumn('answered_at', t.timestamp)
        .addColumn('raised_at', t.timestamp, (c) => c.notNull())
        .modifyEnd(tableOptions(db))
        .execute();
      await db.schema.createIndex('grade_appeals_student').on('grade_appeals').columns(['school_code', 'student_id']).execute();
    },
  },
  '0002_roster_exports_and_snapshots': {
    async up(db: Kysely<any>) {
      // 名冊匯出 — one exported roster file and the per-student content it holds (normalized JSON).
      await db.schema
        .createTable('roster_exports')
        .addColumn('id', t.id, (c) => c.primaryKey()) // the roster file's stored_files id
        .addColumn('school_code', t.schoolCode, (c) => c.notNull())
        .addColumn('roster', 'varchar(32)', (c) => c.notNull())
        .addColumn('batch', 'varchar(16)', (c) => c.notNull())
        .addColumn('academic_year', 'integer', (c) => c.notNull())
        .addColumn('semester', 'integer', (c) => c.notNull())
        .addColumn('kind', 'integer', (c) => c.notNull())
        .addColumn('layout_version', 'varchar(32)', (c) => c.notNull())
        .addColumn('file_name', 'varchar(191)', (c) => c.notNull())
        .addColumn('sha256', 'varchar(64)', (c) => c.notNull())
        .addColumn('row_count', 'integer', (c) => c.notNull())
        .addColumn('review_file_id', t.id)
        .addColumn('content_json', t.longText, (c) => c.notNull())
        .addColumn('exported_by', 'varchar(128)', (c) => c.notNull())
        .addColumn('exported_at', t.timestamp, (c) => c.notNull())
        .modifyEnd(tableOptions(db))
        .execute();
      await db.schema.createIndex('roster_exports_term').on('roster_exports').columns(['school_code', 'roster', 'batch', 'academic_year', 'exported_at']).execute();
      // 提交快照 — an export the office marked as submitted (上傳至中央資料庫). Append-only.
      await db.schema
        .createTable('roster_snapshots')
        .addColumn('id', t.id, (c) => c.primaryKey())
        .addColumn('school_code', t.schoolCode, (c) => c.notNull())
        .addColumn('export_id', t.id, (c) => c.notNull())
        .addColumn('roster', 'varchar(32)', (c) => c.notNull())
        .addColumn('batch', 'varchar(16)', (c) => c.notNull())
        .addColumn('academic_year', 'integer', (c) => c.notNull())
        .addColumn('semester', 'integer', (c) => c.notNull())
        .addColumn('kind', 'integer', (c) => c.notNull())
        .addColumn('layout_version', 'varchar(32)', (c) => c.notNull())
        .addColumn('file_id', t.id, (c) => c.notNull())
        .addColumn('file_name', 'varchar(191)', (c) => c.notNull())
        .addColumn('sha256', 'varchar(64)', (c) => c.notNull())
        .addColumn('row_count', 'integer', (c) => c.notNull())
        .addColumn('student_count', 'integer', (c) => c.notNull())
        .addColumn('content_json', t.longText, (c) => c.notNull())
        .addColumn('submitted_by', 'varchar(128)', (c) => c.notNull())
        .addColumn('submitted_by_name', 'varchar(100)', (c) => c.notNull())
        .addColumn('submitted_role', 'varchar(32)', (c) => c.notNull())
        .addColumn('submitted_at', t.timestamp, (c) => c.notNull())
        // One snapshot per exported file: marking the same export twice (or twice at once) is refused.
        .addUniqueConstraint('roster_snapshots_once', ['school_code', 'export_id'])
        .modifyEnd(tableOptions(db))
        .execute();
      await db.schema.createIndex('roster_snapshots_term').on('roster_snapshots').columns(['school_code', 'roster', 'batch', 'academic_year', 'submitted_at']).execute();
      const message = sql.lit(SNAPSHOT_APPEND_ONLY_MESSAGE);
      for (const event of ['UPDATE', 'DELETE'] as const) {
        const name = sql.raw(`roster_snapshots_no_${event.toLowerCase()}`);
        const on = sql.raw(event);
        if (dialectOf(db) === 'mysql') await sql`CREATE TRIGGER ${name} BEFORE ${on} ON roster_snapshots FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = ${message}`.execute(db);
        else await sql`CREATE TRIGGER ${name} BEFORE ${on} ON roster_snapshots BEGIN SELECT RAISE(ABORT, ${message}); END`.execute(db);
      }
    },
  },
};
