import { DomainError, MAX_TRANSFER_PACKAGE_BYTES } from '@licheng/core';
import { authedProcedure, formDataInput, formFile, readUpload } from '@licheng/server';
import { z } from 'zod';
import { REGISTRY_ROLES } from '../roles.ts';
import { importTransferPackage } from '../transfer/transfer-import.ts';
import { readTransferPackage } from '../transfer/transfer-read.ts';

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
 * it whole (zod manifest, version, every file's SHA-256, sizes, zip bomb), and imports its
 * records as read-only copies of the student found by 身分證號 and birth date (or created with
 * `studentNo`). Returns a row per record: imported, or skipped and why. `dryRun` writes nothing.
 */
export const transferImport = authedProcedure(REGISTRY_ROLES)
  .input(transferImportInput)
  .mutation(async ({ ctx, input }) => {
    if (!input.file) throw new DomainError('file-missing', {});
    const bytes = await readUpload(input.file, MAX_TRANSFER_PACKAGE_BYTES, () => new DomainError('transfer-package-too-large', { maxMb: MAX_TRANSFER_PACKAGE_BYTES / 1024 / 1024 }));
    const checked = await readTransferPackage(bytes);
    return importTransferPackage(ctx, checked, { studentNo: input.studentNo, dryRun: input.dryRun });
  });
