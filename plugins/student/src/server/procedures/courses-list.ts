import { authedProcedure, currentStudent } from '@licheng/server';

/** student.courses.list — the course offerings the student takes (for choosing where an outcome belongs). */
export const coursesList = authedProcedure(['student']).query(async ({ ctx }) => {
  const student = await currentStudent(ctx);
  const rows = await ctx.db
    .selectFrom('enrolments')
    .innerJoin('courses', 'courses.id', 'enrolments.course_id')
    .select(['courses.id', 'courses.code', 'courses.subject_name', 'courses.credits', 'courses.grade_level', 'courses.academic_year', 'courses.semester', 'enrolments.take_kind'])
    .where('enrolments.student_id', '=', student.id)
    .orderBy('courses.academic_year', 'desc')
    .orderBy('courses.semester', 'desc')
    .orderBy('courses.code')
    .execute();
  return {
    student: { name: student.name, studentNo: student.student_no, className: student.class_name, seatNo: student.seat_no, grade: student.grade },
    courses: rows.map((r) => ({
      id: r.id,
      code: r.code,
      subjectName: r.subject_name,
      credits: r.credits,
      gradeLevel: r.grade_level,
      academicYear: r.academic_year,
      semester: r.semester,
      takeKind: r.take_kind,
    })),
  };
});
