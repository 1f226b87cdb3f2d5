import { authedProcedure, currentStudent } from '@licheng/server';
import { gradeCheckWindow } from '../grades/grade-check-window.ts';
import { gradeView } from '../grades/grade-values.ts';
import { registryDb } from '../tables.ts';

/**
 * registry.grades.mine — the signed-in student's grades and credits per course, with their
 * appeals and the grade check window (appeals can be raised only while it is open).
 */
export const gradesMine = authedProcedure(['student']).query(async ({ ctx }) => {
  const student = await currentStudent(ctx);
  const db = registryDb(ctx.db);
  const grades = await db
    .selectFrom('course_grades')
    .selectAll()
    .where('school_code', '=', ctx.config.code)
    .where('student_id', '=', student.id)
    .orderBy('academic_year', 'desc')
    .orderBy('semester', 'desc')
    .orderBy('course_code')
    .execute();
  const offerings = await db.selectFrom('courses').select(['code', 'subject_name', 'credits']).where('school_code', '=', ctx.config.code).execute();
  const byCode = new Map(offerings.map((c) => [c.code, c]));
  const appeals = await db
    .selectFrom('grade_appeals')
    .select(['id', 'grade_id', 'text', 'status', 'answer', 'raised_at', 'answered_at'])
    .where('school_code', '=', ctx.config.code)
    .where('student_id', '=', student.id)
    .orderBy('raised_at')
    .execute();
  return {
    window: await gradeCheckWindow(ctx, student),
    grades: grades.map((g) => ({
      ...gradeView(g),
      subjectName: byCode.get(g.course_code)?.subject_name ?? '',
      credits: byCode.get(g.course_code)?.credits ?? 0,
      appeals: appeals.filter((a) => a.grade_id === g.id).map((a) => ({ id: a.id, text: a.text, status: a.status, answer: a.answer, raisedAt: a.raised_at, answeredAt: a.answered_at })),
    })),
  };
});
