import { DomainError, RECEIPT_ISSUE_OFFICE_DEFINITIONS, receiptIssueRow, type ReceiptIssueOffice } from '@licheng/core';
import { newId, nowIso } from '@licheng/db';
import { writeAudit, writeAudits, type AuditEntry, type PlatformDatabase } from '@licheng/server';
import type { Kysely } from 'kysely';
import { issueOwner } from './issue-routing.ts';
import { receiptDb } from './tables.ts';

/**
 * A student's answer to their receipt items — confirmed, or an issue (疑義) — written the same
 * way whether the student gives it online (receipt.confirm, receipt.raiseIssue) or the office
 * records it from a returned paper form (receipt.paperReturns.record).
 */
export interface Answerer {
  school: string;
  actor: AuditEntry['actor'];
  role: string;
  studentId: string;
  at: Date;
  /** The paper return the answer was written on; null for the student's own answer online. */
  paperReturnId: string | null;
  /** The school's enabled plugins: an issue on a row another running office owns goes to it (issue-routing.ts). */
  enabled: readonly string[];
}

/** An item as the answers read it. */
export interface AnswerableItem {
  id: string;
  status: string;
  open_issue_id: string | null;
  batch_id: string;
  entry_json: string;
  roster_name: string;
}

/** Where an answer came from, in the audit's after: only a paper return says so. */
const source = (who: Answerer) => (who.paperReturnId ? { source: 'paper', paper_return_id: who.paperReturnId } : {});

/**
 * Confirms `items` (not confirmed yet) by a conditional update that also refuses an item whose
 * issue waits for the office (`receipt-issue-open`), with one audit entry per item changed;
 * returns the ids it changed. Online, an item changed meanwhile refuses the whole call. From a
 * paper return, an item confirmed meanwhile stays as it is (left out of the answer), and one
 * whose issue opened meanwhile still refuses.
 */
export async function confirmItems(platformTrx: Kysely<PlatformDatabase>, items: readonly AnswerableItem[], who: Answerer): Promise<string[]> {
  const trx = receiptDb(platformTrx);
  if (items.some((i) => i.open_issue_id !== null)) throw new DomainError('receipt-issue-open', {});
  const changing = items.filter((i) => i.status !== 'confirmed').map((i) => i.id);
  if (changing.length === 0) return [];
  const statusOf = new Map(items.map((i) => [i.id, i.status]));
  const at = nowIso(who.at);
  const updated = await trx
    .updateTable('receipt_items')
    .set({ status: 'confirmed', confirmed_at: at, updated_at: at, paper_return_id: who.paperReturnId, ...(who.paperReturnId ? { deemed_confirmed_at: null } : {}) })
    .where('id', 'in', changing)
    .where('open_issue_id', 'is', null)
    .where('status', '!=', 'confirmed')
    .executeTakeFirst();
  let changed = changing;
  if (Number(updated.numUpdatedRows) !== changing.length) {
    if (!who.paperReturnId) throw new DomainError('receipt-issue-open', {});
    const now = await trx.selectFrom('receipt_items').select(['id', 'open_issue_id', 'paper_return_id']).where('id', 'in', changing).execute();
    if (now.some((r) => r.open_issue_id !== null)) throw new DomainError('receipt-issue-open', {});
    changed = now.filter((r) => r.paper_return_id === who.paperReturnId).map((r) => r.id);
  }
  // One audit entry per item: each names the item it changed and its status before and after.
  await writeAudits(
    platformTrx,
    changed.map((id) => ({
      school: who.school,
      actor: who.actor,
      role: who.role,
      action: 'receipt.item.confirm',
      entity: 'receipt-item',
      entityId: id,
      studentId: who.studentId,
      before: { status: statusOf.get(id), confirmed_at: null },
      after: { status: 'confirmed', confirmed_at: at, ...source(who) },
      at: who.at,
    })),
  );
  return changed;
}

/** The row of the received entry an issue is about (its sheet and 0-based index). */
export interface EntryRow {
  sheet: string;
  index: number;
}

/**
 * Raises an issue on `item`: the named row must be in the entry (`receipt-issue-row-unknown`),
 * the issue goes to the office that owns the record (core's RECEIPT_ISSUE_ROUTES; a course's
 * outcomes to its teacher) with the matched record, and the item takes it by a conditional
 * update — one open issue per item, so two at once leave exactly one (`receipt-issue-open`).
 */
export async function raiseItemIssue(platformTrx: Kysely<PlatformDatabase>, item: AnswerableItem, text: string, named: EntryRow | undefined, who: Answerer) {
  const trx = receiptDb(platformTrx);
  const row = receiptIssueRow(JSON.parse(item.entry_json) as Record<string, unknown>, named ?? null);
  if (row === undefined) throw new DomainError('receipt-issue-row-unknown', { sheet: named!.sheet, row: named!.index + 1 });
  const owner = await issueOwner(trx, who.school, who.studentId, item.roster_name, row, who.enabled);
  const at = nowIso(who.at);
  const issue = {
    id: newId(),
    school_code: who.school,
    batch_id: item.batch_id,
    item_id: item.id,
    student_id: who.studentId,
    text,
    status: 'open' as const,
    raised_at: at,
    resolution_note: null,
    resolved_by: null,
    resolved_by_name: null,
    resolved_at: null,
    owner_office: owner.office,
    owner_user_id: owner.ownerUserId,
    owner_name: owner.ownerName,
    record_id: owner.recordId,
    entry_sheet: named ? named.sheet : (row?.sheet ?? null),
    entry_index: named ? named.index : (row?.index ?? null),
    corrected: null,
    closed_at: null,
    closed_by: null,
    paper_return_id: who.paperReturnId,
  };
  const taken = await trx
    .updateTable('receipt_items')
    .set({ status: 'issue', open_issue_id: issue.id, confirmed_at: null, updated_at: at, paper_return_id: who.paperReturnId, ...(who.paperReturnId ? { deemed_confirmed_at: null } : {}) })
    .where('id', '=', item.id)
    .where('open_issue_id', 'is', null)
    .executeTakeFirst();
  if (Number(taken.numUpdatedRows) !== 1) throw new DomainError('receipt-issue-open', {});
  await trx.insertInto('receipt_issues').values(issue).execute();
  const audit = { school: who.school, actor: who.actor, role: who.role, studentId: who.studentId, at: who.at };
  await writeAudit(platformTrx, { ...audit, action: 'receipt.issue.raise', entity: 'receipt-issue', entityId: issue.id, after: { item_id: item.id, text: issue.text, status: issue.status, owner_office: owner.office, owner_user_id: owner.ownerUserId, record_id: owner.recordId, ...source(who) } });
  await writeAudit(platformTrx, { ...audit, action: 'receipt.item.issue', entity: 'receipt-item', entityId: item.id, before: { status: item.status, open_issue_id: null }, after: { status: 'issue', open_issue_id: issue.id, ...source(who) } });
  const office = RECEIPT_ISSUE_OFFICE_DEFINITIONS[owner.office as ReceiptIssueOffice];
  return {
    id: issue.id,
    itemId: item.id,
    text: issue.text,
    status: issue.status,
    raisedAt: issue.raised_at,
    routedTo: { office: owner.office, label: office.label, ownerName: owner.ownerName },
    recordId: owner.recordId,
  };
}
