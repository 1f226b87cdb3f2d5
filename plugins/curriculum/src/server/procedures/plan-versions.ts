import { FIRST_PLAN_YEAR } from '@licheng/core';
import { authedProcedure } from '@licheng/server';
import { z } from 'zod';
import { CURRICULUM_READERS } from '../roles.ts';
import { curriculumDb } from '../tables.ts';
import type { PlanVersionView } from '../views.ts';
import { toPlanVersionView } from './plan-version-view.ts';

export const planVersionsInput = z.object({ planYear: z.number().int().min(FIRST_PLAN_YEAR).max(999).optional() }).default({});

/** curriculum.plan.versions — the school's imported plan versions, newest year and version first. */
export const planVersions = authedProcedure(CURRICULUM_READERS)
  .input(planVersionsInput)
  .query(async ({ ctx, input }): Promise<PlanVersionView[]> => {
    let query = curriculumDb(ctx.db).selectFrom('curriculum_plan_versions').selectAll().where('school_code', '=', ctx.config.code);
    if (input.planYear !== undefined) query = query.where('plan_year', '=', input.planYear);
    const rows = await query.orderBy('plan_year', 'desc').orderBy('version', 'desc').limit(200).execute();
    return rows.map(toPlanVersionView);
  });
