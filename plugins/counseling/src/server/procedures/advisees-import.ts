import { authedProcedure, formDataInput, formFile, readUpload } from '@licheng/server';
import { z } from 'zod';
import { adviseeListTooLarge, ADVISEE_LIST_LIMITS, assertFile, importAdviseeList, type AdviseeImportReport } from '../advisee-import.ts';

export const adviseesImportInput = formDataInput({
  file: formFile,
  dryRun: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
});

/**
 * `counseling.advisees.import` — counseling's list of who advises whom (multipart: `file`,
 * `dryRun`): .xlsx or CSV in UTF-8/Big5 with 教師代號 and 學號 or 班級. A dry run only reports;
 * otherwise all of it is added, or nothing when any row has an issue.
 */
export const adviseesImport = authedProcedure(['counseling-staff', 'admin'])
  .input(adviseesImportInput)
  .mutation(async ({ ctx, input }): Promise<AdviseeImportReport> => {
    const bytes = await readUpload(assertFile(input.file), ADVISEE_LIST_LIMITS.maxBytes, adviseeListTooLarge);
    return importAdviseeList(ctx, bytes, !input.dryRun);
  });
