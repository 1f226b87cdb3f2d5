import { z } from 'zod';

/**
 * A tRPC input for multipart form data: the FormData is flattened (a file stays a File, an
 * empty file input becomes undefined) and then validated with `shape`, like any JSON input.
 */
export function formDataInput<S extends z.ZodRawShape>(shape: S) {
  const fields = z.object(shape);
  const input = z
    .instanceof(FormData)
    .transform((form) => {
      const out: Record<string, unknown> = {};
      for (const [key, value] of form.entries()) {
        if (typeof value !== 'string' && value.size === 0 && !value.name) continue;
        out[key] = value;
      }
      return out;
    })
    .pipe(fields);
  formDataFields.set(input, fields);
  return input;
}

const formDataFields = new WeakMap<object, z.ZodObject>();

/** The fields of an input built with formDataInput (for the OpenAPI document), else undefined. */
export function formDataFieldsOf(input: unknown): z.ZodObject | undefined {
  return typeof input === 'object' && input !== null ? formDataFields.get(input) : undefined;
}

/** A file part of a form (browsers send an unnamed empty part for an untouched file input). */
export const formFile = z
  .instanceof(File)
  .optional()
  .transform((f) => (f && f.size === 0 && !f.name ? undefined : f))
  .meta({ type: 'string', format: 'binary', contentMediaType: 'application/octet-stream', description: 'a file part' });
