import { DomainError, type FileSlot } from '@licheng/core';
import type { AuthedContext, RecordRow } from '@licheng/server';

/** The audit action a resubmission of an outcome writes; its latest entry is the outcome's submission time. */
export const OUTCOME_RESUBMIT_ACTION = 'outcome.resubmit';

/**
 * A resubmission must change something: a different summary, or a file whose bytes differ from
 * the one in its slot. Throws 'resubmit-unchanged' otherwise.
 */
export async function assertResubmissionChanges(
  ctx: AuthedContext,
  record: RecordRow,
  summary: string,
  files: ReadonlyArray<{ slot: FileSlot; sha256: string }>,
): Promise<void> {
  if (summary !== record.summary) return;
  const current: Record<FileSlot, string | null> = { document: record.document_file_id, media: record.media_file_id };
  for (const file of files) {
    const id = current[file.slot];
    if (!id) return;
    const stored = await ctx.db.selectFrom('stored_files').select('sha256').where('id', '=', id).executeTakeFirst();
    if (stored?.sha256 !== file.sha256) return;
  }
  throw new DomainError('resubmit-unchanged', {});
}
