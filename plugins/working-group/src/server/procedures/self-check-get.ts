import { authedProcedure } from '@licheng/server';
import { GROUP_EDITORS } from '../roles.ts';
import { selfCheckView, termInput, termOf, type SelfCheckView } from '../self-check-view.ts';

export const selfCheckGetInput = termInput;

/**
 * working-group.selfCheck.get — 自我檢核表 of a term (today's when absent; semester 1 when only
 * the year is given): every item of the checklist version in force, with its sources; automatic
 * items answered from the data with their figures and how they were computed (or why the data
 * cannot answer), the others as answered by hand, with who answered and when.
 */
export const selfCheckGet = authedProcedure(GROUP_EDITORS)
  .input(selfCheckGetInput)
  .query(async ({ ctx, input }): Promise<SelfCheckView> => selfCheckView(ctx, termOf(ctx, input)));
