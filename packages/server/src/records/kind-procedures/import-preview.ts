import { DomainError, type RecordKindDefinition } from '@licheng/core';
import { z } from 'zod';
import { formDataInput, formFile } from '../../form-data.ts';
import { readUpload } from '../../storage/read-limited.ts';
import { authedProcedure } from '../../trpc.ts';
import { importKindList, KIND_LIST_LIMITS, kindListTooLarge } from './import.ts';
import type { RecordImportReport } from './types.ts';

export const recordImportInput = formDataInput({ kind: z.string().min(1).max(64), file: formFile });

/** `<office>.records.importPreview` — checks an office's list of one kind (multipart) and reports every row; writes nothing. */
export function recordImportPreviewProcedure(kinds: readonly RecordKindDefinition[]) {
  return authedProcedure()
    .input(recordImportInput)
    .mutation(async ({ ctx, input }): Promise<RecordImportReport> => {
      if (!input.file) throw new DomainError('file-missing', {});
      return importKindList(ctx, kinds, input.kind, await readUpload(input.file, KIND_LIST_LIMITS.maxBytes, kindListTooLarge), false);
    });
}
