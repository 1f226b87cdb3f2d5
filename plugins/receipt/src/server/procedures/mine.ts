import { daysLeft, receiptReminder, receiptStatus, windowPhase, type Locale, type ReceiptStatus } from '@licheng/core';
import { authedProcedure } from '@licheng/server';
import { STUDENT_ROLES } from '../roles.ts';
import { issueOutcome } from '../issues.ts';
import { studentToday } from '../student-items.ts';
import { receiptDb, type IssueStatus } from '../tables.ts';

export interface MineIssue extends ReturnType<typeof issueOutcome> {
  id: string;
  text: string;
  status: IssueStatus;
  raisedAt: string;
  /** The correction the office marked for the next submission: waiting, or received by a later receipt. */
  correction: { status: 'pending-submission' | 'received'; at: string; receivedAt: string | null } | null;
}

export interface MineItem {
  id: string;
  kind: number;
  rosterName: string;
  status: ReceiptStatus;
  /** When the closing job recorded the item as deemed confirmed (視同確認). */
  deemedConfirmedAt: string | null;
  /** The student's entry exactly as the central database received it. */
  entry: Record<string, unknown>;
  issues: MineIssue[];
}

export interface MineBatch {
  id: string;
  academicYear: number;
  semester: number;
  window: { start: string; end: string };
  phase: 'open' | 'after';
  /** Days left in the window, today included; 0 after it. */
  daysLeft: number;
  items: MineItem[];
}

/**
 * receipt.mine — the signed-in student's 收訖明細: every batch whose window has started, its
 * items by roster with their status (pending ones read as deemed confirmed after the window),
 * what was received, and each issue step by step: raised, routed to, answered (corrected or
 * not), marked for the next submission, closed; and the reminder sentence for the open windows.
 */
export const mine = authedProcedure(STUDENT_ROLES).query(async ({ ctx }) => {
  const { student, today } = await studentToday(ctx);
  const db = receiptDb(ctx.db);
  const rows = await db
    .selectFrom('receipt_items')
    .innerJoin('receipt_batches', 'receipt_batches.id', 'receipt_items.batch_id')
    .innerJoin('receipt_rosters', 'receipt_rosters.id', 'receipt_items.roster_id')
    .select([
      'receipt_items.id',
      'receipt_items.status',
      'receipt_items.entry_json',
      'receipt_items.deemed_confirmed_at',
      'receipt_items.batch_id',
      'receipt_rosters.kind',
      'receipt_rosters.name',
      'receipt_batches.academic_year',
      'receipt_batches.semester',
      'receipt_batches.window_start',
      'receipt_batches.window_end',
      'receipt_batches.imported_at',
    ])
    .where('receipt_items.school_code', '=', ctx.config.code)
    .where('receipt_items.student_id', '=', student.id)
    .where('receipt_batches.window_start', '<=', today)
    .orderBy('receipt_batches.imported_at', 'desc')
    .orderBy('receipt_rosters.kind')
    .execute();
  const issues = rows.length
    ? await db
        .selectFrom('receipt_issues')
        .leftJoin('receipt_corrections', 'receipt_corrections.issue_id', 'receipt_issues.id')
        .selectAll('receipt_issues')
        .select(['receipt_corrections.status as correction_status', 'receipt_corrections.corrected_at', 'receipt_corrections.received_at'])
        .where('receipt_issues.school_code', '=', ctx.config.code)
        .where('receipt_issues.student_id', '=', student.id)
        .orderBy('receipt_issues.raised_at')
        .execute()
    : [];

  const batches = new Map<string, MineBatch>();
  for (const row of rows) {
    const window = { start: row.window_start, end: row.window_end };
    const phase = windowPhase(window, today) === 'open' ? 'open' : 'after';
    const batch = batches.get(row.batch_id) ?? { id: row.batch_id, academicYear: row.academic_year, semester: row.semester, window, phase, daysLeft: daysLeft(window, today), items: [] };
    batch.items.push({
      id: row.id,
      kind: row.kind,
      rosterName: row.name,
      status: receiptStatus(row.status, window, today),
      deemedConfirmedAt: row.deemed_confirmed_at,
      entry: JSON.parse(row.entry_json) as Record<string, unknown>,
      issues: issues
        .filter((i) => i.item_id === row.id)
        .map((i) => ({
          id: i.id,
          text: i.text,
          status: i.status,
          raisedAt: i.raised_at,
          ...issueOutcome(i),
          correction: i.correction_status ? { status: i.correction_status, at: i.corrected_at!, receivedAt: i.received_at } : null,
        })),
    });
    batches.set(row.batch_id, batch);
  }
  const list = [...batches.values()];
  const open = list.filter((b) => b.phase === 'open').flatMap((b) => b.items);
  const confirmed = open.filter((i) => i.status === 'confirmed').map((i) => i.rosterName);
  const unconfirmed = open.filter((i) => i.status === 'pending').map((i) => i.rosterName);
  return {
    today,
    batches: list,
    reminder: unconfirmed.length > 0 ? { confirmed, unconfirmed, text: receiptReminder(confirmed, unconfirmed, ctx.locale as Locale) } : null,
  };
});
