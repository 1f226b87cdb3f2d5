import { authedProcedure } from '@licheng/server';
import { z } from 'zod';
import { PROGRESS_READERS, readableClass } from '../class-access.ts';
import { classProgress } from '../class-progress.ts';
import { academicYearField, classNameField, resolveTerm, semesterField } from '../term.ts';

export const progressClassInput = z.object({
  className: classNameField,
  /** 學年度 and 學期; the current term when omitted. */
  academicYear: academicYearField.optional(),
  semester: semesterField.optional(),
});

/**
 * homeroom.progress.class — one class's progress this term: each enrolled student's outcomes
 * uploaded, pending, passed and failed, their selections this academic year against the cap,
 * class totals, and the upload, certification and selection windows with the days left.
 * Only the class's homeroom teacher (導師) may read it; an administrator may read any class.
 */
export const progressClass = authedProcedure(PROGRESS_READERS)
  .input(progressClassInput)
  .query(async ({ ctx, input }) => {
    const term = resolveTerm(ctx.now(), input);
    const klass = await readableClass(ctx, input.className, term.academicYear);
    return classProgress(ctx.db, ctx.config, klass, term, ctx.now());
  });
