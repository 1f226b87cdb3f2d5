import type { Kysely } from 'kysely';
import { columnTypes as t, tableOptions, type Migrations } from '@licheng/db';

/**
 * The working group's own tables (licheng_migrations_working_group): its members per academic
 * year, its meetings and its trainings. The schedule stays the school config's. Shipped
 * migrations are frozen: change the schema with a new one.
 */
export const workingGroupMigrations: Migrations = {
  '0001_members_meetings_trainings': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('working_group_members')
        .addColumn('id', t.id, (c) => c.primaryKey())
        .addColumn('school_code', t.schoolCode, (c) => c.notNull())
        .addColumn('academic_year', 'integer', (c) => c.notNull())
        .addColumn('name', 'varchar(100)', (c) => c.notNull())
        .addColumn('title', 'varchar(100)', (c) => c.notNull())
        .addColumn('representing', 'varchar(100)', (c) => c.notNull())
        .addColumn('group_role', 'varchar(24)', (c) => c.notNull())
        // The convenor's and the executive secretary's role while they serve, else null: one each per year.
        .addColumn('single_role', 'varchar(24)')
        .addColumn('user_id', 'varchar(128)')
        .addColumn('ended_on', 'varchar(10)')
        .addColumn('created_by', 'varchar(128)', (c) => c.notNull())
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addColumn('updated_at', t.timestamp, (c) => c.notNull())
        .modifyEnd(tableOptions(db))
        .execute();
      await db.schema.createIndex('working_group_members_year').on('working_group_members').columns(['school_code', 'academic_year', 'created_at']).execute();
      // Two people saved as convenor at the same moment: the second fails on this key and writes nothing.
      await db.schema.createIndex('working_group_members_single_role').on('working_group_members').columns(['school_code', 'academic_year', 'single_role']).unique().execute();

      await db.schema
        .createTable('working_group_meetings')
        .addColumn('id', t.id, (c) => c.primaryKey())
        .addColumn('school_code', t.schoolCode, (c) => c.notNull())
        .addColumn('academic_year', 'integer', (c) => c.notNull())
        .addColumn('semester', 'integer', (c) => c.notNull())
        .addColumn('meeting_date', 'varchar(10)', (c) => c.notNull())
        .addColumn('place', 'varchar(100)', (c) => c.notNull())
        .addColumn('agenda', t.longText, (c) => c.notNull())
        .addColumn('minutes', t.longText, (c) => c.notNull())
        // JSON: [{ text, owner, due }] — 決議 in order.
        .addColumn('decisions', t.longText, (c) => c.notNull())
        // JSON: { memberId: 'present' | 'excused' | 'absent' }.
        .addColumn('attendance', t.longText, (c) => c.notNull())
        .addColumn('updated_by', 'varchar(128)', (c) => c.notNull())
        .addColumn('updated_by_name', 'varchar(100)', (c) => c.notNull())
        .addColumn('updated_at', t.timestamp, (c) => c.notNull())
        .modifyEnd(tableOptions(db))
        .execute();
      await db.schema.createIndex('working_group_meetings_date').on('working_group_meetings').columns(['school_code', 'academic_year', 'meeting_date']).execute();

      await db.schema
        .createTable('working_group_trainings')
        .addColumn('id', t.id, (c) => c.primaryKey())
        .addColumn('school_code', t.schoolCode, (c) => c.notNull())
        .addColumn('academic_year', 'integer', (c) => c.notNull())
        .addColumn('semester', 'integer', (c) => c.notNull())
        .addColumn('kind', 'varchar(16)', (c) => c.notNull())
        .addColumn('title', 'varchar(150)', (c) => c.notNull())
        .addColumn('owner_office', 'varchar(100)', (c) => c.notNull())
        .addColumn('planned_date', 'varchar(10)')
        .addColumn('held_date', 'varchar(10)')
        .addColumn('attendance_count', 'integer')
        // 'count' (ticked by hand) or 'sheet' (read from an imported list), null before it is held.
        .addColumn('attendance_source', 'varchar(8)')
        // JSON: [{ name, group }] of an imported list; null otherwise.
        .addColumn('attendees', t.longText)
        .addColumn('updated_by', 'varchar(128)', (c) => c.notNull())
        .addColumn('updated_at', t.timestamp, (c) => c.notNull())
        .modifyEnd(tableOptions(db))
        .execute();
      await db.schema.createIndex('working_group_trainings_term').on('working_group_trainings').columns(['school_code', 'academic_year', 'semester', 'kind']).execute();
    },
  },
  '0002_self_check_answers': {
    async up(db: Kysely<any>) {
      // 自我檢核表: the answers given by hand, one per item per school term (the automatic ones are computed on every read).
      await db.schema
        .createTable('working_group_self_checks')
        .addColumn('id', t.id, (c) => c.primaryKey())
        .addColumn('school_code', t.schoolCode, (c) => c.notNull())
        .addColumn('academic_year', 'integer', (c) => c.notNull())
        .addColumn('semester', 'integer', (c) => c.notNull())
        .addColumn('item_id', 'varchar(40)', (c) => c.notNull())
        // The version of the checklist the item was answered under (core SELF_CHECK_LIST.version).
        .addColumn('list_version', 'varchar(20)', (c) => c.notNull())
        .addColumn('answer', 'varchar(8)', (c) => c.notNull())
        .addColumn('note', t.longText, (c) => c.notNull())
        .addColumn('answered_by', 'varchar(128)', (c) => c.notNull())
        .addColumn('answered_by_name', 'varchar(100)', (c) => c.notNull())
        .addColumn('answered_at', t.timestamp, (c) => c.notNull())
        .modifyEnd(tableOptions(db))
        .execute();
      // Two people answering the same item at once: the second insert fails on this key and is told to try again.
      await db.schema.createIndex('working_group_self_checks_item').on('working_group_self_checks').columns(['school_code', 'academic_year', 'semester', 'item_id']).unique().execute();
    },
  },
  '0003_award_proposals_decisions': {
    async up(db: Kysely<any>) {
      // 敘獎建議: drafted by the executive secretary; withdrawn, never deleted.
      await db.schema
        .createTable('working_group_award_proposals')
        .addColumn('id', t.id, (c) => c.primaryKey())
        .addColumn('school_code', t.schoolCode, (c) => c.notNull())
        .addColumn('academic_year', 'integer', (c) => c.notNull())
        .addColumn('subject_kind', 'varchar(8)', (c) => c.notNull()) // 'person' | 'office'
        .addColumn('subject_id', 'varchar(128)') // the person's user id or the office's key, when known
        .addColumn('subject_name', 'varchar(100)', (c) => c.notNull())
        .addColumn('award_level', 'varchar(16)', (c) => c.notNull())
        .addColumn('award_times', 'integer', (c) => c.notNull())
        .addColumn('reason', 'varchar(1000)', (c) => c.notNull())
        .addColumn('figures', t.longText) // JSON: the figures shown when it was proposed
        .addColumn('proposed_by', 'varchar(128)', (c) => c.notNull())
        .addColumn('proposed_by_name', 'varchar(100)', (c) => c.notNull())
        .addColumn('proposed_at', t.timestamp, (c) => c.notNull())
        .addColumn('withdrawn_at', t.timestamp)
        .addColumn('updated_at', t.timestamp, (c) => c.notNull())
        .modifyEnd(tableOptions(db))
        .execute();
      await db.schema.createIndex('working_group_award_proposals_year').on('working_group_award_proposals').columns(['school_code', 'academic_year', 'proposed_at']).execute();
      // 工作小組決議: one per proposal (the unique key backs the check made in the transaction).
      await db.schema
        .createTable('working_group_award_decisions')
        .addColumn('id', t.id, (c) => c.primaryKey())
        .addColumn('school_code', t.schoolCode, (c) => c.notNull())
        .addColumn('proposal_id', t.id, (c) => c.notNull())
        .addColumn('outcome', 'varchar(10)', (c) => c.notNull()) // AwardOutcome
        .addColumn('award_level', 'varchar(16)') // the award decided; null when rejected
        .addColumn('award_times', 'integer')
        .addColumn('meeting_id', t.id, (c) => c.notNull())
        .addColumn('meeting_date', 'varchar(10)', (c) => c.notNull())
        .addColumn('note', 'varchar(500)', (c) => c.notNull())
        .addColumn('decided_by', 'varchar(128)', (c) => c.notNull())
        .addColumn('decided_by_name', 'varchar(100)', (c) => c.notNull())
        .addColumn('decided_at', t.timestamp, (c) => c.notNull())
        .modifyEnd(tableOptions(db))
        .execute();
      await db.schema.createIndex('working_group_award_decisions_proposal').on('working_group_award_decisions').columns(['proposal_id']).unique().execute();
    },
  },
};
