import { cleanFileName, DomainError, FIRST_PLAN_YEAR } from '@licheng/core';
import { formDataInput, formFile, readUpload, type AuthedContext } from '@licheng/server';
import { z } from 'zod';
import { PLAN_TABLE_LIMITS, planTooLarge } from '../plan-file.ts';
import { checkPlanFile } from '../plan-import.ts';

/** The multipart input of plan.preview and plan.commit: 實施學年度 and the plan file (JSON, .xlsx or CSV). */
export const planUploadInput = formDataInput({
  planYear: z.coerce.number().int().min(FIRST_PLAN_YEAR).max(999),
  file: formFile,
});

export type PlanUpload = z.infer<typeof planUploadInput>;

/** Reads the upload within the plan's size limit and checks every row. */
export async function checkUpload(ctx: AuthedContext, input: PlanUpload) {
  if (!input.file) throw new DomainError('file-missing', {});
  const bytes = await readUpload(input.file, PLAN_TABLE_LIMITS.maxBytes, planTooLarge);
  const sourceName = cleanFileName(input.file.name, `course-plan-${input.planYear}.json`);
  return { sourceName, check: await checkPlanFile(ctx, input.planYear, bytes, sourceName) };
}
