import { DomainError, isSealedStatus } from '@licheng/core';
import { inChunks } from '@licheng/db';
import type { Kysely } from 'kysely';
import type { PlatformDatabase, RecordRow } from '../platform/tables.ts';

/**
 * The records layer's one write guard (ADR 0034, ADR 0033), checked inside the writing
 * transaction by every primitive that writes a record or a selection — enterRecord,
 * enterRecords, transitionRecord (every decision, correction, withdrawal, reopening and
 * resubmission) and saveSelection — so no office procedure has to remember it:
 * - a graduate's portfolio is sealed (封存): `student-sealed`;
 * - a record imported from another school is a read-only copy: `record-imported-read-only`.
 */
export async function assertStudentsWritable(trx: Kysely<PlatformDatabase>, studentIds: readonly string[]): Promise<void> {
  const ids = [...new Set(studentIds)];
  for (const part of inChunks(ids)) {
    const rows = await trx.selectFrom('students').select(['name', 'status']).where('id', 'in', part).execute();
    const sealed = rows.find((r) => isSealedStatus(r.status));
    if (sealed) throw new DomainError('student-sealed', { name: sealed.name });
  }
}

/** The guard for a change to an existing record: its student is not sealed and it is not an imported copy. */
export async function assertRecordWritable(trx: Kysely<PlatformDatabase>, record: Pick<RecordRow, 'id' | 'student_id'>): Promise<void> {
  await assertStudentsWritable(trx, [record.student_id]);
  const origin = await trx.selectFrom('record_origins').select('imported_from_school').where('record_id', '=', record.id).executeTakeFirst();
  if (origin) throw new DomainError('record-imported-read-only', { school: origin.imported_from_school });
}
