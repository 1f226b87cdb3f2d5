import { DomainError } from '@licheng/core';
import type { Kysely } from 'kysely';
import type { PlatformDatabase } from '@licheng/server';
import { CERTIFICATE_KIND, certificateNumberKey } from './certificate-fields.ts';

/**
 * Certificate numbers already recorded for these students, as comparison keys by student id.
 * Called inside the writing transaction after the students' rows are locked, so two
 * registrations of one certificate cannot both pass the check.
 */
export async function recordedCertificateNumbers(trx: Kysely<PlatformDatabase>, school: string, studentIds: string[]): Promise<Map<string, Set<string>>> {
  const byStudent = new Map<string, Set<string>>();
  for (let i = 0; i < studentIds.length; i += 500) {
    const rows = await trx
      .selectFrom('records')
      .select(['student_id', 'data'])
      .where('school_code', '=', school)
      .where('kind', '=', CERTIFICATE_KIND)
      .where('status', '!=', 'withdrawn')
      .where('student_id', 'in', studentIds.slice(i, i + 500))
      .execute();
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

/** Refuses a certificate number the student already has: 'certificate-duplicate'. */
export async function assertNewCertificate(trx: Kysely<PlatformDatabase>, school: string, student: { id: string; student_no: string }, number: string): Promise<void> {
  const recorded = await recordedCertificateNumbers(trx, school, [student.id]);
  if (recorded.get(student.id)?.has(certificateNumberKey(number))) {
    throw new DomainError('certificate-duplicate', { studentNo: student.student_no, number });
  }
}
