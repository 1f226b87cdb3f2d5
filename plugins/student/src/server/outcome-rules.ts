import { assertUploadCap, assertWindowOpen, DomainError } from '@licheng/core';
import type { AuthedContext, Course, PlatformDatabase, Student } from '@licheng/server';
import type { Kysely } from 'kysely';

/** 課程學習成果 is the record kind this office enters. */
export const OUTCOME = 'outcome';

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
      .where('academic_year', '=', course.academic_year)
      .where('semester', '=', course.semester)
      .executeTakeFirstOrThrow();
    assertUploadCap(Number(n), ctx.config.rules.outcomes.uploadCapPerSemester);
  };
}

export function assertUploadWindow(ctx: AuthedContext, student: Student, course: Course): void {
  assertWindowOpen(ctx.config.schedule, 'outcome-upload', { academicYear: course.academic_year, semester: course.semester as 1 | 2 }, ctx.now(), student.grade);
}
