import { outcomeSummarySchema, windowState, findWindow, DomainError } from '@licheng/core';
import { authedProcedure, currentStudent, formDataInput, formFile, loadRecord, resubmitRecord, scheduleOf, stageFiles } from '@licheng/server';
import { z } from 'zod';
import { OUTCOME } from '../outcome-rules.ts';
import { assertResubmissionChanges } from '../resubmission.ts';
import { stagedFileNames, toOutcomeView } from './outcome-view.ts';

export const outcomesResubmitInput = formDataInput({
  recordId: z.string().min(1).max(36),
  summary: outcomeSummarySchema,
  document: formFile,
  media: formFile,
});

/**
 * student.outcomes.resubmit — fix a failed (未通過) outcome and send it for certification again.
 * Open while either the upload or the certification window of its term is open. Something must
 * change — the summary or a file's bytes — or it is refused with 'resubmit-unchanged'.
 */
export const outcomesResubmit = authedProcedure(['student'])
  .input(outcomesResubmitInput)
  .mutation(async ({ ctx, input }) => {
    const student = await currentStudent(ctx);
    const record = await loadRecord(ctx, input.recordId);
    if (record.kind !== OUTCOME || record.student_id !== student.id) throw new DomainError('not-found', {});
    const term = { academicYear: record.academic_year, semester: record.semester as 1 | 2 };
    const schedule = await scheduleOf(ctx);
    const open = (['outcome-upload', 'outcome-certification'] as const).some(
      (activity) => windowState(findWindow(schedule, activity, term, { grade: student.grade, className: student.class_name, recordKind: OUTCOME }), ctx.now()) === 'open',
    );
    if (!open) throw new DomainError('window-closed', { activity: 'outcome-upload' });
    const files = await stageFiles(ctx, input);
    await assertResubmissionChanges(ctx, record, input.summary, files);
    const updated = await resubmitRecord(ctx, record, { summary: input.summary, files });
    const course = await ctx.db.selectFrom('courses').selectAll().where('id', '=', record.course_id!).executeTakeFirstOrThrow();
    // A slot no file was sent for keeps its stored file: its name is that file's, as the list shows it.
    const ids = [updated.document_file_id, updated.media_file_id].filter((id): id is string => id !== null);
    const stored = ids.length ? await ctx.db.selectFrom('stored_files').select(['id', 'original_name']).where('id', 'in', ids).execute() : [];
    const nameOf = (id: string | null) => stored.find((f) => f.id === id)?.original_name ?? null;
    const staged = stagedFileNames(files);
    return toOutcomeView(updated, course, false, {
      resubmittedAt: updated.updated_at,
      documentName: staged.documentName ?? nameOf(updated.document_file_id),
      mediaName: staged.mediaName ?? nameOf(updated.media_file_id),
    });
  });
