import { authedProcedure } from '@licheng/server';
import { OUTCOME_SELECTION } from '../outcome-rules.ts';
import { saveStudentSelection, selectionSaveInput } from '../selection-rules.ts';

/** student.selections.save — replaces the student's selected (勾選) outcomes for an academic year. */
export const selectionsSave = authedProcedure(['student'])
  .input(selectionSaveInput)
  .mutation(({ ctx, input }) => saveStudentSelection(ctx, OUTCOME_SELECTION, input));
