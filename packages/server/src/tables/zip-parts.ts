import { Readable } from 'node:stream';
import zlib from 'node:zlib';

/**
 * The parts of a ZIP archive (an .xlsx workbook), found through its central directory and
 * inflated as a stream. Sizes the archive declares are never trusted: only where each part's
 * bytes start and end is read from the directory, and what inflating really produces is counted
 * against a budget shared by every part read.
 */
export interface ZipPart {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  /** What the directory declares the part inflates to: only for refusing early, never trusted. */
  uncompressedSize: number;
  localOffset: number;
}

/** Thrown for anything that is not a ZIP archive this reader can open. */
export class ZipUnreadable extends Error {
  constructor(reason: string) {
    super(`zip: ${reason}`);
  }
}

/** Inflated bytes still allowed; `onExceeded` makes the refusal the caller's own error. */
export interface InflateBudget {
  left: number;
  used: number;
  onExceeded: () => Error;
}

/** Far more entries than any workbook has: a directory this long is refused before it is walked. */
const MAX_ENTRIES = 10_000;
const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX32 = 0xffffffff;

function u64(view: DataView, at: number): number {
  const value = view.getBigUint64(at, true);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new ZipUnreadable('offset too large');
  return Number(value);
}

/** Where the central directory is, as the end records say (not yet checked against the file). */
export interface ZipDirectoryEnd {
  count: number;
  offset: number;
  size: number;
}

/**
 * Finds the end of central directory record in `tail` (the archive's last bytes, `tailStart`
 * being where they start in it). Returns the directory's place, or, for a zip64 archive, the
 * absolute offset of its zip64 end record, which the caller reads (56 bytes) and passes to
 * zip64DirectoryEnd.
 */
export function directoryEnd(tail: Uint8Array, tailStart: number): ZipDirectoryEnd | { zip64Record: number } {
  const view = new DataView(tail.buffer, tail.byteOffset, tail.byteLength);
  const lowest = Math.max(0, tail.byteLength - 65_557);
  let eocd = -1;
  for (let at = tail.byteLength - 22; at >= lowest; at--) {
    if (view.getUint32(at, true) === EOCD) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) throw new ZipUnreadable('no end of central directory');
  const count = view.getUint16(eocd + 10, true);
  const offset = view.getUint32(eocd + 16, true);
  if ((count === 0xffff || offset === MAX32) && eocd >= 20 && view.getUint32(eocd - 20, true) === ZIP64_LOCATOR) {
    return { zip64Record: u64(view, eocd - 12) };
  }
  return { count, offset, size: tailStart + eocd - offset };
}

/** The directory's place from a zip64 end record's 56 bytes. */
export function zip64DirectoryEnd(record: Uint8Array): ZipDirectoryEnd {
  const view = new DataView(record.buffer, record.byteOffset, record.byteLength);
  if (record.byteLength < 56 || view.getUint32(0, true) !== ZIP64_EOCD) throw new ZipUnreadable('bad zip64 directory');
  return { count: u64(view, 32), size: u64(view, 40), offset: u64(view, 48) };
}

/** Every part of the archive by its name (lower-cased, as OOXML part names compare). */
export function zipParts(bytes: Uint8Array): Map<string, ZipPart> {
  let end = directoryEnd(bytes, 0);
  if ('zip64Record' in end) {
    if (end.zip64Record + 56 > bytes.byteLength) throw new ZipUnreadable('bad zip64 directory');
    end = zip64DirectoryEnd(bytes.subarray(end.zip64Record, end.zip64Record + 56));
  }
  if (end.offset > bytes.byteLength) throw new ZipUnreadable('bad central directory');
  return directoryParts(bytes.subarray(end.offset), end.count);
}

/**
 * The parts a central directory lists: `directory` holds its bytes from its first entry on,
 * `count` the number of entries its end record gives (refused past MAX_ENTRIES unread).
 */
export function directoryParts(directory: Uint8Array, count: number): Map<string, ZipPart> {
  if (count > MAX_ENTRIES) throw new ZipUnreadable('too many entries');
  const view = new DataView(directory.buffer, directory.byteOffset, directory.byteLength);
  const parts = new Map<string, ZipPart>();
  const names = new TextDecoder('utf-8');
  let offset = 0;
  for (let i = 0; i < count; i++) {
    if (offset + 46 > directory.byteLength || view.getUint32(offset, true) !== CENTRAL) throw new ZipUnreadable('bad central directory');
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    const end = offset + 46 + nameLength + extraLength + commentLength;
    if (end > directory.byteLength) throw new ZipUnreadable('bad central directory');
    const name = names.decode(directory.subarray(offset + 46, offset + 46 + nameLength));
    let compressedSize = view.getUint32(offset + 20, true);
    let uncompressedSize = view.getUint32(offset + 24, true);
    let localOffset = view.getUint32(offset + 42, true);
    if (compressedSize === MAX32 || uncompressedSize === MAX32 || localOffset === MAX32) {
      const zip64 = zip64Fields(view, offset + 46 + nameLength, extraLength);
      if (uncompressedSize === MAX32) uncompressedSize = zip64.shift() ?? uncompressedSize;
      if (compressedSize === MAX32) compressedSize = zip64.shift() ?? compressedSize;
      if (localOffset === MAX32) localOffset = zip64.shift() ?? localOffset;
    }
    parts.set(name.toLowerCase(), { name, flags: view.getUint16(offset + 8, true), method: view.getUint16(offset + 10, true), compressedSize, uncompressedSize, localOffset });
    offset = end;
  }
  return parts;
}

/** The 64-bit values of a zip64 extra field, in their order (uncompressed, compressed size, offset: those the entry marks). */
function zip64Fields(view: DataView, start: number, length: number): number[] {
  for (let at = start; at + 4 <= start + length; ) {
    const id = view.getUint16(at, true);
    const size = view.getUint16(at + 2, true);
    if (id === 0x0001) {
      const values: number[] = [];
      for (let v = at + 4; v + 8 <= at + 4 + size; v += 8) values.push(u64(view, v));
      return values;
    }
    at += 4 + size;
  }
  return [];
}

const SLICE = 64 * 1024;

function* slices(bytes: Uint8Array): Generator<Uint8Array> {
  for (let at = 0; at < bytes.byteLength; at += SLICE) yield bytes.subarray(at, Math.min(at + SLICE, bytes.byteLength));
}

/**
 * The inflated bytes of one part, chunk by chunk (at most 64 KiB each). Every chunk is counted
 * against `budget` before it is handed on; past the budget the inflater is stopped and
 * `budget.onExceeded()` is thrown, so no more than one chunk beyond the limit is ever produced.
 */
export async function* inflatePart(bytes: Uint8Array, part: ZipPart, budget: InflateBudget): AsyncGenerator<Uint8Array> {
  if (part.flags & 0x1) throw new ZipUnreadable('encrypted entry');
  const at = part.localOffset;
  if (at + 30 > bytes.byteLength) throw new ZipUnreadable('bad local header');
  const start = at + localHeaderLength(bytes.subarray(at, at + 30));
  const end = start + part.compressedSize;
  if (end > bytes.byteLength) throw new ZipUnreadable('entry past the end of the file');
  yield* inflateSlices(slices(bytes.subarray(start, end)), part, budget);
}

/** The length of a local header (30 bytes, then its name and extra field) from its first 30 bytes. */
export function localHeaderLength(header: Uint8Array): number {
  const view = new DataView(header.buffer, header.byteOffset, header.byteLength);
  if (header.byteLength < 30 || view.getUint32(0, true) !== LOCAL) throw new ZipUnreadable('bad local header');
  return 30 + view.getUint16(26, true) + view.getUint16(28, true);
}

/**
 * Inflates a part's compressed bytes, given as slices (from memory or read from a file), with
 * the budget counted as inflatePart counts it.
 */
export async function* inflateSlices(data: Iterable<Uint8Array> | AsyncIterable<Uint8Array>, part: ZipPart, budget: InflateBudget): AsyncGenerator<Uint8Array> {
  if (part.flags & 0x1) throw new ZipUnreadable('encrypted entry');
  const take = (chunk: Uint8Array) => {
    budget.used += chunk.byteLength;
    budget.left -= chunk.byteLength;
    if (budget.left < 0) throw budget.onExceeded();
    return chunk;
  };
  if (part.method === 0) {
    for await (const chunk of data) yield take(chunk);
    return;
  }
  if (part.method !== 8) throw new ZipUnreadable(`compression method ${part.method}`);
  const inflater = zlib.createInflateRaw({ chunkSize: SLICE });
  const source = Readable.from(data, { objectMode: false });
  source.on('error', (error) => inflater.destroy(error));
  source.pipe(inflater);
  try {
    for await (const chunk of inflater) yield take(chunk as Buffer);
  } catch (error) {
    if (error instanceof Error && 'code' in error && String((error as { code: unknown }).code).startsWith('Z_')) throw new ZipUnreadable(error.message);
    throw error;
  } finally {
    source.destroy();
    inflater.destroy();
  }
}
