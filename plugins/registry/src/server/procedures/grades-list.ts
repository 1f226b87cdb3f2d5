import { GRADE_TAKES } from '@licheng/core';
import { authedProcedure } from '@licheng/server';
import { z } from 'zod';
import { gradeView } from '../grades/grade-values.ts';
import { REGISTRY_ROLES } from '../roles.ts';
import { registryDb } from '../tables.ts';

/** Grades per page: a class's term fits in a few pages, and a phone shows one page as cards. */
export const GRADES_PAGE_SIZE = 50;

export const gradesListInput = z.object({
  academicYear: z.number().int().min(100).max(199),
  semester: z.number().int().min(1).max(2),
  className: z.string().trim().max(32).optional(),
  courseCode: z.string().trim().max(23).optional(),
  take: z.enum(GRADE_TAKES).optional(),
  /** 1-based. */
  page: z.number().int().min(1).max(100_000).default(1),
});

/**
 * registry.grades.list — a term's grades, by class and course, a page at a time, with the
 * subject name where an offering names it. The class is the one the student sat in that term
 * (學期編班) when the term's placement is on file, else the student's class today, so a past
 * term lists who was in the class then.
 */
export const gradesList = authedProcedure(REGISTRY_ROLES)
  .input(gradesListInput)
  .query(async ({ ctx, input }) => {
    const db = registryDb(ctx.db);
    let query = db
      .selectFrom('course_grades as g')
      .innerJoin('students as s', 's.id', 'g.student_id')
      .leftJoin('term_placements as p', (join) => join.onRef('p.student_id', '=', 'g.student_id').onRef('p.academic_year', '=', 'g.academic_year').onRef('p.semester', '=', 'g.semester'))
      .where('g.school_code', '=', ctx.config.code)
      .where('g.academic_year', '=', input.academicYear)
      .where('g.semester', '=', input.semester);
    if (input.className) query = query.where((eb) => eb(eb.fn.coalesce('p.class_name', 's.class_name'), '=', input.className!));
    if (input.courseCode) query = query.where('g.course_code', '=', input.courseCode.toUpperCase());
    if (input.take) query = query.where('g.take', '=', input.take);
    const { total } = await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
    const rows = await query
      .selectAll('g')
      .select((eb) => ['s.student_no', 's.name', eb.fn.coalesce('p.class_name', 's.class_name').as('class_name'), eb.fn.coalesce('p.seat_no', 's.seat_no').as('seat_no')])
      .orderBy('class_name')
      .orderBy('seat_no')
      .orderBy('g.course_code')
      .orderBy('g.id')
      .limit(GRADES_PAGE_SIZE)
      .offset((input.page - 1) * GRADES_PAGE_SIZE)
      .execute();
    const codes = [...new Set(rows.map((r) => r.course_code))];
    const names = new Map(
      codes.length ? (await db.selectFrom('courses').select(['code', 'subject_name']).where('school_code', '=', ctx.config.code).where('code', 'in', codes).execute()).map((c) => [c.code, c.subject_name]) : [],
    );
    return {
      total: Number(total),
      page: input.page,
      pageSize: GRADES_PAGE_SIZE,
      rows: rows.map((r) => ({ ...gradeView(r), studentNo: r.student_no, name: r.name, className: r.class_name, seatNo: r.seat_no, subjectName: names.get(r.course_code) ?? '' })),
    };
  });
