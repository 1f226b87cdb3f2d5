import { academicYearSchema, assertWindowOpen } from '@licheng/core';
import { authedProcedure, currentStudent, saveSelection } from '@licheng/server';
import { z } from 'zod';
import { OUTCOME, selectionTerm } from '../outcome-rules.ts';

export const selectionsSaveInput = z.object({
  academicYear: academicYearSchema,
  recordIds: z.array(z.string().min(1).max(36)).max(50),
});

/** student.selections.save — replaces the student's selected (勾選) outcomes for an academic year. */
export const selectionsSave = authedProcedure(['student'])
  .input(selectionsSaveInput)
  .mutation(async ({ ctx, input }) => {
    const student = await currentStudent(ctx);
    assertWindowOpen(ctx.config.schedule, 'outcome-selection', selectionTerm(ctx, input.academicYear), ctx.now(), student.grade);
    const cap = ctx.config.rules.outcomes.selectionCapPerYear;
    const recordIds = await saveSelection(ctx, { student, kind: OUTCOME, academicYear: input.academicYear, recordIds: input.recordIds, cap });
    return { academicYear: input.academicYear, recordIds, cap };
  });
