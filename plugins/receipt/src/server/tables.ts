import type { Kysely, Selectable } from 'kysely';
import type { ReceiptIssueClosedBy, ReceiptIssueStatus, StoredReceiptStatus } from '@licheng/core';
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
  /** When the closing job recorded the item as deemed confirmed (視同確認) after its window. */
  deemed_confirmed_at: string | null;
  /** The paper return (receipt_paper_returns) the item was confirmed from; null when the student confirmed it online. */
  paper_return_id: string | null;
  updated_at: string;
}

export type IssueStatus = ReceiptIssueStatus;

/**
 * An issue a student raised about an item, the office it was routed to, and its answer:
 * `resolution_note`, `resolved_by*`, `resolved_at` hold the answer, `corrected` (1/0) whether
 * the record was corrected.
 */
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
  /** The office that owns the record (ReceiptIssueOffice) and, for a course's outcomes, the teacher. */
  owner_office: string;
  owner_user_id: string | null;
  owner_name: string | null;
  /** The record the student's row was matched to, when the school keeps it. */
  record_id: string | null;
  /** The row of the received entry the student named (sheet, 0-based index), if any. */
  entry_sheet: string | null;
  entry_index: number | null;
  corrected: number | null;
  closed_at: string | null;
  closed_by: ReceiptIssueClosedBy | null;
  /** The paper return (receipt_paper_returns) the issue was written on; null when the student raised it online. */
  paper_return_id: string | null;
}

export type CorrectionStatus = 'pending-submission' | 'received';

/** A record corrected after an issue, marked for the next submission of its roster until a later receipt has it again. */
export interface ReceiptCorrectionTable {
  id: string;
  school_code: string;
  issue_id: string;
  batch_id: string;
  item_id: string;
  student_id: string;
  roster_kind: number;
  roster_name: string;
  record_id: string | null;
  owner_office: string;
  corrected_by: string;
  corrected_by_name: string;
  corrected_at: string;
  status: CorrectionStatus;
  /** The later receipt that had the student's roster again. */
  received_batch_id: string | null;
  received_at: string | null;
}

/**
 * A signed paper confirmation form that came back from a student who has left, as the office
 * recorded it. `active` is 1 while it stands, NULL once withdrawn (one standing return per
 * student and batch, by a unique index).
 */
export interface ReceiptPaperReturnTable {
  id: string;
  school_code: string;
  batch_id: string;
  student_id: string;
  /** The date the form came back (ISO, Taipei), as written or stamped on it. */
  returned_on: string;
  recorded_by: string;
  recorded_by_name: string;
  recorded_at: string;
  /** The scan of the signed form (stored_files), when one was kept. */
  scan_file_id: string | null;
  /** What the form said, per item (PaperReturnOutcome[] as JSON). */
  outcomes_json: string;
  active: number | null;
  withdrawn_by: string | null;
  withdrawn_by_name: string | null;
  withdrawn_at: string | null;
}

/** A type alias, not an interface: Kysely's `withTables` needs an indexable type. */
export type ReceiptTables = {
  receipt_batches: ReceiptBatchTable;
  receipt_rosters: ReceiptRosterTable;
  receipt_items: ReceiptItemTable;
  receipt_issues: ReceiptIssueTable;
  receipt_corrections: ReceiptCorrectionTable;
  receipt_paper_returns: ReceiptPaperReturnTable;
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
