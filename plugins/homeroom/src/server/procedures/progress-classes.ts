import { authedProcedure } from '@licheng/server';
import { z } from 'zod';
import { classesOf, PROGRESS_READERS } from '../class-access.ts';
import { academicYearField, resolveTerm } from '../term.ts';

export const progressClassesInput = z
  .object({
    /** 學年度; the current one when omitted. */
    academicYear: academicYearField.optional(),
  })
  .default({});

/**
 * homeroom.progress.classes — the classes the signed-in teacher is homeroom teacher (導師) of
 * in the academic year (every class of the year for an administrator); empty when none.
 */
export const progressClasses = authedProcedure(PROGRESS_READERS)
  .input(progressClassesInput)
  .query(async ({ ctx, input }) => {
    const term = resolveTerm(ctx.now(), input);
    return { academicYear: term.academicYear, classes: await classesOf(ctx, term.academicYear) };
  });
