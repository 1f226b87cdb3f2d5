import { authedProcedure, currentStudent } from '@licheng/server';
import { OUTCOME_SELECTION } from '../outcome-rules.ts';
import { selectionGetInput, selectionState } from '../selection-rules.ts';

/** student.selections.get — the student's selection for a year, the cap and whether the window is open. */
export const selectionsGet = authedProcedure(['student'])
  .input(selectionGetInput)
  .query(async ({ ctx, input }) => selectionState(ctx, OUTCOME_SELECTION, await currentStudent(ctx), input.academicYear));
