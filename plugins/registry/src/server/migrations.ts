import type { Kysely } from 'kysely';
import { columnTypes as t, tableOptions, type Migrations } from '@licheng/db';

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
};
