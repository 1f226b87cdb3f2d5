import type { Kysely } from 'kysely';
import { columnTypes as t, tableOptions, type Migrations } from '@licheng/db';

/**
 * The office's own tables (licheng_migrations_curriculum): the approved course plan in versions,
 * the 班群 of each class, and the pre-check runs with their differences. Shipped migrations are
 * frozen: change the schema with a new one.
 */
export const curriculumMigrations: Migrations = {
  '0001_course_plan': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('curriculum_plan_versions')
        .addColumn('id', t.id, (c) => c.primaryKey())
        .addColumn('school_code', t.schoolCode, (c) => c.notNull())
        .addColumn('plan_year', 'integer', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('source_name', t.shortText, (c) => c.notNull())
        .addColumn('source_sha256', 'varchar(64)', (c) => c.notNull())
        .addColumn('line_count', 'integer', (c) => c.notNull())
        .addColumn('imported_by', 'varchar(128)', (c) => c.notNull())
        .addColumn('imported_by_name', 'varchar(100)', (c) => c.notNull())
        .addColumn('imported_at', t.timestamp, (c) => c.notNull())
        .modifyEnd(tableOptions(db))
        .execute();
      // Two imports racing for the same next version: one of them fails on this key and writes nothing.
      await db.schema.createIndex('curriculum_plan_versions_number').on('curriculum_plan_versions').columns(['school_code', 'plan_year', 'version']).unique().execute();

      await db.schema
        .createTable('curriculum_plan_lines')
        .addColumn('id', t.id, (c) => c.primaryKey())
        .addColumn('school_code', t.schoolCode, (c) => c.notNull())
        .addColumn('version_id', t.id, (c) => c.notNull())
        .addColumn('code', 'varchar(23)', (c) => c.notNull())
        .addColumn('course_type', 'varchar(40)', (c) => c.notNull())
        .addColumn('subject_name', t.shortText, (c) => c.notNull())
        .addColumn('credits', 'varchar(6)', (c) => c.notNull())
        .addColumn('offering_modes', 'varchar(24)', (c) => c.notNull())
        .addColumn('attributes', 'varchar(4)', (c) => c.notNull())
        .addColumn('entry_year', 'integer', (c) => c.notNull())
        .addColumn('class_group', 'varchar(1)', (c) => c.notNull())
        .addColumn('category', 'varchar(1)', (c) => c.notNull())
        .addColumn('subject_attribute', 'varchar(1)', (c) => c.notNull())
        .addColumn('domain', 'varchar(2)', (c) => c.notNull())
        .modifyEnd(tableOptions(db))
        .execute();
      await db.schema.createIndex('curriculum_plan_lines_code').on('curriculum_plan_lines').columns(['version_id', 'code']).unique().execute();

      await db.schema
        .createTable('curriculum_class_groups')
        .addColumn('id', t.id, (c) => c.primaryKey())
        .addColumn('school_code', t.schoolCode, (c) => c.notNull())
        .addColumn('academic_year', 'integer', (c) => c.notNull())
        .addColumn('class_name', 'varchar(32)', (c) => c.notNull())
        .addColumn('class_group', 'varchar(1)', (c) => c.notNull())
        .addColumn('updated_by', 'varchar(128)', (c) => c.notNull())
        .addColumn('updated_at', t.timestamp, (c) => c.notNull())
        .modifyEnd(tableOptions(db))
        .execute();
      await db.schema.createIndex('curriculum_class_groups_class').on('curriculum_class_groups').columns(['school_code', 'academic_year', 'class_name']).unique().execute();

      await db.schema
        .createTable('curriculum_precheck_runs')
        .addColumn('id', t.id, (c) => c.primaryKey())
        .addColumn('school_code', t.schoolCode, (c) => c.notNull())
        .addColumn('academic_year', 'integer', (c) => c.notNull())
        .addColumn('semester', 'integer', (c) => c.notNull())
        .addColumn('ran_by', 'varchar(128)', (c) => c.notNull())
        .addColumn('ran_by_name', 'varchar(100)', (c) => c.notNull())
        .addColumn('ran_at', t.timestamp, (c) => c.notNull())
        .addColumn('plan_versions', 'varchar(2000)', (c) => c.notNull())
        .addColumn('difference_count', 'integer', (c) => c.notNull())
        .modifyEnd(tableOptions(db))
        .execute();
      await db.schema.createIndex('curriculum_precheck_runs_term').on('curriculum_precheck_runs').columns(['school_code', 'academic_year', 'semester', 'ran_at']).execute();

      await db.schema
        .createTable('curriculum_precheck_differences')
        .addColumn('id', t.id, (c) => c.primaryKey())
        .addColumn('school_code', t.schoolCode, (c) => c.notNull())
        .addColumn('run_id', t.id, (c) => c.notNull())
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('kind', 'varchar(24)', (c) => c.notNull())
        .addColumn('fixer', 'varchar(16)', (c) => c.notNull())
        .addColumn('class_name', 'varchar(32)', (c) => c.notNull())
        .addColumn('code', 'varchar(23)', (c) => c.notNull())
        .addColumn('subject_name', t.shortText, (c) => c.notNull())
        .addColumn('course_id', t.id)
        .addColumn('student_id', t.id)
        .addColumn('student_no', 'varchar(32)')
        .addColumn('student_name', 'varchar(100)')
        .addColumn('expected', t.shortText, (c) => c.notNull())
        .addColumn('found', t.shortText, (c) => c.notNull())
        .modifyEnd(tableOptions(db))
        .execute();
      await db.schema.createIndex('curriculum_precheck_differences_run').on('curriculum_precheck_differences').columns(['run_id', 'position']).execute();
    },
  },
};
