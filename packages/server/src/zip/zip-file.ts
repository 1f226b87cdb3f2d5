import fs, { type FileHandle } from 'node:fs/promises';
import { directoryEnd, directoryParts, inflateSlices, localHeaderLength, zip64DirectoryEnd, ZipUnreadable, type InflateBudget, type ZipPart } from '../tables/zip-parts.ts';

/** A central directory longer than this is refused before it is read (5,000 entries take ~0.6 MB). */
export const MAX_ZIP_DIRECTORY_BYTES = 32 * 1024 * 1024;
const SLICE = 64 * 1024;

/**
 * A ZIP archive on disk, read by random access: the end record and the central directory are
 * read (the directory bounded by MAX_ZIP_DIRECTORY_BYTES), and each part's bytes are read in
 * 64 KiB slices and inflated as a stream, counted against a budget like inflatePart. Memory
 * held is the directory and one slice, whatever the archive's size.
 */
export interface ZipFile {
  /** The archive's size in bytes. */
  size: number;
  /** Every part by its lower-cased name. */
  parts: Map<string, ZipPart>;
  /** The part's inflated bytes, chunk by chunk (at most 64 KiB each). */
  read(part: ZipPart, budget: InflateBudget): AsyncGenerator<Uint8Array>;
  /** The archive's raw bytes from the start, in 64 KiB slices (to hash the whole file). */
  raw(): AsyncGenerator<Uint8Array>;
  close(): Promise<void>;
}

async function readAt(handle: FileHandle, at: number, length: number): Promise<Uint8Array> {
  const out = Buffer.alloc(length);
  for (let done = 0; done < length; ) {
    const { bytesRead } = await handle.read(out, done, length - done, at + done);
    if (bytesRead === 0) throw new ZipUnreadable('entry past the end of the file');
    done += bytesRead;
  }
  return out;
}

async function* slicesOf(handle: FileHandle, start: number, end: number): AsyncGenerator<Uint8Array> {
  for (let at = start; at < end; at += SLICE) yield await readAt(handle, at, Math.min(SLICE, end - at));
}

/** Opens `file` as a ZIP archive; ZipUnreadable when it is not one this reader can open. */
export async function openZipFile(file: string): Promise<ZipFile> {
  const handle = await fs.open(file, 'r');
  try {
    const size = (await handle.stat()).size;
    if (size < 22) throw new ZipUnreadable('no end of central directory');
    const tailStart = Math.max(0, size - 65_557);
    let end = directoryEnd(await readAt(handle, tailStart, size - tailStart), tailStart);
    if ('zip64Record' in end) {
      if (end.zip64Record + 56 > size) throw new ZipUnreadable('bad zip64 directory');
      end = zip64DirectoryEnd(await readAt(handle, end.zip64Record, 56));
    }
    if (end.size < 0 || end.size > MAX_ZIP_DIRECTORY_BYTES || end.offset + end.size > size) throw new ZipUnreadable('bad central directory');
    const parts = directoryParts(await readAt(handle, end.offset, end.size), end.count);
    return {
      size,
      parts,
      async *read(part, budget) {
        if (part.localOffset + 30 > size) throw new ZipUnreadable('bad local header');
        const start = part.localOffset + localHeaderLength(await readAt(handle, part.localOffset, 30));
        if (start + part.compressedSize > size) throw new ZipUnreadable('entry past the end of the file');
        yield* inflateSlices(slicesOf(handle, start, start + part.compressedSize), part, budget);
      },
      raw: () => slicesOf(handle, 0, size),
      close: () => handle.close(),
    };
  } catch (error) {
    await handle.close().catch(() => undefined);
    throw error;
  }
}
