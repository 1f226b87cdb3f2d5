import { RECEIPT_COORDINATOR_ROLE, RECEIPT_ISSUE_OFFICE_DEFINITIONS, receiptIssueOfficesOf, type LocalizedText, type ReceiptIssueOffice, type Role } from '@licheng/core';
import type { Kysely } from 'kysely';
import type { IssueStatus, ReceiptDatabase } from './tables.ts';

export interface IssueView {
  id: string;
  batchId: string;
  itemId: string;
  status: IssueStatus;
  text: string;
  raisedAt: string;
  rosterKind: number;
  rosterName: string;
  /** The receipt (batch) the issue belongs to: its academic year and semester (0: the whole year). */
  batch: { academicYear: number; semester: number };
  student: { studentNo: string; name: string; className: string; seatNo: number };
  /** The office that owns the record and answers; for a course's outcomes, the teacher by name. */
  routedTo: { office: string; label: LocalizedText; ownerName: string | null };
  recordId: string | null;
  /** Raised from the student's returned paper form (recorded by the office), not online. */
  fromPaper: boolean;
  /** The row of the received entry the student named (0-based index), if any. */
  row: { sheet: string; index: number } | null;
  /** The office's answer: its text, by whom, when, and whether the record was corrected. */
  answer: { text: string; byName: string | null; at: string | null; corrected: boolean } | null;
  /** When the issue closed and how (the student accepted; the next receipt had the roster again). */
  closed: { at: string | null; by: string | null } | null;
  /** @deprecated the answer's text (kept for readers of the first version). */
  resolutionNote: string | null;
  resolvedByName: string | null;
  resolvedAt: string | null;
}

export interface IssueCaller {
  userId: string;
  roles: readonly Role[];
}

const labelOf = (office: string): LocalizedText => RECEIPT_ISSUE_OFFICE_DEFINITIONS[office as ReceiptIssueOffice]?.label ?? { 'zh-TW': office, en: office };

export function routedTo(office: string, ownerName: string | null) {
  return { office, label: labelOf(office), ownerName };
}

/**
 * Issues the caller answers, of the school (of one batch or of every batch, of one status),
 * oldest first: the order an office answers them; or newest first. The registry sees every
 * office's (coordinator), optionally one office's; another office its own; a subject teacher
 * those routed to them by name.
 */
export async function listIssues(
  db: Kysely<ReceiptDatabase>,
  school: string,
  caller: IssueCaller,
  filter: { batchId?: string | undefined; status: IssueStatus | 'all'; order?: 'oldest' | 'newest' | undefined; office?: ReceiptIssueOffice | undefined },
): Promise<IssueView[]> {
  let query = db
    .selectFrom('receipt_issues')
    .innerJoin('receipt_items', 'receipt_items.id', 'receipt_issues.item_id')
    .innerJoin('receipt_rosters', 'receipt_rosters.id', 'receipt_items.roster_id')
    .innerJoin('students', 'students.id', 'receipt_issues.student_id')
    .innerJoin('receipt_batches', 'receipt_batches.id', 'receipt_issues.batch_id')
    .selectAll('receipt_issues')
    .select([
      'receipt_rosters.kind',
      'receipt_rosters.name as roster_name',
      'receipt_batches.academic_year',
      'receipt_batches.semester',
      'students.student_no',
      'students.name as student_name',
      'students.class_name',
      'students.seat_no',
    ])
    .where('receipt_issues.school_code', '=', school);
  if (!caller.roles.includes(RECEIPT_COORDINATOR_ROLE)) {
    const offices = receiptIssueOfficesOf(caller.roles);
    const teacher = caller.roles.includes('subject-teacher');
    if (offices.length === 0 && !teacher) return [];
    query = query.where((eb) =>
      eb.or([
        ...(offices.length ? [eb('receipt_issues.owner_office', 'in', offices)] : []),
        ...(teacher ? [eb.and([eb('receipt_issues.owner_office', '=', 'subject-teacher'), eb('receipt_issues.owner_user_id', '=', caller.userId)])] : []),
      ]),
    );
  }
  if (filter.office) query = query.where('receipt_issues.owner_office', '=', filter.office);
  if (filter.batchId) query = query.where('receipt_issues.batch_id', '=', filter.batchId);
  if (filter.status !== 'all') query = query.where('receipt_issues.status', '=', filter.status);
  const direction = filter.order === 'newest' ? 'desc' : 'asc';
  const rows = await query.orderBy('receipt_issues.raised_at', direction).orderBy('receipt_issues.id', direction).limit(2000).execute();
  return rows.map((r) => ({
    id: r.id,
    batchId: r.batch_id,
    itemId: r.item_id,
    status: r.status,
    text: r.text,
    raisedAt: r.raised_at,
    rosterKind: r.kind,
    rosterName: r.roster_name,
    batch: { academicYear: r.academic_year, semester: r.semester },
    student: { studentNo: r.student_no, name: r.student_name, className: r.class_name, seatNo: r.seat_no },
    fromPaper: r.paper_return_id !== null,
    ...issueOutcome(r),
  }));
}

/** The routing, answer and closing of an issue row, as the desk and the student read them. */
export function issueOutcome(r: {
  owner_office: string;
  owner_name: string | null;
  record_id: string | null;
  entry_sheet: string | null;
  entry_index: number | null;
  resolution_note: string | null;
  resolved_by_name: string | null;
  resolved_at: string | null;
  corrected: number | null;
  closed_at: string | null;
  closed_by: string | null;
  status: IssueStatus;
}) {
  return {
    routedTo: routedTo(r.owner_office, r.owner_name),
    recordId: r.record_id,
    row: r.entry_sheet !== null && r.entry_index !== null ? { sheet: r.entry_sheet, index: Number(r.entry_index) } : null,
    answer: r.resolution_note !== null ? { text: r.resolution_note, byName: r.resolved_by_name, at: r.resolved_at, corrected: Number(r.corrected) === 1 } : null,
    closed: r.status === 'closed' ? { at: r.closed_at, by: r.closed_by } : null,
    resolutionNote: r.resolution_note,
    resolvedByName: r.resolved_by_name,
    resolvedAt: r.resolved_at,
  };
}
