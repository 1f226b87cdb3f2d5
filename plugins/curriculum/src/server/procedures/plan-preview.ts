import { inLocale } from '@licheng/core';
import { authedProcedure } from '@licheng/server';
import { CURRICULUM_WRITERS } from '../roles.ts';
import type { PlanPreviewView } from '../views.ts';
import { checkUpload, planUploadInput } from './plan-upload-input.ts';

/**
 * curriculum.plan.preview — checks a course plan file for a 實施學年度 without writing anything:
 * each row's problems (row, column, what is wrong) and what it changes against the current version.
 */
export const planPreview = authedProcedure(CURRICULUM_WRITERS)
  .input(planUploadInput)
  .mutation(async ({ ctx, input }): Promise<PlanPreviewView> => {
    const { sourceName, check } = await checkUpload(ctx, input);
    return {
      planYear: check.planYear,
      sourceName,
      rows: check.rows,
      lineCount: check.lines.length,
      issues: inLocale(check.issues, ctx.locale),
      previousVersion: check.previous?.version ?? null,
      diff: check.diff,
    };
  });

