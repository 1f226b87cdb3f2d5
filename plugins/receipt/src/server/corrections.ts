import { receiptRosterOf } from '@licheng/core';
import { inChunks, nowIso } from '@licheng/db';
import { writeAudits, type AuditEntry, type PendingCorrection, type PlatformDatabase } from '@licheng/server';
import type { Kysely } from 'kysely';
import { receiptDb, type ReceiptDatabase } from './tables.ts';

export type { PendingCorrection };

/**
 * Records an office corrected after a receipt issue that wait for the next submission of their
 * roster (status pending-submission), oldest first; of some roster kinds (名冊別) or students
 * when given. The registry's roster exporter reads it as the platform service
 * `pendingCorrections` (this office's `services`), present only while 'receipt' is enabled.
 */
export async function correctionsPendingSubmission(db: Kysely<PlatformDatabase>, school: string, filter: { rosterKinds?: readonly number[]; studentIds?: readonly string[] } = {}): Promise<PendingCorrection[]> {
  let query = receiptDb(db)
    .selectFrom('receipt_corrections as c')
    .innerJoin('receipt_batches as b', 'b.id', 'c.batch_id')
    .select(['c.id', 'c.issue_id', 'c.student_id', 'c.roster_kind', 'c.roster_name', 'c.record_id', 'c.owner_office', 'c.corrected_by_name', 'c.corrected_at', 'b.id as batch_id', 'b.academic_year', 'b.semester'])
    .where('c.school_code', '=', school)
    .where('c.status', '=', 'pending-submission');
  if (filter.rosterKinds) {
    if (filter.rosterKinds.length === 0) return [];
    query = query.where('c.roster_kind', 'in', [...filter.rosterKinds]);
  }
  if (filter.studentIds) {
    if (filter.studentIds.length === 0) return [];
    query = query.where('c.student_id', 'in', [...filter.studentIds]);
  }
  const rows = await query.orderBy('c.corrected_at').orderBy('c.id').execute();
  return rows.map((r) => ({
    id: r.id,
    issueId: r.issue_id,
    studentId: r.student_id,
    rosterKind: r.roster_kind,
    rosterName: r.roster_name,
    recordId: r.record_id,
    ownerOffice: r.owner_office,
    correctedByName: r.corrected_by_name,
    correctedAt: r.corrected_at,
    batch: { id: r.batch_id, academicYear: r.academic_year, semester: r.semester },
  }));
}

/**
 * A new receipt has these students' rosters again: their answered issues on the same roster
 * (修課紀錄, 多元表現, 校內幹部經歷, 課程學習成果 — any 名冊別 of it) of earlier receipts close
 * ('next-receipt'), and corrections waiting for that roster are received. Inside the import's
 * transaction; conditional updates, so an issue the student accepted meanwhile stays as it is.
 */
export async function closeReceivedAgain(
  platformTrx: Kysely<PlatformDatabase>,
  context: { school: string; batchId: string; at: Date; actor: AuditEntry['actor']; role: string },
  received: ReadonlyArray<{ studentId: string; rosterName: string }>,
): Promise<{ issuesClosed: number; correctionsReceived: number }> {
  const trx: Kysely<ReceiptDatabase> = receiptDb(platformTrx);
  const rosterOf = (name: string) => receiptRosterOf(name) ?? name;
  const wanted = new Set(received.map((r) => `${r.studentId}\u0000${rosterOf(r.rosterName)}`));
  const studentIds = [...new Set(received.map((r) => r.studentId))];
  const at = nowIso(context.at);
  const audits: AuditEntry[] = [];
  const who = { school: context.school, actor: context.actor, role: context.role, at: context.at };
  let issuesClosed = 0;
  let correctionsReceived = 0;
  for (const part of inChunks(studentIds)) {
    const issues = await trx
      .selectFrom('receipt_issues')
      .innerJoin('receipt_items', 'receipt_items.id', 'receipt_issues.item_id')
      .innerJoin('receipt_rosters', 'receipt_rosters.id', 'receipt_items.roster_id')
      .select(['receipt_issues.id', 'receipt_issues.student_id', 'receipt_rosters.name'])
      .where('receipt_issues.school_code', '=', context.school)
      .where('receipt_issues.status', '=', 'answered')
      .where('receipt_issues.batch_id', '!=', context.batchId)
      .where('receipt_issues.student_id', 'in', part)
      .execute();
    const closing = issues.filter((r) => wanted.has(`${r.student_id}\u0000${rosterOf(r.name)}`));
    if (closing.length > 0) {
      // One conditional update; what it closed is read back (our own writes, in this transaction),
      // so an issue the student accepted meanwhile is neither closed nor audited.
      const ids = closing.map((r) => r.id);
      await trx.updateTable('receipt_issues').set({ status: 'closed', closed_at: at, closed_by: 'next-receipt' }).where('id', 'in', ids).where('status', '=', 'answered').execute();
      const closed = await trx.selectFrom('receipt_issues').select(['id', 'student_id']).where('id', 'in', ids).where('closed_by', '=', 'next-receipt').where('closed_at', '=', at).execute();
      issuesClosed += closed.length;
      for (const issue of closed) {
        audits.push({ ...who, action: 'receipt.issue.close', entity: 'receipt-issue', entityId: issue.id, studentId: issue.student_id, before: { status: 'answered', closed_by: null }, after: { status: 'closed', closed_by: 'next-receipt', batch_id: context.batchId } });
      }
    }
    const corrections = await trx
      .selectFrom('receipt_corrections')
      .select(['id', 'student_id', 'roster_name'])
      .where('school_code', '=', context.school)
      .where('status', '=', 'pending-submission')
      .where('batch_id', '!=', context.batchId)
      .where('student_id', 'in', part)
      .execute();
    const receiving = corrections.filter((r) => wanted.has(`${r.student_id}\u0000${rosterOf(r.roster_name)}`));
    if (receiving.length > 0) {
      const ids = receiving.map((r) => r.id);
      await trx.updateTable('receipt_corrections').set({ status: 'received', received_batch_id: context.batchId, received_at: at }).where('id', 'in', ids).where('status', '=', 'pending-submission').execute();
      // Only what this update received is counted and audited.
      const got = await trx.selectFrom('receipt_corrections').select(['id', 'student_id']).where('id', 'in', ids).where('received_batch_id', '=', context.batchId).execute();
      correctionsReceived += got.length;
      for (const c of got) {
        audits.push({ ...who, action: 'receipt.correction.receive', entity: 'receipt-correction', entityId: c.id, studentId: c.student_id, before: { status: 'pending-submission' }, after: { status: 'received', received_batch_id: context.batchId } });
      }
    }
  }
  await writeAudits(platformTrx, audits);
  return { issuesClosed, correctionsReceived };
}
