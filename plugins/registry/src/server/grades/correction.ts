import { DomainError, gradeCodeProblem, isRosterScore, parseCourseCode, PASS_FLAGS, CREDIT_COUNTED, type CreditCounted } from '@licheng/core';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { RegistryDatabase } from '../tables.ts';

/**
 * A correction by pattern: in one term and course, every grade whose `field` holds `from` gets
 * `to` (same subject, same error). Previewed for every affected student, then applied to all
 * of them at once.
 */
export const CORRECTABLE_FIELDS = ['score', 'passed', 'make_up_score', 'make_up_passed', 'credit_counted'] as const;
export type CorrectableField = (typeof CORRECTABLE_FIELDS)[number];

const value = z.string().trim().min(1).max(8);
export const correctionPattern = z.object({
  academicYear: z.number().int().min(100).max(199),
  semester: z.number().int().min(1).max(2),
  courseCode: z.string().trim().length(23).transform((s) => s.toUpperCase()),
  field: z.enum(CORRECTABLE_FIELDS),
  from: value,
  to: value,
});
export type CorrectionPattern = z.output<typeof correctionPattern>;

const isScoreField = (field: CorrectableField) => field === 'score' || field === 'make_up_score';

/** The value as stored: a score as its shortest decimal text, a flag or code as a number. */
function stored(field: CorrectableField, text: string, role: 'from' | 'to'): string | number {
  const n = Number(text);
  const ok = isScoreField(field) ? isRosterScore(n) : field === 'credit_counted' ? (CREDIT_COUNTED as readonly number[]).includes(n) : (PASS_FLAGS as readonly number[]).includes(n);
  if (!Number.isFinite(n) || !ok || text === '') throw new DomainError('import-code-invalid', { column: `${field} (${role})`, value: text, codes: isScoreField(field) ? '0–100, -1' : field === 'credit_counted' ? '1/2/3' : '1/0/-1' });
  return isScoreField(field) ? String(n) : n;
}

/** The pattern checked: values in range, `to` differing from `from`, and the course code's rule for 是否採計學分 (9 + D → 3). */
export function checkedPattern(p: CorrectionPattern): { from: string | number; to: string | number } {
  const from = stored(p.field, p.from, 'from');
  const to = stored(p.field, p.to, 'to');
  if (p.field === 'credit_counted') {
    let code;
    try {
      code = parseCourseCode(p.courseCode);
    } catch {
      throw new DomainError('grade-course-unknown', { value: p.courseCode });
    }
    const problem = gradeCodeProblem(code, to as CreditCounted);
    if (problem === 'grade-credit-9d') throw new DomainError(problem, { course: p.courseCode, value: to });
  }
  return { from, to };
}

/** The grades the pattern matches, with their students, by class and seat. */
export async function matchingGrades(db: Kysely<RegistryDatabase>, school: string, p: CorrectionPattern, from: string | number) {
  return db
    .selectFrom('course_grades as g')
    .innerJoin('students as s', 's.id', 'g.student_id')
    .select(['g.id', 'g.student_id', 'g.take', 's.student_no', 's.name', 's.class_name', 's.seat_no'])
    .select(`g.${p.field}` as 'g.score')
    .where('g.school_code', '=', school)
    .where('g.academic_year', '=', p.academicYear)
    .where('g.semester', '=', p.semester)
    .where('g.course_code', '=', p.courseCode)
    .where(`g.${p.field}` as 'g.score', '=', from as string)
    .orderBy('s.class_name')
    .orderBy('s.seat_no')
    .execute();
}
