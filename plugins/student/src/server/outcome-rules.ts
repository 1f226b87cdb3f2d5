import { academicTermOf, type AcademicTerm, assertUploadCap, assertWindowOpen, DomainError, taipeiDate } from '@licheng/core';
import { scheduleOf, type AuthedContext, type Course, type PlatformDatabase, type Student } from '@licheng/server';
import type { Kysely } from 'kysely';

/** 課程學習成果 is the record kind this office enters. */
export const OUTCOME = 'outcome';

/** The outcomes' selection (勾選): at most rules.outcomes.selectionCapPerYear (6) a year. */
export const OUTCOME_SELECTION = {
  kind: OUTCOME,
  activity: 'outcome-selection',
  cap: (ctx: AuthedContext) => ctx.config.rules.outcomes.selectionCapPerYear,
} as const;

/** The course offering a student takes, or not-found (a student uploads only for their own courses). */
export async function enrolledCourse(ctx: AuthedContext, student: Student, courseId: string): Promise<Course> {
  const course = await ctx.db
    .selectFrom('enrolments')
    .innerJoin('courses', 'courses.id', 'enrolments.course_id')
    .selectAll('courses')
    .where('enrolments.student_id', '=', student.id)
    .where('enrolments.course_id', '=', courseId)
    .executeTakeFirst();
  if (!course) throw new DomainError('not-found', {});
  return course;
}

/** The school's per-semester upload cap, counted inside the transaction after the student row lock. */
export function uploadCapGuard(ctx: AuthedContext, student: Student, course: Course) {
  return async (trx: Kysely<PlatformDatabase>) => {
    const { n } = await trx
      .selectFrom('records')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('student_id', '=', student.id)
      .where('kind', '=', OUTCOME)
      .where('status', '!=', 'withdrawn')
      .where('academic_year', '=', course.academic_year)
      .where('semester', '=', course.semester)
      .executeTakeFirstOrThrow();
    assertUploadCap(Number(n), ctx.config.rules.outcomes.uploadCapPerSemester);
  };
}

export async function assertUploadWindow(ctx: AuthedContext, student: Student, course: Course): Promise<void> {
  const scope = { grade: student.grade, className: student.class_name, recordKind: OUTCOME };
  assertWindowOpen(await scheduleOf(ctx), 'outcome-upload', { academicYear: course.academic_year, semester: course.semester as 1 | 2 }, ctx.now(), scope);
}

/**
 * The term whose selection (勾選) window applies to saving a year's selection: the current
 * semester when it belongs to that year (a school may open selection per semester), else the
 * whole year. A semester window wins over a year window, which stays the fallback.
 */
export function selectionTerm(ctx: AuthedContext, academicYear: number): AcademicTerm {
  const current = academicTermOf(taipeiDate(ctx.now()));
  // Semester 0 matches only whole-year windows (findWindow skips semester windows for it).
  return { academicYear, semester: (current.academicYear === academicYear ? current.semester : 0) as AcademicTerm['semester'] };
}
