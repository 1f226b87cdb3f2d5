import { DomainError, type RecordKindDefinition } from '@licheng/core';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { AuthedContext } from '../../context.ts';
import { formFile } from '../../form-data.ts';
import type { PlatformDatabase, RecordRow } from '../../platform/tables.ts';
import { insertStoredFile, stageFiles, type StagedFile } from '../files.ts';

/**
 * The parts a kind with files adds to enter and correct: a document and a media file (the
 * outcome's limits and content checks) and the external video link. A multipart request sends
 * them as file parts; a JSON request has none (and may carry the link as `data.videoUrl`).
 */
export const recordFileParts = {
  document: formFile,
  media: formFile,
  videoUrl: z.string().max(2000).optional(),
};

/** The form parts that are numbers in the JSON shape (a form sends text). */
const NUMBER_PARTS = new Set(['academicYear', 'semester', 'version']);

/** A multipart form as the JSON shape: `data` read from its JSON text, numbers as numbers, untouched file inputs left out. */
function fromForm(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of form.entries()) {
    if (typeof value !== 'string') {
      if (value.size === 0 && !value.name) continue;
      out[key] = value;
    } else if (key === 'data') {
      out[key] = readJson(value);
    } else out[key] = NUMBER_PARTS.has(key) && /^\d{1,9}$/.test(value) ? Number(value) : value;
  }
  return out;
}

/** The `data` part's JSON (its text when it is not JSON, so the schema reports it). */
function readJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * An input taken either as JSON (`shape` as it is) or as multipart form data with the same
 * fields, `data` as JSON text and the files as parts — the same checks and error codes either
 * way. The OpenAPI document shows the JSON shape.
 */
export function jsonOrForm<S extends z.ZodObject>(shape: S) {
  const documented = z.toJSONSchema(shape, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  const { $schema: _schema, ...schema } = documented;
  return z
    .unknown()
    .transform((raw) => (raw instanceof FormData ? fromForm(raw) : raw))
    .pipe(shape)
    .meta({ ...schema, description: 'JSON, or multipart/form-data with the same fields (`data` as JSON text) and the files `document` and `media`' });
}

/** The files of a request, staged (checked by content, within the slot limits); 'record-kind-no-files' for a kind without files. */
export async function stageKindFiles(ctx: AuthedContext, kind: RecordKindDefinition, parts: { document?: File | undefined; media?: File | undefined }): Promise<StagedFile[]> {
  if (!parts.document && !parts.media) return [];
  if (!kind.files) throw new DomainError('record-kind-no-files', { kind: kind.label['zh-TW'] });
  return stageFiles(ctx, parts);
}

/**
 * The file columns a correction changes: a staged file replaces its slot's file (a new
 * stored_files row inside the transaction); a slot without one keeps its file. The replaced
 * object is never deleted here: the sweep removes what nothing references (ADR 0010).
 */
export async function replacedFiles(trx: Kysely<PlatformDatabase>, ctx: AuthedContext, staged: readonly StagedFile[]): Promise<Partial<Pick<RecordRow, 'document_file_id' | 'media_file_id'>>> {
  const columns: Partial<Pick<RecordRow, 'document_file_id' | 'media_file_id'>> = {};
  for (const file of staged) {
    const id = await insertStoredFile(trx, ctx, file);
    if (file.slot === 'document') columns.document_file_id = id;
    if (file.slot === 'media') columns.media_file_id = id;
  }
  return columns;
}

/** The data with the link a request gives (a form part wins over `data.videoUrl`; blank clears it). */
export function withVideoUrl(data: Readonly<Record<string, unknown>>, videoUrl: string | undefined): Record<string, unknown> {
  return videoUrl === undefined ? { ...data } : { ...data, videoUrl };
}
