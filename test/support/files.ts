import { createHash } from 'node:crypto';

/** The hex SHA-256 of some bytes (to compare a download with what was sent). */
export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A PDF of `size` bytes, distinct for each `n`. */
export function pdf(n: number, size: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(size);
  bytes.set(new TextEncoder().encode('%PDF-1.7\n'));
  for (let i = 9; i < size; i++) bytes[i] = (i * 13 + n * 5) % 251;
  return bytes;
}

/** A PDF of `size` bytes whose first line names `label`: different labels, different bytes. */
export function labelledPdf(label: string, size: number): Uint8Array<ArrayBuffer> {
  const bytes = pdf(0, size);
  bytes.set(new TextEncoder().encode(`%PDF-1.7\n% ${label}\n`).subarray(0, size));
  return bytes;
}
