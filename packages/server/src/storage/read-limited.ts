/**
 * Reads a stream into memory, refusing it with `tooLarge()` as soon as it passes `maxBytes`
 * (the stream is cancelled; at most one chunk beyond the limit is ever held). For uploads
 * that must be read whole — a roster spreadsheet, a receipt ZIP — whatever size they claim.
 */
export async function readLimited(stream: ReadableStream<Uint8Array>, maxBytes: number, tooLarge: () => Error): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return joinChunks(chunks, size);
}

/** The chunks as one array of `size` bytes (their total). */
export function joinChunks(chunks: readonly Uint8Array[], size: number): Uint8Array {
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

/** Reads an uploaded file into memory: refused by its declared size first, then while reading. */
export async function readUpload(file: File, maxBytes: number, tooLarge: () => Error): Promise<Uint8Array> {
  if (file.size > maxBytes) throw tooLarge();
  return readLimited(file.stream(), maxBytes, tooLarge);
}
