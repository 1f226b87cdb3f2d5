import { DomainError, receiptStatus, type StoredReceiptStatus } from '@licheng/core';
import type { Kysely } from 'kysely';
import type { ReceiptDatabase } from './tables.ts';

export interface RosterProgress {
  rosterId: string;
  kind: number;
  name: string;
  fileName: string;
  total: number;
  confirmed: number;
  issue: number;
  pending: number;
  deemedConfirmed: number;
}

export interface BatchView {
  id: string;
  academicYear: number;
  semester: number;
  fileName: string;
  sha256: string;
  window: { start: string; end: string };
  importedByName: string;
  importedAt: string;
}

export async function loadBatch(db: Kysely<ReceiptDatabase>, school: string, batchId: string): Promise<BatchView> {
  const row = await db.selectFrom('receipt_batches').selectAll().where('school_code', '=', school).where('id', '=', batchId).executeTakeFirst();
  if (!row) throw new DomainError('not-found', {});
  return {
    id: row.id,
    academicYear: row.academic_year,
    semester: row.semester,
    fileName: row.file_name,
    sha256: row.source_sha256,
    window: { start: row.window_start, end: row.window_end },
    importedByName: row.imported_by_name,
    importedAt: row.imported_at,
  };
}

/** Per roster of a batch: students total, confirmed, with an issue, pending, and deemed confirmed (視同確認) once the window ended. */
export async function batchProgress(db: Kysely<ReceiptDatabase>, school: string, batch: BatchView, today: string): Promise<RosterProgress[]> {
  const rosters = await db.selectFrom('receipt_rosters').select(['id', 'kind', 'name', 'file_name']).where('school_code', '=', school).where('batch_id', '=', batch.id).orderBy('kind').execute();
  const counts = await db
    .selectFrom('receipt_items')
    .select(['roster_id', 'status', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('school_code', '=', school)
    .where('batch_id', '=', batch.id)
    .groupBy(['roster_id', 'status'])
    .execute();
  return rosters.map((r) => {
    const row: RosterProgress = { rosterId: r.id, kind: r.kind, name: r.name, fileName: r.file_name, total: 0, confirmed: 0, issue: 0, pending: 0, deemedConfirmed: 0 };
    for (const c of counts.filter((c) => c.roster_id === r.id)) {
      const n = Number(c.n);
      row.total += n;
      const status = receiptStatus(c.status as StoredReceiptStatus, batch.window, today);
      if (status === 'deemed-confirmed') row.deemedConfirmed += n;
      else row[status] += n;
    }
    return row;
  });
}
