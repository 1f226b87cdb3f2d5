import { diffCoursePlans, DomainError } from '@licheng/core';
import { authedProcedure } from '@licheng/server';
import { z } from 'zod';
import { versionLines } from '../plan-import.ts';
import { CURRICULUM_READERS } from '../roles.ts';
import { curriculumDb } from '../tables.ts';
import type { PlanVersionDetailView } from '../views.ts';
import { toPlanVersionView } from './plan-version-view.ts';

export const planVersionInput = z.object({ versionId: z.string().min(1).max(36) });

/** curriculum.plan.version — one version's lines and what changed against the version before it (everything added for version 1). */
export const planVersion = authedProcedure(CURRICULUM_READERS)
  .input(planVersionInput)
  .query(async ({ ctx, input }): Promise<PlanVersionDetailView> => {
    const db = curriculumDb(ctx.db);
    const school = ctx.config.code;
    const row = await db.selectFrom('curriculum_plan_versions').selectAll().where('school_code', '=', school).where('id', '=', input.versionId).executeTakeFirst();
    if (!row) throw new DomainError('not-found', {});
    const before = await db
      .selectFrom('curriculum_plan_versions').selectAll()
      .where('school_code', '=', school).where('plan_year', '=', row.plan_year).where('version', '<', row.version)
      .orderBy('version', 'desc').limit(1).executeTakeFirst();
    const lines = await versionLines(db, school, row.id, row.plan_year);
    const previous = before ? await versionLines(db, school, before.id, row.plan_year) : [];
    return { version: toPlanVersionView(row), previousVersion: before?.version ?? null, lines, diff: diffCoursePlans(previous, lines) };
  });
