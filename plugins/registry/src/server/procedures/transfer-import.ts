import { DomainError } from '@licheng/core';
import { authedProcedure, formDataInput, formFile } from '@licheng/server';
import { z } from 'zod';
import { REGISTRY_ROLES } from '../roles.ts';
import { importTransferUpload } from '../transfer/transfer-upload.ts';

export const transferImportInput = formDataInput({
  file: formFile,
  /** 學號 here, to create the student when none has the package's 身分證號 and birth date. */
  studentNo: z.string().trim().min(1).max(32).optional(),
  dryRun: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
});

/**
 * registry.transfer.import — 轉入: reads another school's transfer package (multipart), checks
 * it whole (zod manifest, version, every file's SHA-256, sizes, zip bomb) in the worker thread
 * from a temp file, and imports its records as read-only copies of the student found by
 * 身分證號 and birth date (or created with `studentNo`). Returns a row per record: imported, or
 * skipped and why. `dryRun` writes nothing. A package larger than a form upload may carry goes
 * to `POST /api/registry/transfer` (the same answer, the body streamed).
 */
export const transferImport = authedProcedure(REGISTRY_ROLES)
  .input(transferImportInput)
  .mutation(async ({ ctx, input }) => {
    if (!input.file) throw new DomainError('file-missing', {});
    return importTransferUpload(ctx, input.file.stream(), { studentNo: input.studentNo, dryRun: input.dryRun });
  });
