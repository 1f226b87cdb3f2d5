import type { Kysely } from 'kysely';
import { columnTypes as t, tableOptions, type Migrations } from '@licheng/db';

/**
 * The office's own migrations, recorded in licheng_migrations_homeroom. Shipped migrations are
 * frozen: change the schema with a new one.
 */
export const homeroomMigrations: Migrations = {
  '0001_reminders': {
    async up(db: Kysely<any>) {
      // One reminder a homeroom teacher (導師) sent one student: what the check found, and who sent it when.
      await db.schema
        .createTable('homeroom_reminders')
        .addColumn('id', t.id, (c) => c.primaryKey())
        .addColumn('school_code', t.schoolCode, (c) => c.notNull())
        .addColumn('student_id', t.id, (c) => c.notNull())
        .addColumn('class_name', 'varchar(32)', (c) => c.notNull())
        .addColumn('academic_year', 'integer', (c) => c.notNull())
        .addColumn('semester', 'integer', (c) => c.notNull())
        .addColumn('reasons', 'varchar(400)', (c) => c.notNull())
        .addColumn('note', 'varchar(400)')
        .addColumn('sent_by', 'varchar(128)', (c) => c.notNull())
        .addColumn('sent_by_name', 'varchar(100)', (c) => c.notNull())
        .addColumn('sent_at', t.timestamp, (c) => c.notNull())
        .addColumn('read_at', t.timestamp)
        .modifyEnd(tableOptions(db))
        .execute();
      await db.schema.createIndex('homeroom_reminders_student').on('homeroom_reminders').columns(['school_code', 'student_id', 'read_at']).execute();
    },
  },
};
