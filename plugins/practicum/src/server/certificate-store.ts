import { DomainError } from '@licheng/core';
import type { Kysely } from 'kysely';
import type { PlatformDatabase, RecordWriteCheck } from '@licheng/server';
import { CERTIFICATE_KIND, certificateNumberKey } from './certificate-fields.ts';

/**
 * Certificate numbers already recorded for these students, as comparison keys by student id.
 * Called inside the writing transaction after the students' rows are locked, so two
 * registrations of one certificate cannot both pass the check.
 */
export async function recordedCertificateNumbers(trx: Kysely<PlatformDatabase>, school: string, studentIds: string[], exceptRecordId: string | null = null): Promise<Map<string, Set<string>>> {
  const byStudent = new Map<string, Set<string>>();
  for (let i = 0; i < studentIds.length; i += 500) {
    let query = trx
      .selectFrom('records')
      .select(['student_id', 'data'])
      .where('school_code', '=', school)
      .where('kind', '=', CERTIFICATE_KIND)
      .where('status', '!=', 'withdrawn')
      .where('student_id', 'in', studentIds.slice(i, i + 500));
    if (exceptRecordId) query = query.where('id', '!=', exceptRecordId);
    const rows = await query.execute();
    for (const row of rows) {
      const number = (JSON.parse(row.data) as { number?: unknown }).number;
      if (typeof number !== 'string') continue;
      const set = byStudent.get(row.student_id) ?? new Set<string>();
      set.add(certificateNumberKey(number));
      byStudent.set(row.student_id, set);
    }
  }
  return byStudent;
}

/** Refuses a certificate number the student already has (on another record than `exceptRecordId`, the one being corrected): 'certificate-duplicate'. */
export async function assertNewCertificate(trx: Kysely<PlatformDatabase>, school: string, student: { id: string; student_no: string }, number: string, exceptRecordId: string | null = null): Promise<void> {
  const recorded = await recordedCertificateNumbers(trx, school, [student.id], exceptRecordId);
  if (recorded.get(student.id)?.has(certificateNumberKey(number))) {
    throw new DomainError('certificate-duplicate', { studentNo: student.student_no, number });
  }
}

/**
 * The office's rule on practicum.records.enter and .correct (inside their transaction, the
 * student locked): a certificate a student enters, or a correction of one, may not carry a
 * number the student already has on another standing certificate — refused as a registration is.
 */
export const certificateNumberOnce: RecordWriteCheck = async (trx, ctx, write) => {
  if (write.kind.id !== CERTIFICATE_KIND || typeof write.data.number !== 'string') return;
  const student = await trx.selectFrom('students').select(['id', 'student_no']).where('id', '=', write.studentId).executeTakeFirstOrThrow();
  await assertNewCertificate(trx, ctx.config.code, student, write.data.number, write.recordId);
};
