import { missingTrainings, type MissingTraining, type TrainingKind, type TrainingRules } from '@licheng/core';
import { authedProcedure } from '@licheng/server';
import { z } from 'zod';
import { academicYearSchema } from '../academic-year.ts';
import { GROUP_EDITORS } from '../roles.ts';
import { currentAcademicYear } from '../schedule.ts';
import { workingGroupDb } from '../tables.ts';
import { trainingView, type TrainingView } from '../views.ts';

export const trainingsListInput = z.object({ academicYear: academicYearSchema.optional() }).default({});

/**
 * working-group.trainings.list — the trainings (研習與宣導) of one academic year (today's when
 * absent) by semester, kind and date; the school's rule (`rules.trainings`); and `missing`: each
 * required kind not held in a semester (or a year) of last year and this one, per that rule.
 */
export const trainingsList = authedProcedure(GROUP_EDITORS)
  .input(trainingsListInput)
  .query(async ({ ctx, input }): Promise<{ academicYear: number; trainings: TrainingView[]; rules: TrainingRules; missing: MissingTraining[] }> => {
    const now = ctx.now();
    const academicYear = input.academicYear ?? currentAcademicYear(now);
    const db = workingGroupDb(ctx.db);
    const school = ctx.config.code;
    const rows = await db
      .selectFrom('working_group_trainings')
      .selectAll()
      .where('school_code', '=', school)
      .where('academic_year', '=', academicYear)
      .orderBy('semester')
      .orderBy('kind')
      .orderBy('planned_date')
      .orderBy('id')
      .execute();
    const recent = await db.selectFrom('working_group_trainings').select(['kind', 'academic_year', 'semester', 'held_date']).where('school_code', '=', school).where('academic_year', '>=', currentAcademicYear(now) - 1).execute();
    const rules = ctx.config.rules.trainings;
    const missing = missingTrainings(
      recent.map((r) => ({ kind: r.kind as TrainingKind, academicYear: r.academic_year, semester: r.semester as 1 | 2, heldDate: r.held_date })),
      rules,
      now,
    );
    return { academicYear, trainings: rows.map(trainingView), rules, missing };
  });
