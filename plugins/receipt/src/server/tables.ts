import type { Kysely, Selectable } from 'kysely';
import type { StoredReceiptStatus } from '@licheng/core';
import type { PlatformDatabase } from '@licheng/server';

/** One imported 收訖明細 ZIP and its confirmation window (ISO dates, Taipei, both included). */
export interface ReceiptBatchTable {
  id: string;
  school_code: string;
  academic_year: number;
  semester: number;
  file_name: string;
  source_sha256: string;
  window_start: string;
  window_end: string;
  imported_by: string;
  imported_by_name: string;
  imported_at: string;
}

/** One roster (名冊) JSON file of a batch: its roster kind (名冊別) and name. */
export interface ReceiptRosterTable {
  id: string;
  school_code: string;
  batch_id: string;
  kind: number;
  name: string;
  academic_year: number;
  semester: number;
  file_name: string;
  sha256: string;
  entry_count: number;
}

/** What the central database received of one student in one roster, and the student's answer. */
export interface ReceiptItemTable {
  id: string;
  school_code: string;
  batch_id: string;
  roster_id: string;
  student_id: string;
  /** The student's entry of the roster JSON, as received. */
  entry_json: string;
  status: StoredReceiptStatus;
  /** The issue waiting for the office; at most one at a time (set by a conditional update). */
  open_issue_id: string | null;
  confirmed_at: string | null;
  updated_at: string;
}

export type IssueStatus = 'open' | 'resolved';

/** An issue a student raised about an item, and how the office resolved it. */
export interface ReceiptIssueTable {
  id: string;
  school_code: string;
  batch_id: string;
  item_id: string;
  student_id: string;
  text: string;
  status: IssueStatus;
  raised_at: string;
  resolution_note: string | null;
  resolved_by: string | null;
  resolved_by_name: string | null;
  resolved_at: string | null;
}

/** A type alias, not an interface: Kysely's `withTables` needs an indexable type. */
export type ReceiptTables = {
  receipt_batches: ReceiptBatchTable;
  receipt_rosters: ReceiptRosterTable;
  receipt_items: ReceiptItemTable;
  receipt_issues: ReceiptIssueTable;
};

export type ReceiptDatabase = PlatformDatabase & ReceiptTables;
export type ReceiptBatch = Selectable<ReceiptBatchTable>;
export type ReceiptRoster = Selectable<ReceiptRosterTable>;
export type ReceiptItem = Selectable<ReceiptItemTable>;
export type ReceiptIssue = Selectable<ReceiptIssueTable>;

/** The procedure context's database, typed with this office's tables too. */
export function receiptDb(db: Kysely<PlatformDatabase>): Kysely<ReceiptDatabase> {
  return db.withTables<ReceiptTables>();
}
