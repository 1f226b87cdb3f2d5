import type { Kysely } from 'kysely';
import type { RetentionPurged } from '../plugin.ts';

/**
 * Deletes a student's rows from an office's table keyed by `student_id` (and `school_code`), for
 * an office's retention hook (ADR 0034): `deleteStudentRows(trx, 'portfolio_consents', school, id)`.
 */
export async function deleteStudentRows(trx: Kysely<any>, table: string, school: string, studentId: string): Promise<RetentionPurged> {
  const deleted = await trx.deleteFrom(table).where('school_code', '=', school).where('student_id', '=', studentId).executeTakeFirst();
  return { table, rows: Number(deleted.numDeletedRows) };
}
