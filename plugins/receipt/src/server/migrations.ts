import type { Kysely } from 'kysely';
import { columnTypes as t, tableOptions, type Migrations } from '@licheng/db';

/**
 * The office's own migrations, recorded in licheng_migrations_receipt. Shipped migrations are
 * frozen: change the schema with a new one.
 */
export const receiptMigrations: Migrations = {
  '0001_receipts': {
    async up(db: Kysely<any>) {
      // One imported 收訖明細 ZIP and the confirmation window announced for it.
      await db.schema
        .createTable('receipt_batches')
        .addColumn('id', t.id, (c) => c.primaryKey())
        .addColumn('school_code', t.schoolCode, (c) => c.notNull())
        .addColumn('academic_year', 'integer', (c) => c.notNull())
        .addColumn('semester', 'integer', (c) => c.notNull())
        .addColumn('file_name', 'varchar(200)', (c) => c.notNull())
        .addColumn('source_sha256', 'varchar(64)', (c) => c.notNull())
        .addColumn('window_start', 'varchar(10)', (c) => c.notNull())
        .addColumn('window_end', 'varchar(10)', (c) => c.notNull())
        .addColumn('imported_by', 'varchar(128)', (c) => c.notNull())
        .addColumn('imported_by_name', 'varchar(100)', (c) => c.notNull())
        .addColumn('imported_at', t.timestamp, (c) => c.notNull())
        .modifyEnd(tableOptions(db))
        .execute();
      await db.schema.createIndex('receipt_batches_source').on('receipt_batches').columns(['school_code', 'source_sha256']).unique().execute();

      // One roster (名冊) JSON file of a batch.
      await db.schema
        .createTable('receipt_rosters')
        .addColumn('id', t.id, (c) => c.primaryKey())
        .addColumn('school_code', t.schoolCode, (c) => c.notNull())
        .addColumn('batch_id', t.id, (c) => c.notNull())
        .addColumn('kind', 'integer', (c) => c.notNull())
        .addColumn('name', 'varchar(100)', (c) => c.notNull())
        .addColumn('academic_year', 'integer', (c) => c.notNull())
        .addColumn('semester', 'integer', (c) => c.notNull())
        .addColumn('file_name', 'varchar(200)', (c) => c.notNull())
        .addColumn('sha256', 'varchar(64)', (c) => c.notNull())
        .addColumn('entry_count', 'integer', (c) => c.notNull())
        .modifyEnd(tableOptions(db))
        .execute();
      await db.schema.createIndex('receipt_rosters_batch').on('receipt_rosters').columns(['batch_id', 'kind']).unique().execute();

      // What the central database received of one student in one roster, and the student's answer.
      await db.schema
        .createTable('receipt_items')
        .addColumn('id', t.id, (c) => c.primaryKey())
        .addColumn('school_code', t.schoolCode, (c) => c.notNull())
        .addColumn('batch_id', t.id, (c) => c.notNull())
        .addColumn('roster_id', t.id, (c) => c.notNull())
        .addColumn('student_id', t.id, (c) => c.notNull())
        .addColumn('entry_json', t.longText, (c) => c.notNull())
        .addColumn('status', 'varchar(16)', (c) => c.notNull())
        .addColumn('open_issue_id', t.id)
        .addColumn('confirmed_at', t.timestamp)
        .addColumn('updated_at', t.timestamp, (c) => c.notNull())
        .modifyEnd(tableOptions(db))
        .execute();
      await db.schema.createIndex('receipt_items_roster_student').on('receipt_items').columns(['roster_id', 'student_id']).unique().execute();
      await db.schema.createIndex('receipt_items_student').on('receipt_items').columns(['school_code', 'student_id']).execute();
      await db.schema.createIndex('receipt_items_batch').on('receipt_items').columns(['batch_id', 'status']).execute();

      // An issue (疑義) a student raised about an item, and how the office resolved it.
      await db.schema
        .createTable('receipt_issues')
        .addColumn('id', t.id, (c) => c.primaryKey())
        .addColumn('school_code', t.schoolCode, (c) => c.notNull())
        .addColumn('batch_id', t.id, (c) => c.notNull())
        .addColumn('item_id', t.id, (c) => c.notNull())
        .addColumn('student_id', t.id, (c) => c.notNull())
        .addColumn('text', 'varchar(2000)', (c) => c.notNull())
        .addColumn('status', 'varchar(16)', (c) => c.notNull())
        .addColumn('raised_at', t.timestamp, (c) => c.notNull())
        .addColumn('resolution_note', 'varchar(2000)')
        .addColumn('resolved_by', 'varchar(128)')
        .addColumn('resolved_by_name', 'varchar(100)')
        .addColumn('resolved_at', t.timestamp)
        .modifyEnd(tableOptions(db))
        .execute();
      await db.schema.createIndex('receipt_issues_batch').on('receipt_issues').columns(['school_code', 'batch_id', 'status']).execute();
      await db.schema.createIndex('receipt_issues_item').on('receipt_issues').columns(['item_id']).execute();
    },
  },
  '0002_issue_routing_answers_corrections': {
    async up(db: Kysely<any>) {
      // Who answers an issue (ADR 0032): the owning office, the teacher by name for a course's
      // outcomes, the record the student's row was matched to, and the row they named.
      const issue = (column: string, type: string) => db.schema.alterTable('receipt_issues').addColumn(column, type as any).execute();
      await db.schema.alterTable('receipt_issues').addColumn('owner_office', 'varchar(32)', (c) => c.notNull().defaultTo('registry')).execute();
      await issue('owner_user_id', 'varchar(128)');
      await issue('owner_name', 'varchar(100)');
      await issue('record_id', t.id);
      await issue('entry_sheet', 'varchar(100)');
      await issue('entry_index', 'integer');
      // The answer (resolution_note, resolved_by*, resolved_at) says whether the record was corrected (1/0).
      await issue('corrected', 'integer');
      await issue('closed_at', t.timestamp);
      await issue('closed_by', 'varchar(16)');
      // Issues resolved before answers existed read as closed.
      await db.updateTable('receipt_issues').set({ status: 'closed' }).where('status', '=', 'resolved').execute();
      await db.updateTable('receipt_issues').set((eb: any) => ({ closed_at: eb.ref('resolved_at') })).where('status', '=', 'closed').execute();
      await db.schema.createIndex('receipt_issues_owner').on('receipt_issues').columns(['school_code', 'owner_office', 'status']).execute();

      // When the closing job recorded a still-pending item as deemed confirmed (視同確認).
      await db.schema.alterTable('receipt_items').addColumn('deemed_confirmed_at', t.timestamp).execute();

      // A record an office corrected after an issue, waiting for the next submission of its roster.
      await db.schema
        .createTable('receipt_corrections')
        .addColumn('id', t.id, (c) => c.primaryKey())
        .addColumn('school_code', t.schoolCode, (c) => c.notNull())
        .addColumn('issue_id', t.id, (c) => c.notNull())
        .addColumn('batch_id', t.id, (c) => c.notNull())
        .addColumn('item_id', t.id, (c) => c.notNull())
        .addColumn('student_id', t.id, (c) => c.notNull())
        .addColumn('roster_kind', 'integer', (c) => c.notNull())
        .addColumn('roster_name', 'varchar(100)', (c) => c.notNull())
        .addColumn('record_id', t.id)
        .addColumn('owner_office', 'varchar(32)', (c) => c.notNull())
        .addColumn('corrected_by', 'varchar(128)', (c) => c.notNull())
        .addColumn('corrected_by_name', 'varchar(100)', (c) => c.notNull())
        .addColumn('corrected_at', t.timestamp, (c) => c.notNull())
        .addColumn('status', 'varchar(24)', (c) => c.notNull())
        .addColumn('received_batch_id', t.id)
        .addColumn('received_at', t.timestamp)
        .modifyEnd(tableOptions(db))
        .execute();
      await db.schema.createIndex('receipt_corrections_issue').on('receipt_corrections').columns(['issue_id']).unique().execute();
      await db.schema.createIndex('receipt_corrections_pending').on('receipt_corrections').columns(['school_code', 'status', 'student_id']).execute();
    },
  },
  '0003_paper_returns': {
    async up(db: Kysely<any>) {
      // A signed paper confirmation form (收訖明細紙本確認單) that came back, as the office recorded
      // it: the date it came back, who recorded it and when, the scan when one was kept, and its
      // withdrawal. `active` is 1 while it stands and NULL once withdrawn, so the unique index
      // allows one standing return per student and batch (NULLs never collide).
      await db.schema
        .createTable('receipt_paper_returns')
        .addColumn('id', t.id, (c) => c.primaryKey())
        .addColumn('school_code', t.schoolCode, (c) => c.notNull())
        .addColumn('batch_id', t.id, (c) => c.notNull())
        .addColumn('student_id', t.id, (c) => c.notNull())
        .addColumn('returned_on', 'varchar(10)', (c) => c.notNull())
        .addColumn('recorded_by', 'varchar(128)', (c) => c.notNull())
        .addColumn('recorded_by_name', 'varchar(100)', (c) => c.notNull())
        .addColumn('recorded_at', t.timestamp, (c) => c.notNull())
        .addColumn('scan_file_id', t.id)
        // What the form said, per item: [{ itemId, kind, rosterName, outcome, issueId }].
        .addColumn('outcomes_json', t.longText, (c) => c.notNull())
        .addColumn('active', 'integer')
        .addColumn('withdrawn_by', 'varchar(128)')
        .addColumn('withdrawn_by_name', 'varchar(100)')
        .addColumn('withdrawn_at', t.timestamp)
        .modifyEnd(tableOptions(db))
        .execute();
      await db.schema.createIndex('receipt_paper_returns_standing').on('receipt_paper_returns').columns(['batch_id', 'student_id', 'active']).unique().execute();
      await db.schema.createIndex('receipt_paper_returns_student').on('receipt_paper_returns').columns(['school_code', 'student_id']).execute();
      // Which return an item was confirmed from, and which return raised an issue: a confirmation
      // or an issue from paper reads apart from the student's own and from 視同確認.
      await db.schema.alterTable('receipt_items').addColumn('paper_return_id', t.id).execute();
      await db.schema.alterTable('receipt_issues').addColumn('paper_return_id', t.id).execute();
    },
  },
};
