import { academicYearSchema, findWindow, windowState } from '@licheng/core';
import { authedProcedure, currentStudent } from '@licheng/server';
import { z } from 'zod';
import { OUTCOME, selectionTerm } from '../outcome-rules.ts';

/** student.selections.get — the student's selection for a year, the cap and whether the window is open. */
export const selectionsGet = authedProcedure(['student'])
  .input(z.object({ academicYear: academicYearSchema }))
  .query(async ({ ctx, input }) => {
    const student = await currentStudent(ctx);
    const rows = await ctx.db
      .selectFrom('selections')
      .select('record_id')
      .where('student_id', '=', student.id)
      .where('kind', '=', OUTCOME)
      .where('academic_year', '=', input.academicYear)
      .execute();
    const window = findWindow(ctx.config.schedule, 'outcome-selection', selectionTerm(ctx, input.academicYear), student.grade);
    return {
      academicYear: input.academicYear,
      recordIds: rows.map((r) => r.record_id),
      cap: ctx.config.rules.outcomes.selectionCapPerYear,
      window: { start: window?.start ?? null, end: window?.end ?? null, state: windowState(window, ctx.now()) },
    };
  });
