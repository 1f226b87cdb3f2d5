import { DomainError } from '@licheng/core';
import type { Kysely, Updateable } from 'kysely';
import type { PlatformDatabase, RecordRow, RecordTable } from '../platform/tables.ts';
import { assertRecordWritable } from './sealed.ts';

/**
 * Applies `changes` only if the record is still in `expected` status at the version that was
 * read — a compare-and-set, so of two concurrent changes exactly one applies; the other gets
 * `conflictCode`. Returns the record as it is after the change. A sealed student's record and
 * an imported copy refuse every change (sealed.ts).
 */
export async function transitionRecord(
  trx: Kysely<PlatformDatabase>,
  before: RecordRow,
  expected: string,
  changes: Updateable<RecordTable> & { version: number },
  conflictCode: string,
): Promise<RecordRow> {
  await assertRecordWritable(trx, before);
  const result = await trx
    .updateTable('records')
    .set(changes)
    .where('id', '=', before.id)
    .where('status', '=', expected)
    .where('version', '=', before.version)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw new DomainError(conflictCode, {});
  return { ...before, ...changes } as RecordRow;
}
