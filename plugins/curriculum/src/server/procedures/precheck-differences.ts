import { DomainError, PRECHECK_KINDS, type PrecheckKind } from '@licheng/core';
import { authedProcedure } from '@licheng/server';
import { z } from 'zod';
import { CURRICULUM_READERS } from '../roles.ts';
import { curriculumDb } from '../tables.ts';
import type { DifferenceView } from '../views.ts';
import { toDifferenceView } from './run-view.ts';

export const precheckDifferencesInput = z.object({
  runId: z.string().min(1).max(36),
  kind: z.enum(PRECHECK_KINDS as [PrecheckKind, ...PrecheckKind[]]).optional(),
  fixer: z.enum(['curriculum', 'registry']).optional(),
});

/** curriculum.precheck.differences — the 「不同」 of a run in the order found, optionally of one kind or for one office to fix. */
export const precheckDifferencesList = authedProcedure(CURRICULUM_READERS)
  .input(precheckDifferencesInput)
  .query(async ({ ctx, input }): Promise<DifferenceView[]> => {
    const db = curriculumDb(ctx.db);
    const run = await db.selectFrom('curriculum_precheck_runs').select('id').where('school_code', '=', ctx.config.code).where('id', '=', input.runId).executeTakeFirst();
    if (!run) throw new DomainError('not-found', {});
    let query = db.selectFrom('curriculum_precheck_differences').selectAll().where('run_id', '=', run.id);
    if (input.kind) query = query.where('kind', '=', input.kind);
    if (input.fixer) query = query.where('fixer', '=', input.fixer);
    return (await query.orderBy('position').execute()).map(toDifferenceView);
  });
