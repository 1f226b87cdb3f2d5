import type { Kysely } from 'kysely';
import { columnTypes as t, tableOptions, type Migrations } from '@licheng/db';
import { auditAppendOnly } from './audit-migration.ts';

/** The platform's own tables: the roster every office reads, records, files, selections, audit.
 *  Frozen once shipped: change the schema with a new migration. */
export const platformMigrations: Migrations = {
  '2026_11_24_001_roster': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('students')
        .addColumn('id', t.id, (c) => c.primaryKey())
        .addColumn('school_code', t.schoolCode, (c) => c.notNull())
        .addColumn('student_no', 'varchar(32)', (c) => c.notNull())
        .addColumn('host_user_id', 'varchar(128)', (c) => c.notNull())
        .addColumn('name', 'varchar(100)', (c) => c.notNull())
        .addColumn('national_id', 'varchar(16)', (c) => c.notNull())
        .addColumn('birth_date', 'varchar(10)', (c) => c.notNull())
        .addColumn('grade', 'integer', (c) => c.notNull())
        .addColumn('class_name', 'varchar(32)', (c) => c.notNull())
        .addColumn('seat_no', 'integer', (c) => c.notNull())
        .addColumn('division', 'varchar(8)', (c) => c.notNull())
        .addColumn('department_code', 'varchar(8)')
        .addColumn('status', 'varchar(16)', (c) => c.notNull())
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addColumn('updated_at', t.timestamp, (c) => c.notNull())
        .addUniqueConstraint('students_school_no', ['school_code', 'student_no'])
        .addUniqueConstraint('students_school_host', ['school_code', 'host_user_id'])
        .modifyEnd(tableOptions(db))
        .execute();
      await db.schema
        .createTable('teachers')
        .addColumn('id', t.id, (c) => c.primaryKey())
        .addColumn('school_code', t.schoolCode, (c) => c.notNull())
        .addColumn('teacher_no', 'varchar(32)', (c) => c.notNull())
        .addColumn('host_user_id', 'varchar(128)', (c) => c.notNull())
        .addColumn('name', 'varchar(100)', (c) => c.notNull())
        .addColumn('email', 'varchar(191)')
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addColumn('updated_at', t.timestamp, (c) => c.notNull())
        .addUniqueConstraint('teachers_school_no', ['school_code', 'teacher_no'])
        .addUniqueConstraint('teachers_school_host', ['school_code', 'host_user_id'])
        .modifyEnd(tableOptions(db))
        .execute();
      await db.schema
        .createTable('courses')
        .addColumn('id', t.id, (c) => c.primaryKey())
        .addColumn('school_code', t.schoolCode, (c) => c.notNull())
        .addColumn('academic_year', 'integer', (c) => c.notNull())
        .addColumn('semester', 'integer', (c) => c.notNull())
        .addColumn('code', 'varchar(23)', (c) => c.notNull())
        .addColumn('subject_name', 'varchar(100)', (c) => c.notNull())
        .addColumn('grade_level', 'integer', (c) => c.notNull())
        .addColumn('credits', 'integer', (c) => c.notNull())
        .addColumn('class_name', 'varchar(32)', (c) => c.notNull())
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addColumn('updated_at', t.timestamp, (c) => c.notNull())
        .addUniqueConstraint('courses_offering', ['school_code', 'academic_year', 'semester', 'code', 'class_name'])
        .modifyEnd(tableOptions(db))
        .execute();
      await db.schema
        .createTable('course_teachers')
        .addColumn('course_id', t.id, (c) => c.notNull().references('courses.id').onDelete('cascade'))
        .addColumn('teacher_id', t.id, (c) => c.notNull().references('teachers.id').onDelete('cascade'))
        .addColumn('school_code', t.schoolCode, (c) => c.notNull())
        .addPrimaryKeyConstraint('course_teachers_pk', ['course_id', 'teacher_id'])
        .modifyEnd(tableOptions(db))
        .execute();
      await db.schema
        .createTable('enrolments')
        .addColumn('id', t.id, (c) => c.primaryKey())
        .addColumn('school_code', t.schoolCode, (c) => c.notNull())
        .addColumn('student_id', t.id, (c) => c.notNull().references('students.id').onDelete('cascade'))
        .addColumn('course_id', t.id, (c) => c.notNull().references('courses.id').onDelete('cascade'))
        .addColumn('take_kind', 'integer', (c) => c.notNull())
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addUniqueConstraint('enrolments_student_course', ['student_id', 'course_id'])
        .modifyEnd(tableOptions(db))
        .execute();
    },
  },
  '2026_11_24_002_records': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('stored_files')
        .addColumn('id', t.id, (c) => c.primaryKey())
        .addColumn('school_code', t.schoolCode, (c) => c.notNull())
        .addColumn('sha256', 'varchar(64)', (c) => c.notNull())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addColumn('type', 'varchar(8)', (c) => c.notNull())
        .addColumn('original_name', 'varchar(255)', (c) => c.notNull())
        .addColumn('created_by', 'varchar(128)', (c) => c.notNull())
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .modifyEnd(tableOptions(db))
        .execute();
      await db.schema.createIndex('stored_files_sha').on('stored_files').column('sha256').execute();
      await db.schema
        .createTable('records')
        .addColumn('id', t.id, (c) => c.primaryKey())
        .addColumn('school_code', t.schoolCode, (c) => c.notNull())
        .addColumn('kind', 'varchar(40)', (c) => c.notNull())
        .addColumn('student_id', t.id, (c) => c.notNull().references('students.id').onDelete('cascade'))
        .addColumn('course_id', t.id, (c) => c.references('courses.id'))
        .addColumn('academic_year', 'integer', (c) => c.notNull())
        .addColumn('semester', 'integer', (c) => c.notNull())
        .addColumn('summary', 'varchar(400)', (c) => c.notNull())
        .addColumn('data', t.longText, (c) => c.notNull())
        .addColumn('document_file_id', t.id, (c) => c.references('stored_files.id'))
        .addColumn('media_file_id', t.id, (c) => c.references('stored_files.id'))
        .addColumn('status', 'varchar(12)', (c) => c.notNull())
        .addColumn('status_reason', 'varchar(400)')
        .addColumn('decided_by', 'varchar(128)')
        .addColumn('decided_by_name', 'varchar(100)')
        .addColumn('decided_role', 'varchar(40)')
        .addColumn('decided_at', t.timestamp)
        .addColumn('entered_by', 'varchar(128)', (c) => c.notNull())
        .addColumn('entered_role', 'varchar(40)', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addColumn('updated_at', t.timestamp, (c) => c.notNull())
        .modifyEnd(tableOptions(db))
        .execute();
      await db.schema.createIndex('records_queue').on('records').columns(['school_code', 'kind', 'status', 'course_id']).execute();
      await db.schema.createIndex('records_student').on('records').columns(['student_id', 'kind', 'academic_year']).execute();
      await db.schema
        .createTable('selections')
        .addColumn('id', t.id, (c) => c.primaryKey())
        .addColumn('school_code', t.schoolCode, (c) => c.notNull())
        .addColumn('student_id', t.id, (c) => c.notNull().references('students.id').onDelete('cascade'))
        .addColumn('record_id', t.id, (c) => c.notNull().unique().references('records.id'))
        .addColumn('kind', 'varchar(40)', (c) => c.notNull())
        .addColumn('academic_year', 'integer', (c) => c.notNull())
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .modifyEnd(tableOptions(db))
        .execute();
      await db.schema.createIndex('selections_student').on('selections').columns(['student_id', 'kind', 'academic_year']).execute();
      await db.schema
        .createTable('audit_log')
        .addColumn('id', t.id, (c) => c.primaryKey())
        .addColumn('school_code', t.schoolCode, (c) => c.notNull())
        .addColumn('actor_id', 'varchar(128)', (c) => c.notNull())
        .addColumn('actor_name', 'varchar(100)', (c) => c.notNull())
        .addColumn('actor_role', 'varchar(40)', (c) => c.notNull())
        .addColumn('action', 'varchar(80)', (c) => c.notNull())
        .addColumn('entity', 'varchar(40)', (c) => c.notNull())
        .addColumn('entity_id', 'varchar(64)', (c) => c.notNull())
        .addColumn('before', t.longText)
        .addColumn('after', t.longText)
        .addColumn('at', t.timestamp, (c) => c.notNull())
        .modifyEnd(tableOptions(db))
        .execute();
      await db.schema.createIndex('audit_entity').on('audit_log').columns(['entity', 'entity_id']).execute();
    },
  },
  '2026_11_24_003_classes': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('classes')
        .addColumn('id', t.id, (c) => c.primaryKey())
        .addColumn('school_code', t.schoolCode, (c) => c.notNull())
        .addColumn('academic_year', 'integer', (c) => c.notNull())
        .addColumn('class_name', 'varchar(32)', (c) => c.notNull())
        .addColumn('grade', 'integer', (c) => c.notNull())
        .addColumn('homeroom_teacher_id', t.id, (c) => c.references('teachers.id').onDelete('set null'))
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addColumn('updated_at', t.timestamp, (c) => c.notNull())
        .addUniqueConstraint('classes_school_year_name', ['school_code', 'academic_year', 'class_name'])
        .modifyEnd(tableOptions(db))
        .execute();
      await db.schema.createIndex('classes_homeroom').on('classes').columns(['homeroom_teacher_id', 'academic_year']).execute();
    },
  },
  '2026_11_27_input_001_students_national_id': {
    /** A 身分證號 belongs to one student of a school (the imports check it row by row first). Fails on a
     *  database where two students already share one: correct those rows, then start again. */
    async up(db: Kysely<any>) {
      await db.schema.createIndex('students_school_national_id').on('students').columns(['school_code', 'national_id']).unique().execute();
    },
  },
  '2026_11_27_input_002_roster_locks': {
    /** One row per school that every roster write (students, teachers) updates first, so roster
     *  writes of a school run one after another and each judges the roster rules on the latest data. */
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('roster_locks')
        .addColumn('school_code', t.schoolCode, (c) => c.primaryKey())
        .addColumn('writes', 'integer', (c) => c.notNull())
        .modifyEnd(tableOptions(db))
        .execute();
    },
  },
  '2026_11_27_audit_001_append_only': auditAppendOnly,
  '2026_11_27_kinds_001_advisees': {
    /** 課程諮詢教師 ↔ their advisees (the students a course consultant keeps records for), entered or imported by counseling. */
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('advisees')
        .addColumn('id', t.id, (c) => c.primaryKey())
        .addColumn('school_code', t.schoolCode, (c) => c.notNull())
        .addColumn('teacher_id', t.id, (c) => c.notNull().references('teachers.id').onDelete('cascade'))
        .addColumn('student_id', t.id, (c) => c.notNull().references('students.id').onDelete('cascade'))
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addUniqueConstraint('advisees_teacher_student', ['teacher_id', 'student_id'])
        .modifyEnd(tableOptions(db))
        .execute();
      await db.schema.createIndex('advisees_student').on('advisees').columns(['student_id']).execute();
    },
  },
  '2026_11_27_status_001_status_over_time': {
    async up(db: Kysely<any>) {
      // 學籍異動 — one dated change of a student's status (轉入, 轉出, 休學, 復學, 重讀, 畢業, 借讀).
      await db.schema
        .createTable('status_changes')
        .addColumn('id', t.id, (c) => c.primaryKey())
        .addColumn('school_code', t.schoolCode, (c) => c.notNull())
        .addColumn('student_id', t.id, (c) => c.notNull().references('students.id').onDelete('cascade'))
        .addColumn('date', 'varchar(10)', (c) => c.notNull())
        .addColumn('kind', 'varchar(16)', (c) => c.notNull())
        .addColumn('status_code', 'varchar(3)', (c) => c.notNull())
        .addColumn('note', 'varchar(200)', (c) => c.notNull())
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addUniqueConstraint('status_changes_once', ['school_code', 'student_id', 'date', 'kind'])
        .modifyEnd(tableOptions(db))
        .execute();
      // 學期編班 — where a student sat in one term: division (日間部 / 進修部), class and seat.
      await db.schema
        .createTable('term_placements')
        .addColumn('id', t.id, (c) => c.primaryKey())
        .addColumn('school_code', t.schoolCode, (c) => c.notNull())
        .addColumn('student_id', t.id, (c) => c.notNull().references('students.id').onDelete('cascade'))
        .addColumn('academic_year', 'integer', (c) => c.notNull())
        .addColumn('semester', 'integer', (c) => c.notNull())
        .addColumn('division', 'varchar(8)', (c) => c.notNull())
        .addColumn('class_name', 'varchar(32)', (c) => c.notNull())
        .addColumn('seat_no', 'integer', (c) => c.notNull())
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addColumn('updated_at', t.timestamp, (c) => c.notNull())
        .addUniqueConstraint('term_placements_once', ['school_code', 'student_id', 'academic_year', 'semester'])
        .modifyEnd(tableOptions(db))
        .execute();
      await db.schema.createIndex('term_placements_class').on('term_placements').columns(['school_code', 'academic_year', 'semester', 'class_name']).execute();
    },
  },
  '2026_11_27_proxies_001_proxies_absences_departures': {
    async up(db: Kysely<any>) {
      // 代理人 — a principal's ordered proxies for certification or one office's work; removed rows stay (removed_at).
      await db.schema
        .createTable('proxies')
        .addColumn('id', t.id, (c) => c.primaryKey())
        .addColumn('school_code', t.schoolCode, (c) => c.notNull())
        .addColumn('scope', 'varchar(40)', (c) => c.notNull())
        .addColumn('principal_user_id', 'varchar(128)', (c) => c.notNull())
        .addColumn('principal_name', 'varchar(100)', (c) => c.notNull())
        .addColumn('proxy_user_id', 'varchar(128)', (c) => c.notNull())
        .addColumn('proxy_name', 'varchar(100)', (c) => c.notNull())
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('roles_json', 'varchar(400)', (c) => c.notNull())
        .addColumn('created_by', 'varchar(128)', (c) => c.notNull())
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addColumn('removed_at', t.timestamp)
        .modifyEnd(tableOptions(db))
        .execute();
      await db.schema.createIndex('proxies_proxy').on('proxies').columns(['school_code', 'proxy_user_id']).execute();
      await db.schema.createIndex('proxies_principal').on('proxies').columns(['school_code', 'principal_user_id', 'scope']).execute();
      // 請假 — a staff member away on Taipei dates from_date to to_date (both included).
      await db.schema
        .createTable('staff_absences')
        .addColumn('id', t.id, (c) => c.primaryKey())
        .addColumn('school_code', t.schoolCode, (c) => c.notNull())
        .addColumn('user_id', 'varchar(128)', (c) => c.notNull())
        .addColumn('from_date', 'varchar(10)', (c) => c.notNull())
        .addColumn('to_date', 'varchar(10)', (c) => c.notNull())
        .addColumn('reason', 'varchar(200)', (c) => c.notNull())
        .addColumn('created_by', 'varchar(128)', (c) => c.notNull())
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addColumn('removed_at', t.timestamp)
        .modifyEnd(tableOptions(db))
        .execute();
      await db.schema.createIndex('staff_absences_user').on('staff_absences').columns(['school_code', 'user_id', 'to_date']).execute();
      // 離職 — a staff member who left; certification_until keeps their own certification open until then.
      await db.schema
        .createTable('staff_departures')
        .addColumn('id', t.id, (c) => c.primaryKey())
        .addColumn('school_code', t.schoolCode, (c) => c.notNull())
        .addColumn('user_id', 'varchar(128)', (c) => c.notNull())
        .addColumn('departed_on', 'varchar(10)', (c) => c.notNull())
        .addColumn('certification_until', 'varchar(10)')
        .addColumn('note', 'varchar(200)', (c) => c.notNull())
        .addColumn('created_by', 'varchar(128)', (c) => c.notNull())
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addUniqueConstraint('staff_departures_user', ['school_code', 'user_id'])
        .modifyEnd(tableOptions(db))
        .execute();
      // Who a proxy decided for: null unless a proxy decided.
      await db.schema.alterTable('records').addColumn('decided_for', 'varchar(128)').execute();
      await db.schema.alterTable('records').addColumn('decided_for_name', 'varchar(100)').execute();
      // Whom an audit entry's actor acted for as a proxy: null when for themselves.
      await db.schema.alterTable('audit_log').addColumn('acted_for', 'varchar(128)').execute();
      await db.schema.alterTable('audit_log').addColumn('acted_for_name', 'varchar(100)').execute();
    },
  },
  '2026_11_28_schedule_001_windows': {
    /** 作業期程 in the database: the working group sets it on screen; the config only seeds it. */
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('schedule_windows')
        .addColumn('id', t.id, (c) => c.primaryKey())
        .addColumn('school_code', t.schoolCode, (c) => c.notNull())
        .addColumn('activity', 'varchar(40)', (c) => c.notNull())
        .addColumn('academic_year', 'integer', (c) => c.notNull())
        .addColumn('semester', 'integer', (c) => c.notNull())
        .addColumn('start_date', 'varchar(10)', (c) => c.notNull())
        .addColumn('end_date', 'varchar(10)', (c) => c.notNull())
        .addColumn('grades', 'varchar(40)')
        .addColumn('classes', t.longText)
        .addColumn('record_kinds', 'varchar(400)')
        .addColumn('self_check', 'varchar(10)')
        .addColumn('qualifier', 'varchar(60)')
        .addColumn('start_from', 'varchar(160)')
        .addColumn('end_from', 'varchar(160)')
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addColumn('created_by', 'varchar(128)', (c) => c.notNull())
        .addColumn('updated_at', t.timestamp, (c) => c.notNull())
        .addColumn('updated_by', 'varchar(128)', (c) => c.notNull())
        .addColumn('updated_by_name', 'varchar(100)', (c) => c.notNull())
        .addColumn('removed_at', t.timestamp)
        .addColumn('removed_by', 'varchar(128)')
        .modifyEnd(tableOptions(db))
        .execute();
      await db.schema.createIndex('schedule_windows_school_year').on('schedule_windows').columns(['school_code', 'academic_year']).execute();
      await db.schema
        .createTable('schedule_schools')
        .addColumn('school_code', t.schoolCode, (c) => c.primaryKey())
        .addColumn('seeded_at', t.timestamp, (c) => c.notNull())
        .addColumn('changes', 'integer', (c) => c.notNull())
        .modifyEnd(tableOptions(db))
        .execute();
    },
  },
  '2026_11_28_schedule_002_reminders_and_job_leases': {
    async up(db: Kysely<any>) {
      // Background jobs: one row per job; a process runs the job only while it holds the lease (docs/adr/0025).
      await db.schema
        .createTable('job_leases')
        .addColumn('name', 'varchar(80)', (c) => c.primaryKey())
        .addColumn('holder', 'varchar(128)')
        .addColumn('lease_until', t.timestamp, (c) => c.notNull())
        .addColumn('next_run_at', t.timestamp, (c) => c.notNull())
        .addColumn('last_started_at', t.timestamp)
        .addColumn('last_finished_at', t.timestamp)
        .addColumn('last_error', 'varchar(400)')
        .modifyEnd(tableOptions(db))
        .execute();
      // Every reminder sent or skipped: the unique key makes a second send of the same reminder fail in the database.
      await db.schema
        .createTable('reminders')
        .addColumn('id', t.id, (c) => c.primaryKey())
        .addColumn('school_code', t.schoolCode, (c) => c.notNull())
        .addColumn('window_id', t.id, (c) => c.notNull())
        .addColumn('lead_days', 'integer', (c) => c.notNull())
        .addColumn('channel', 'varchar(8)', (c) => c.notNull())
        .addColumn('recipient_user_id', 'varchar(128)', (c) => c.notNull())
        .addColumn('recipient_name', 'varchar(100)', (c) => c.notNull())
        .addColumn('recipient_kind', 'varchar(8)', (c) => c.notNull())
        .addColumn('address', 'varchar(191)')
        .addColumn('status', 'varchar(12)', (c) => c.notNull())
        .addColumn('deadline', 'varchar(10)', (c) => c.notNull())
        .addColumn('subject', 'varchar(200)', (c) => c.notNull())
        .addColumn('body', t.longText, (c) => c.notNull())
        .addColumn('sent_at', t.timestamp, (c) => c.notNull())
        .addColumn('read_at', t.timestamp)
        .addUniqueConstraint('reminders_once', ['school_code', 'window_id', 'lead_days', 'channel', 'recipient_user_id'])
        .modifyEnd(tableOptions(db))
        .execute();
      await db.schema.createIndex('reminders_recipient').on('reminders').columns(['school_code', 'recipient_user_id', 'channel']).execute();
      // 提醒 lead times of a window (JSON list of days before its end); null = the platform's default.
      await db.schema.alterTable('schedule_windows').addColumn('reminder_leads', 'varchar(40)').execute();
    },
  },
  '2026_11_28_after_school_001_record_origins_and_purges': {
    async up(db: Kysely<any>) {
      // A record imported from another school's transfer package (ADR 0033): where it was first made; read-only here.
      await db.schema
        .createTable('record_origins')
        .addColumn('record_id', t.id, (c) => c.primaryKey())
        .addColumn('school_code', t.schoolCode, (c) => c.notNull())
        .addColumn('origin_school_code', t.schoolCode, (c) => c.notNull())
        .addColumn('origin_record_id', 'varchar(64)', (c) => c.notNull())
        .addColumn('imported_from_school', t.schoolCode, (c) => c.notNull())
        .addColumn('selected_at_origin', 'integer', (c) => c.notNull())
        .addColumn('package_sha256', 'char(64)', (c) => c.notNull())
        .addColumn('imported_by', 'varchar(128)', (c) => c.notNull())
        .addColumn('imported_at', t.timestamp, (c) => c.notNull())
        .addUniqueConstraint('record_origins_once', ['school_code', 'origin_school_code', 'origin_record_id'])
        .modifyEnd(tableOptions(db))
        .execute();
      // A graduate's portfolio purged after the retention period (ADR 0034): at most one row per student.
      await db.schema
        .createTable('retention_purges')
        .addColumn('id', t.id, (c) => c.primaryKey())
        .addColumn('school_code', t.schoolCode, (c) => c.notNull())
        .addColumn('student_id', t.id, (c) => c.notNull())
        .addColumn('graduated_on', 'varchar(10)', (c) => c.notNull())
        .addColumn('due_on', 'varchar(10)', (c) => c.notNull())
        .addColumn('records', 'integer', (c) => c.notNull())
        .addColumn('files', 'integer', (c) => c.notNull())
        .addColumn('purged_at', t.timestamp, (c) => c.notNull())
        .addUniqueConstraint('retention_purges_once', ['school_code', 'student_id'])
        .modifyEnd(tableOptions(db))
        .execute();
    },
  },
  '2026_11_28_student_data_001_roster_fields': {
    /** The 學生資料名冊 columns the school imports with its 學生名冊 (性別代碼, 群別代碼, 部別代碼 …),
     *  as JSON by key (core student-roster-fields.ts); null when the school gave none. */
    async up(db: Kysely<any>) {
      await db.schema.alterTable('students').addColumn('roster_fields', 'text').execute();
    },
  },
  // What each office purged of the student with the platform's records (ADR 0034), as JSON.
  '2026_11_28_purge_hook_001_offices_purged': {
    async up(db: Kysely<any>) {
      await db.schema.alterTable('retention_purges').addColumn('offices', t.longText).execute();
    },
  },
};
