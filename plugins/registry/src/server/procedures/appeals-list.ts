import { authedProcedure } from '@licheng/server';
import { z } from 'zod';
import { gradeView } from '../grades/grade-values.ts';
import { REGISTRY_ROLES } from '../roles.ts';
import { registryDb } from '../tables.ts';

export const appealsListInput = z.object({ status: z.enum(['open', 'answered', 'all']).default('open') }).default({ status: 'open' });

/** registry.appeals.list — students' grade appeals, oldest first, each with its grade and student. */
export const appealsList = authedProcedure(REGISTRY_ROLES)
  .input(appealsListInput)
  .query(async ({ ctx, input }) => {
    const db = registryDb(ctx.db);
    let query = db
      .selectFrom('grade_appeals as a')
      .innerJoin('course_grades as g', 'g.id', 'a.grade_id')
      .innerJoin('students as s', 's.id', 'a.student_id')
      .selectAll('g')
      .select(['a.id as appealId', 'a.text', 'a.status', 'a.answer', 'a.raised_at', 'a.answered_at', 's.student_no', 's.name', 's.class_name'])
      .where('a.school_code', '=', ctx.config.code);
    if (input.status !== 'all') query = query.where('a.status', '=', input.status);
    const rows = await query.orderBy('a.raised_at').limit(1000).execute();
    return rows.map((r) => ({
      id: r.appealId,
      text: r.text,
      status: r.status,
      answer: r.answer,
      raisedAt: r.raised_at,
      answeredAt: r.answered_at,
      student: { studentNo: r.student_no, name: r.name, className: r.class_name },
      grade: gradeView(r),
    }));
  });
