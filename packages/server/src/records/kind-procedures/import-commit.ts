import { DomainError, type RecordKindDefinition } from '@licheng/core';
import { readUpload } from '../../storage/read-limited.ts';
import { authedProcedure } from '../../trpc.ts';
import { importKindList, KIND_LIST_LIMITS, kindListTooLarge } from './import.ts';
import { recordImportInput } from './import-preview.ts';
import type { RecordImportReport } from './types.ts';

/** `<office>.records.importCommit` — enters the whole list in one transaction, or nothing when any row has an issue. */
export function recordImportCommitProcedure(kinds: readonly RecordKindDefinition[]) {
  return authedProcedure()
    .input(recordImportInput)
    .mutation(async ({ ctx, input }): Promise<RecordImportReport> => {
      if (!input.file) throw new DomainError('file-missing', {});
      return importKindList(ctx, kinds, input.kind, await readUpload(input.file, KIND_LIST_LIMITS.maxBytes, kindListTooLarge), true);
    });
}
