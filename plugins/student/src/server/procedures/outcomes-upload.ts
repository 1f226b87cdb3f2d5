import { DomainError, outcomeSummarySchema } from '@licheng/core';
import { authedProcedure, currentStudent, enterRecord, formDataInput, formFile, stageFiles } from '@licheng/server';
import { z } from 'zod';
import { OUTCOME, assertUploadWindow, enrolledCourse, uploadCapGuard } from '../outcome-rules.ts';
import { stagedFileNames, toOutcomeView } from './outcome-view.ts';

export const outcomesUploadInput = formDataInput({
  courseId: z.string().min(1).max(36),
  summary: outcomeSummarySchema,
  document: formFile,
  media: formFile,
});

/** student.outcomes.upload — a student uploads a course learning outcome (課程學習成果) for a course they take. */
export const outcomesUpload = authedProcedure(['student'])
  .input(outcomesUploadInput)
  .mutation(async ({ ctx, input }) => {
    if (!input.document && !input.media) throw new DomainError('file-missing', {});
    const student = await currentStudent(ctx);
    const course = await enrolledCourse(ctx, student, input.courseId);
    await assertUploadWindow(ctx, student, course);
    const files = await stageFiles(ctx, input);
    const record = await enterRecord(ctx, {
      kind: OUTCOME,
      student,
      courseId: course.id,
      academicYear: course.academic_year,
      semester: course.semester,
      summary: input.summary,
      files,
      guard: uploadCapGuard(ctx, student, course),
    });
    return toOutcomeView(record, course, false, stagedFileNames(files));
  });
