import { reconcileReceipt, rosterOfNumber, type FieldDifference, type ReconcileStatus, type RosterBatch, type RosterId } from '@licheng/core';
import { submittedSnapshot } from '@licheng/plugin-registry/server';
import type { AuthedContext } from '@licheng/server';
import { receiptDb } from './tables.ts';

/**
 * 收訖明細 against what was submitted: per roster of a receipt and per student, arrived as
 * submitted, missing (in the snapshot, not in the receipt), unexpected (in the receipt, not in
 * the snapshot) or differs (field by field, sheet and column). The snapshot is the last one the
 * registry recorded for the roster (名冊別 → roster through the layout data, `rosterOfNumber`)
 * and term, read through the registry's public `submittedSnapshot`.
 */

export interface ReconciledRow {
  studentId: string | null;
  studentNo: string;
  name: string;
  className: string;
  status: ReconcileStatus;
  differences: FieldDifference[];
  rowsMissing: Array<{ sheet: string; cells: Record<string, string> }>;
  rowsUnexpected: Array<{ sheet: string; cells: Record<string, string> }>;
}

export interface ReconciledRoster {
  /** The receipt roster (receipt_rosters.id), its name as the central database calls it and 名冊別. */
  id: string;
  name: string;
  kind: number;
  /** The roster and batch the 名冊別 names in the layouts; null when none does (修課紀錄 has no number in any source). */
  roster: RosterId | null;
  batch: RosterBatch | null;
  snapshot: { id: string; fileName: string; sha256: string; submittedAt: string; submittedByName: string } | null;
  counts: Record<ReconcileStatus, number>;
  /** Every student not arrived as submitted (arrived ones are counted only). */
  students: ReconciledRow[];
}

export interface BatchReconciliation {
  batchId: string;
  academicYear: number;
  semester: number;
  /** False when the school has not enabled the registry office: there are no snapshots to compare with. */
  snapshotsAvailable: boolean;
  rosters: ReconciledRoster[];
}

/** Reconciles every roster of one imported receipt of this school against its snapshot; null when the batch is not this school's. */
export async function reconcileBatch(ctx: AuthedContext, batchId: string): Promise<BatchReconciliation | null> {
  const db = receiptDb(ctx.db);
  const school = ctx.config.code;
  const batch = await db.selectFrom('receipt_batches').select(['id', 'academic_year', 'semester']).where('school_code', '=', school).where('id', '=', batchId).executeTakeFirst();
  if (!batch) return null;
  const snapshotsAvailable = ctx.config.plugins.enabled.includes('registry');
  const rosters = await db.selectFrom('receipt_rosters').select(['id', 'name', 'kind', 'academic_year', 'semester']).where('school_code', '=', school).where('batch_id', '=', batchId).orderBy('kind').orderBy('name').execute();
  const compared = [];
  for (const r of rosters) {
    const target = rosterOfNumber(Number(r.kind), ctx.config.rosters.numbers);
    const snapshot = snapshotsAvailable && target ? await submittedSnapshot(ctx.db, school, { ...target, academicYear: Number(r.academic_year), semester: Number(r.semester) }) : null;
    const items = await db.selectFrom('receipt_items').select(['student_id', 'entry_json']).where('school_code', '=', school).where('roster_id', '=', r.id).execute();
    const results = reconcileReceipt(
      snapshot?.content ?? [],
      items.map((i) => ({ studentId: i.student_id, entry: JSON.parse(i.entry_json) as Record<string, unknown> })),
    );
    compared.push({ r, target, snapshot, results });
  }
  // The students shown (everyone not simply arrived), looked up once for the whole batch.
  const ids = [...new Set(compared.flatMap(({ results }) => results.flatMap((x) => (x.status !== 'arrived' && x.studentId ? [x.studentId] : []))))];
  const students = new Map<string, { student_no: string; name: string; class_name: string }>();
  for (let i = 0; i < ids.length; i += 500) {
    for (const s of await ctx.db.selectFrom('students').select(['id', 'student_no', 'name', 'class_name']).where('school_code', '=', school).where('id', 'in', ids.slice(i, i + 500)).execute()) students.set(s.id, s);
  }
  const out: ReconciledRoster[] = compared.map(({ r, target, snapshot, results }) => {
    const counts: Record<ReconcileStatus, number> = { arrived: 0, missing: 0, unexpected: 0, differs: 0 };
    for (const result of results) counts[result.status]++;
    return {
      id: r.id,
      name: r.name,
      kind: Number(r.kind),
      roster: target?.roster ?? null,
      batch: target?.batch ?? null,
      snapshot: snapshot ? { id: snapshot.id, fileName: snapshot.fileName, sha256: snapshot.sha256, submittedAt: snapshot.submittedAt, submittedByName: snapshot.submittedByName } : null,
      counts,
      students: results
        .filter((x) => x.status !== 'arrived')
        .map((x) => {
          const s = x.studentId ? students.get(x.studentId) : undefined;
          return { studentId: x.studentId, studentNo: s?.student_no ?? '', name: s?.name ?? '', className: s?.class_name ?? '', status: x.status, differences: x.differences, rowsMissing: x.rowsMissing, rowsUnexpected: x.rowsUnexpected };
        }),
    };
  });
  return { batchId, academicYear: Number(batch.academic_year), semester: Number(batch.semester), snapshotsAvailable, rosters: out };
}
