import { checkSlotFile, DomainError, FILE_SLOTS, sniffFileType, type FileSlot, type FileType } from '@licheng/core';
import { newId, nowIso } from '@licheng/db';
import type { Kysely } from 'kysely';
import type { AuthedContext } from '../context.ts';
import type { PlatformDatabase } from '../platform/tables.ts';

/** An upload already streamed to storage and checked by content, not yet referenced by a row. */
export interface StagedFile {
  slot: FileSlot;
  sha256: string;
  size: number;
  type: FileType;
  name: string;
}

/**
 * Streams one uploaded file into storage, enforcing the slot's size limit while streaming and
 * its allowed types by the file's first bytes (never its name or declared type). A refused
 * file's object stays until the sweep: the same bytes may be another request's upload.
 */
export async function stageUpload(ctx: AuthedContext, slot: FileSlot, file: File): Promise<StagedFile> {
  const limit = FILE_SLOTS[slot];
  const tooLarge = () => new DomainError('file-too-large', { slot, maxMb: limit.maxBytes / 1024 / 1024 });
  if (file.size > limit.maxBytes) throw tooLarge();
  const put = await ctx.storage.put(file.stream(), { maxBytes: limit.maxBytes, tooLarge });
  const type = sniffFileType(put.head);
  checkSlotFile(slot, type, put.size);
  return { slot, sha256: put.sha256, size: put.size, type: type as FileType, name: file.name.slice(0, 255) || `${slot}.${type}` };
}

/** Inserts the row that makes a staged file part of the school's data (inside the caller's transaction). */
export async function insertStoredFile(trx: Kysely<PlatformDatabase>, ctx: AuthedContext, file: StagedFile): Promise<string> {
  const id = newId();
  await trx
    .insertInto('stored_files')
    .values({
      id,
      school_code: ctx.config.code,
      sha256: file.sha256,
      size: file.size,
      type: file.type,
      original_name: file.name,
      created_by: ctx.identity.userId,
      created_at: nowIso(ctx.now()),
    })
    .execute();
  return id;
}

/** Stages the document and/or media file of a form (a failure leaves objects to the sweep). */
export async function stageFiles(ctx: AuthedContext, parts: { document?: File | undefined; media?: File | undefined }): Promise<StagedFile[]> {
  const staged: StagedFile[] = [];
  if (parts.document) staged.push(await stageUpload(ctx, 'document', parts.document));
  if (parts.media) staged.push(await stageUpload(ctx, 'media', parts.media));
  return staged;
}
