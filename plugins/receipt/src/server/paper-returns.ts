import { DomainError, formatMessage, isIsoDate, receiptStatus, taipeiDate, windowPhase, type ConfirmationWindow } from '@licheng/core';
import { newId, nowIso } from '@licheng/db';
import { refusalOf, writeOperationAudit, type AuthedContext, type RowChange } from '@licheng/server';
import type { Kysely } from 'kysely';
import { confirmItems, raiseItemIssue, type Answerer, type EntryRow } from './item-answers.ts';
import { paperFormCandidates } from './paper-forms.ts';
import { loadBatch } from './progress.ts';
import { studentItems } from './student-items.ts';
import { receiptDb, type ReceiptDatabase } from './tables.ts';

/**
 * 紙本確認單回條: the signed paper form of a student who has left, as it comes back to the
 * registry office. The office records what the student ticked per roster — 確認無誤, or 提出疑義
 * with the words written — and the answers are written exactly as the student's own online
 * (item-answers.ts), marked with the return they came from: the item's and the issue's
 * `paper_return_id`, and `source: 'paper'` in the audit.
 *
 * When (ADR 0038): the date the form came back must lie inside the batch's confirmation window
 * and not after today. The office may record it after the window has closed — the post takes
 * days — and the student's answer then replaces a 視同確認 the closing job recorded meanwhile:
 * they answered in time. Before the window opens nothing can be recorded.
 */

/** What the form said about one item. */
export type PaperAnswer = { itemId: string; outcome: 'confirmed' } | { itemId: string; outcome: 'issue'; text: string; row?: EntryRow | undefined };

/** What a recorded return keeps per item (outcomes_json). */
export interface PaperReturnOutcome {
  itemId: string;
  kind: number;
  rosterName: string;
  outcome: 'confirmed' | 'issue';
  /** For 'confirmed': false when the item was confirmed already and stayed as it was. */
  changed: boolean;
  issueId: string | null;
}

/**
 * Refuses recording a return dated `returnedOn` on `today`: not before the window opens
 * (`receipt-window-not-open`), a real date (`date-invalid`), not in the future
 * (`receipt-paper-return-future`), inside the window (`receipt-paper-return-outside`).
 */
export function assertReturnDate(window: ConfirmationWindow, returnedOn: string | null, today: string): void {
  if (windowPhase(window, today) === 'before') throw new DomainError('receipt-window-not-open', { start: window.start });
  if (returnedOn === null) return;
  if (!isIsoDate(returnedOn)) throw new DomainError('date-invalid', { value: returnedOn });
  if (returnedOn > today) throw new DomainError('receipt-paper-return-future', { date: returnedOn, today });
  if (returnedOn < window.start || returnedOn > window.end) throw new DomainError('receipt-paper-return-outside', { date: returnedOn, start: window.start, end: window.end });
}

/** Why recording a return for the batch is refused today (before the window opens), or null. */
export function recordRefusal(ctx: AuthedContext, window: ConfirmationWindow): Promise<string | null> {
  return refusalOf(ctx.locale, () => assertReturnDate(window, null, taipeiDate(ctx.now())));
}

export interface RecordPaperReturn {
  batchId: string;
  studentId: string;
  returnedOn: string;
  answers: PaperAnswer[];
}

/**
 * Records a returned paper form in one transaction: the student must have left and have items
 * in the batch (`receipt-paper-form-none`, as paper forms are offered), every item named must
 * be theirs in that batch (`not-found`), none may have an issue waiting for the office
 * (`receipt-issue-open`), and the student has no standing return in the batch
 * (`receipt-paper-return-exists`; two at once collide on the unique index and the second gets
 * `try-again`). An item confirmed already stays as it is.
 */
export async function recordPaperReturn(ctx: AuthedContext, input: RecordPaperReturn) {
  const school = ctx.config.code;
  const at = ctx.now();
  const today = taipeiDate(at);
  return ctx.db.transaction().execute(async (platformTrx) => {
    const trx = receiptDb(platformTrx);
    const batch = await loadBatch(trx, school, input.batchId);
    assertReturnDate(batch.window, input.returnedOn, today);
    const candidate = (await paperFormCandidates(trx, school, batch.id)).find((c) => c.studentId === input.studentId);
    if (!candidate) throw new DomainError('receipt-paper-form-none', {});
    const ids = input.answers.map((a) => a.itemId);
    const items = (await studentItems(trx, school, candidate.studentId, ids)).filter((i) => i.batch_id === batch.id);
    if (items.length !== ids.length) throw new DomainError('not-found', {});
    if (items.some((i) => i.open_issue_id !== null)) throw new DomainError('receipt-issue-open', {});
    const standing = await trx.selectFrom('receipt_paper_returns').select(['returned_on', 'recorded_by_name']).where('batch_id', '=', batch.id).where('student_id', '=', candidate.studentId).where('active', '=', 1).executeTakeFirst();
    if (standing) throw new DomainError('receipt-paper-return-exists', { date: standing.returned_on, by: standing.recorded_by_name });

    const id = newId();
    const row = {
      id,
      school_code: school,
      batch_id: batch.id,
      student_id: candidate.studentId,
      returned_on: input.returnedOn,
      recorded_by: ctx.identity.userId,
      recorded_by_name: ctx.identity.name,
      recorded_at: nowIso(at),
      scan_file_id: null,
      outcomes_json: '[]',
      active: 1,
      withdrawn_by: null,
      withdrawn_by_name: null,
      withdrawn_at: null,
    };
    // The standing return takes its slot first: a second one at once collides here.
    await trx.insertInto('receipt_paper_returns').values(row).execute();
    const who: Answerer = { school, actor: ctx.identity, role: ctx.actingRole, studentId: candidate.studentId, at, paperReturnId: id, enabled: ctx.config.plugins.enabled };
    const itemOf = new Map(items.map((i) => [i.id, i]));
    const confirmed = await confirmItems(
      platformTrx,
      input.answers.filter((a) => a.outcome === 'confirmed').map((a) => itemOf.get(a.itemId)!),
      who,
    );
    const outcomes: PaperReturnOutcome[] = [];
    const issues = [];
    for (const answer of input.answers) {
      const item = itemOf.get(answer.itemId)!;
      const base = { itemId: item.id, kind: Number(item.kind), rosterName: item.roster_name };
      if (answer.outcome === 'confirmed') {
        outcomes.push({ ...base, outcome: 'confirmed', changed: confirmed.includes(item.id), issueId: null });
      } else {
        const issue = await raiseItemIssue(platformTrx, item, answer.text, answer.row, who);
        issues.push(issue);
        outcomes.push({ ...base, outcome: 'issue', changed: true, issueId: issue.id });
      }
    }
    await trx.updateTable('receipt_paper_returns').set({ outcomes_json: JSON.stringify(outcomes) }).where('id', '=', id).execute();
    await writeOperationAudit(
      platformTrx,
      { school, actor: ctx.identity, role: ctx.actingRole, action: 'receipt.paper-return.record', entity: 'receipt-paper-return', entityId: id, studentId: candidate.studentId, after: { batch_id: batch.id, returned_on: input.returnedOn, outcomes }, at },
      [],
    );
    return { id, batchId: batch.id, studentId: candidate.studentId, returnedOn: input.returnedOn, recordedAt: row.recorded_at, recordedByName: row.recorded_by_name, outcomes, issues };
  });
}

/**
 * Withdraws a return recorded by mistake, while no issue from it has been answered
 * (`receipt-paper-return-answered`; an answered issue is the owning office's work, which a
 * withdrawal would silently undo). Its issues — all still open — are removed, its items go back
 * to not yet confirmed (after the window the closing job deems them confirmed again), and the
 * return stays, marked withdrawn; all by conditional updates in one transaction, audited.
 */
export async function withdrawPaperReturn(ctx: AuthedContext, returnId: string) {
  const school = ctx.config.code;
  const at = ctx.now();
  return ctx.db.transaction().execute(async (platformTrx) => {
    const trx = receiptDb(platformTrx);
    const found = await trx.selectFrom('receipt_paper_returns').selectAll().where('school_code', '=', school).where('id', '=', returnId).executeTakeFirst();
    if (!found) throw new DomainError('not-found', {});
    if (found.active === null) throw new DomainError('receipt-paper-return-withdrawn', {});
    const issues = await trx.selectFrom('receipt_issues').select(['id', 'item_id', 'status', 'text']).where('paper_return_id', '=', found.id).execute();
    if (issues.some((i) => i.status !== 'open')) throw new DomainError('receipt-paper-return-answered', {});
    const items = await trx.selectFrom('receipt_items').select(['id', 'status', 'open_issue_id']).where('paper_return_id', '=', found.id).execute();
    const stamp = nowIso(at);
    const taken = await trx.updateTable('receipt_paper_returns').set({ active: null, withdrawn_by: ctx.identity.userId, withdrawn_by_name: ctx.identity.name, withdrawn_at: stamp }).where('id', '=', found.id).where('active', '=', 1).executeTakeFirst();
    if (Number(taken.numUpdatedRows) !== 1) throw new DomainError('receipt-paper-return-withdrawn', {});
    if (issues.length > 0) {
      // Only issues nobody answered meanwhile go; one answered meanwhile refuses the whole withdrawal.
      const removed = await trx.deleteFrom('receipt_issues').where('paper_return_id', '=', found.id).where('status', '=', 'open').executeTakeFirst();
      if (Number(removed.numDeletedRows) !== issues.length) throw new DomainError('receipt-paper-return-answered', {});
    }
    if (items.length > 0) {
      await trx
        .updateTable('receipt_items')
        .set({ status: 'pending', open_issue_id: null, confirmed_at: null, paper_return_id: null, updated_at: stamp })
        .where('id', 'in', items.map((i) => i.id))
        .where('paper_return_id', '=', found.id)
        .execute();
    }
    const changes: RowChange[] = [
      ...issues.map((i) => ({ action: 'receipt.issue.withdraw', entity: 'receipt-issue', entityId: i.id, studentId: found.student_id, before: { status: i.status, text: i.text, paper_return_id: found.id }, after: { removed: true } })),
      ...items.map((i) => ({ action: 'receipt.item.paper-withdraw', entity: 'receipt-item', entityId: i.id, studentId: found.student_id, before: { status: i.status, open_issue_id: i.open_issue_id, paper_return_id: found.id }, after: { status: 'pending', open_issue_id: null, paper_return_id: null } })),
    ];
    await writeOperationAudit(
      platformTrx,
      { school, actor: ctx.identity, role: ctx.actingRole, action: 'receipt.paper-return.withdraw', entity: 'receipt-paper-return', entityId: found.id, studentId: found.student_id, before: { active: 1, returned_on: found.returned_on }, after: { active: null, withdrawn_at: stamp }, at },
      changes,
    );
    return { id: found.id, withdrawnAt: stamp, withdrawnByName: ctx.identity.name, items: items.length, issues: issues.length };
  });
}

/** A batch's recorded returns, newest first, with what each form said and whether it may still be withdrawn. */
export async function listPaperReturns(ctx: AuthedContext, db: Kysely<ReceiptDatabase>, batchId: string) {
  const school = ctx.config.code;
  const batch = await loadBatch(db, school, batchId);
  const rows = await db
    .selectFrom('receipt_paper_returns as r')
    .innerJoin('students as s', 's.id', 'r.student_id')
    .leftJoin('stored_files as f', 'f.id', 'r.scan_file_id')
    .selectAll('r')
    .select(['s.student_no', 's.name', 's.class_name', 's.seat_no', 'f.original_name as scan_name'])
    .where('r.school_code', '=', school)
    .where('r.batch_id', '=', batch.id)
    .orderBy('r.recorded_at', 'desc')
    .orderBy('r.id', 'desc')
    .execute();
  const ids = rows.map((r) => r.id);
  const issues = ids.length ? await db.selectFrom('receipt_issues').select(['id', 'paper_return_id', 'status']).where('paper_return_id', 'in', ids).execute() : [];
  const statusOf = new Map(issues.map((i) => [i.id, i.status]));
  const returns = rows.map((r) => {
    const outcomes = (JSON.parse(r.outcomes_json) as PaperReturnOutcome[]).map((o) => ({ ...o, issueStatus: o.issueId ? (statusOf.get(o.issueId) ?? null) : null }));
    const answered = issues.some((i) => i.paper_return_id === r.id && i.status !== 'open');
    return {
      id: r.id,
      student: { studentId: r.student_id, studentNo: r.student_no, name: r.name, className: r.class_name, seatNo: Number(r.seat_no) },
      returnedOn: r.returned_on,
      recordedByName: r.recorded_by_name,
      recordedAt: r.recorded_at,
      outcomes,
      scan: r.scan_file_id ? { fileId: r.scan_file_id, fileName: r.scan_name ?? '', url: `/api/files/${r.scan_file_id}` } : null,
      withdrawn: r.active === null ? { byName: r.withdrawn_by_name, at: r.withdrawn_at } : null,
      /** Why it can no longer be withdrawn (an issue from it was answered), or null. */
      withdrawRefusal: r.active !== null && answered ? formatMessage('receipt-paper-return-answered', {}, ctx.locale) : null,
    };
  });
  // Who may return a form: the students who have left with items in the batch, each item's state.
  const candidates = await paperFormCandidates(db, school, batch.id);
  const items = candidates.length
    ? await db
        .selectFrom('receipt_items')
        .innerJoin('receipt_rosters', 'receipt_rosters.id', 'receipt_items.roster_id')
        .select(['receipt_items.id', 'receipt_items.student_id', 'receipt_items.status', 'receipt_items.open_issue_id', 'receipt_items.paper_return_id', 'receipt_rosters.kind', 'receipt_rosters.name'])
        .where('receipt_items.batch_id', '=', batch.id)
        .where('receipt_items.student_id', 'in', candidates.map((c) => c.studentId))
        .orderBy('receipt_rosters.kind')
        .execute()
    : [];
  const today = taipeiDate(ctx.now());
  const students = candidates.map((c) => ({
    ...c,
    returnId: rows.find((r) => r.student_id === c.studentId && r.active !== null)?.id ?? null,
    items: items
      .filter((i) => i.student_id === c.studentId)
      .map((i) => ({ id: i.id, kind: Number(i.kind), rosterName: i.name, status: receiptStatus(i.status, batch.window, today), openIssue: i.open_issue_id !== null, onPaper: i.paper_return_id !== null })),
  }));
  return { batchId: batch.id, window: batch.window, today, recordRefusal: await recordRefusal(ctx, batch.window), students, returns };
}
