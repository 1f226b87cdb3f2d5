import { assertConfirmationWindow, cleanFileName, DomainError } from '@licheng/core';
import { authedProcedure, formDataInput, formFile } from '@licheng/server';
import { z } from 'zod';
import { importReceipt } from '../import-receipt.ts';
import { OFFICE_ROLES } from '../roles.ts';
import { MAX_RECEIPT_PASSWORD, readReceiptUpload } from '../receipt-zip.ts';

const isoDate = z.string().trim().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be an ISO date (YYYY-MM-DD)');

export const batchesImportInput = formDataInput({
  file: formFile,
  /** First day of the confirmation window (ISO, Taipei). */
  windowStart: isoDate,
  /** Last day of the confirmation window, included; at least 3 days after counting both ends. */
  windowEnd: isoDate,
  /** The ZIP's password as the central database gave it, when it is encrypted; never stored or logged. */
  password: z.string().max(MAX_RECEIPT_PASSWORD).optional(),
  dryRun: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
});

/**
 * receipt.batches.import — the registry office imports a 收訖明細 ZIP (multipart, with its
 * password when the central database encrypted it) with the
 * confirmation window it announces. Every checksum, roster and student is checked first; with
 * any problem nothing is written and every problem comes back by file and entry. `dryRun`
 * reports without writing. The same ZIP twice is refused.
 */
export const batchesImport = authedProcedure(OFFICE_ROLES)
  .input(batchesImportInput)
  .mutation(async ({ ctx, input }) => {
    const window = { start: input.windowStart, end: input.windowEnd };
    assertConfirmationWindow(window);
    if (!input.file) throw new DomainError('file-missing', {});
    const bytes = await readReceiptUpload(input.file);
    return importReceipt(ctx, bytes, cleanFileName(input.file.name, 'receipt.zip'), window, input.dryRun, input.password);
  });
