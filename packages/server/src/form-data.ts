import { z } from 'zod';

/**
 * A tRPC input for multipart form data: the FormData is flattened (a file stays a File, an
 * empty file input becomes undefined) and then validated with `shape`, like any JSON input.
 */
export function formDataInput<S extends z.ZodRawShape>(shape: S) {
  return z
    .instanceof(FormData)
    .transform((form) => {
      const out: Record<string, unknown> = {};
      for (const [key, value] of form.entries()) {
        if (typeof value !== 'string' && value.size === 0 && !value.name) continue;
        out[key] = value;
      }
      return out;
    })
    .pipe(z.object(shape));
}

/** A file part of a form (browsers send an unnamed empty part for an untouched file input). */
export const formFile = z
  .instanceof(File)
  .optional()
  .transform((f) => (f && f.size === 0 && !f.name ? undefined : f));
