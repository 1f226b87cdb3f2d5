import { DomainError } from '@licheng/core';
import { authedProcedure, formDataInput, formFile, readUpload } from '@licheng/server';
import { z } from 'zod';
import { importCertificateList } from '../certificate-import.ts';
import { listTooLarge, MAX_LIST_BYTES } from '../table-file.ts';

export const certificatesImportInput = formDataInput({
  file: formFile,
  dryRun: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
});

/**
 * practicum.certificates.import — imports the skill-test centre's list of students who passed
 * (技能檢定合格名單; .xlsx or CSV in UTF-8/Big5, multipart). With any issue nothing is written
 * and every issue comes back by row; a dry run only checks.
 */
export const certificatesImport = authedProcedure(['practicum-staff'])
  .input(certificatesImportInput)
  .mutation(async ({ ctx, input }) => {
    if (!input.file) throw new DomainError('file-missing', {});
    const bytes = await readUpload(input.file, MAX_LIST_BYTES, listTooLarge);
    return importCertificateList(ctx, bytes, input.dryRun);
  });
