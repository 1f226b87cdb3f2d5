import { authedProcedure } from '@licheng/server';
import { z } from 'zod';
import { CURRICULUM_READERS } from '../roles.ts';
import { curriculumDb } from '../tables.ts';

export const academicYearField = z.number().int().min(100).max(999);
export const classGroupsListInput = z.object({ academicYear: academicYearField });

/** curriculum.classGroups.list — the year's classes (from the platform's classes) with the 班群 the office set, null where none. */
export const classGroupsList = authedProcedure(CURRICULUM_READERS)
  .input(classGroupsListInput)
  .query(async ({ ctx, input }) => {
    const db = curriculumDb(ctx.db);
    const school = ctx.config.code;
    const classes = await db.selectFrom('classes').select(['class_name', 'grade']).where('school_code', '=', school).where('academic_year', '=', input.academicYear).orderBy('class_name').execute();
    const groups = await db.selectFrom('curriculum_class_groups').select(['class_name', 'class_group']).where('school_code', '=', school).where('academic_year', '=', input.academicYear).execute();
    const byClass = new Map(groups.map((g) => [g.class_name, g.class_group]));
    return classes.map((c) => ({ className: c.class_name, grade: c.grade, classGroup: byClass.get(c.class_name) ?? null }));
  });
