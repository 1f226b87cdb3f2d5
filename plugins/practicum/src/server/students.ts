import { DomainError } from '@licheng/core';
import type { AuthedContext, Student } from '@licheng/server';

/** A student of this school by 學號; throws 'student-unknown'. */
export async function studentByNo(ctx: AuthedContext, studentNo: string): Promise<Student> {
  const student = await ctx.db
    .selectFrom('students')
    .selectAll()
    .where('school_code', '=', ctx.config.code)
    .where('student_no', '=', studentNo)
    .executeTakeFirst();
  if (!student) throw new DomainError('student-unknown', { studentNo });
  return student;
}

/** Students of this school by 學號 (unknown numbers are simply absent from the map). */
export async function studentsByNo(ctx: AuthedContext, studentNos: string[]): Promise<Map<string, Student>> {
  const unique = [...new Set(studentNos)];
  const found = new Map<string, Student>();
  for (let i = 0; i < unique.length; i += 500) {
    const chunk = unique.slice(i, i + 500);
    const rows = await ctx.db.selectFrom('students').selectAll().where('school_code', '=', ctx.config.code).where('student_no', 'in', chunk).execute();
    for (const row of rows) found.set(row.student_no, row);
  }
  return found;
}
