import { DomainError, formatMessage } from '@licheng/core';
import { authedProcedure, formDataInput, formFile, readUpload } from '@licheng/server';
import { z } from 'zod';
import { ATTENDANCE_LIMITS, attendanceListTooLarge, importAttendance, type AttendanceImportReport } from '../attendance-import.ts';
import { GROUP_EDITORS } from '../roles.ts';

export const trainingsImportAttendanceInput = formDataInput({
  id: z.string().min(1).max(64),
  file: formFile,
  dryRun: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
});

/**
 * working-group.trainings.importAttendance — a held training's attendance list (multipart: `id`,
 * `file`, `dryRun`): .xlsx or CSV in UTF-8/Big5 with 姓名 and optionally 班級, 單位 or 身分. A
 * dry run only reports, row by row; otherwise the list becomes the training's attendance, or
 * nothing is kept when any row has an issue.
 */
export const trainingsImportAttendance = authedProcedure(GROUP_EDITORS)
  .input(trainingsImportAttendanceInput)
  .mutation(async ({ ctx, input }): Promise<AttendanceImportReport> => {
    if (!input.file) throw new DomainError('file-missing', {});
    const bytes = await readUpload(input.file, ATTENDANCE_LIMITS.maxBytes, attendanceListTooLarge);
    const report = await importAttendance(ctx, input.id, input.file.name, bytes, !input.dryRun);
    // Each issue said in the caller's language: the screen shows it as it is.
    return { ...report, issues: report.issues.map((i) => ({ ...i, message: formatMessage(i.code, i.params, ctx.locale) })) };
  });
