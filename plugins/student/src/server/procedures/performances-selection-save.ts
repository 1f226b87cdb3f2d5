import { authedProcedure } from '@licheng/server';
import { PERFORMANCE_SELECTION } from '../performance-rules.ts';
import { saveStudentSelection, selectionSaveInput } from '../selection-rules.ts';

/**
 * student.performances.selection.save — replaces the student's selected (勾選) performances of a
 * year: at most rules.performances.selectionCapPerYear (10), only passed ones they entered, in the
 * performance-selection window; the cap holds under concurrent saves (the student's lock).
 */
export const performancesSelectionSave = authedProcedure(['student'])
  .input(selectionSaveInput)
  .mutation(({ ctx, input }) => saveStudentSelection(ctx, PERFORMANCE_SELECTION, input));
