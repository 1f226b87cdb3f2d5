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
  resolutionNote: string | null;
  resolvedByName: string | null;
  resolvedAt: string | null;
}

/**
 * Issues of the school (of one batch or of every batch, of one status), oldest first: the order
 * the office answers them; or newest first, as the desk lists every batch's open issues.
 */
export async function listIssues(
  db: Kysely<ReceiptDatabase>,
  school: string,
  filter: { batchId?: string | undefined; status: IssueStatus | 'all'; order?: 'oldest' | 'newest' | undefined },
): Promise<IssueView[]> {
  let query = db
    .selectFrom('receipt_issues')
    .innerJoin('receipt_items', 'receipt_items.id', 'receipt_issues.item_id')
    .innerJoin('receipt_rosters', 'receipt_rosters.id', 'receipt_items.roster_id')
    .innerJoin('students', 'students.id', 'receipt_issues.student_id')
    .innerJoin('receipt_batches', 'receipt_batches.id', 'receipt_issues.batch_id')
    .select([
      'receipt_issues.id',
      'receipt_issues.batch_id',
      'receipt_issues.item_id',
      'receipt_issues.status',
      'receipt_issues.text',
      'receipt_issues.raised_at',
      'receipt_issues.resolution_note',
      'receipt_issues.resolved_by_name',
      'receipt_issues.resolved_at',
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
    resolutionNote: r.resolution_note,
    resolvedByName: r.resolved_by_name,
    resolvedAt: r.resolved_at,
  }));
}
