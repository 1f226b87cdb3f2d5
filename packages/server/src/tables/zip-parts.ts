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

/** Every part of the archive by its name (lower-cased, as OOXML part names compare). */
export function zipParts(bytes: Uint8Array): Map<string, ZipPart> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const lowest = Math.max(0, bytes.byteLength - 65_557);
  let eocd = -1;
  for (let at = bytes.byteLength - 22; at >= lowest; at--) {
    if (view.getUint32(at, true) === EOCD) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) throw new ZipUnreadable('no end of central directory');
  let count = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  if ((count === 0xffff || offset === MAX32) && eocd >= 20 && view.getUint32(eocd - 20, true) === ZIP64_LOCATOR) {
    const record = u64(view, eocd - 12);
    if (record + 56 > bytes.byteLength || view.getUint32(record, true) !== ZIP64_EOCD) throw new ZipUnreadable('bad zip64 directory');
    count = u64(view, record + 32);
    offset = u64(view, record + 48);
  }
  if (count > MAX_ENTRIES) throw new ZipUnreadable('too many entries');
  const parts = new Map<string, ZipPart>();
  const names = new TextDecoder('utf-8');
  for (let i = 0; i < count; i++) {
    if (offset + 46 > bytes.byteLength || view.getUint32(offset, true) !== CENTRAL) throw new ZipUnreadable('bad central directory');
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    const end = offset + 46 + nameLength + extraLength + commentLength;
    if (end > bytes.byteLength) throw new ZipUnreadable('bad central directory');
    const name = names.decode(bytes.subarray(offset + 46, offset + 46 + nameLength));
    let compressedSize = view.getUint32(offset + 20, true);
    let localOffset = view.getUint32(offset + 42, true);
    if (compressedSize === MAX32 || localOffset === MAX32) {
      const zip64 = zip64Fields(view, offset + 46 + nameLength, extraLength, view.getUint32(offset + 24, true) === MAX32);
      if (compressedSize === MAX32) compressedSize = zip64.shift() ?? compressedSize;
      if (localOffset === MAX32) localOffset = zip64.shift() ?? localOffset;
    }
    parts.set(name.toLowerCase(), { name, flags: view.getUint16(offset + 8, true), method: view.getUint16(offset + 10, true), compressedSize, localOffset });
    offset = end;
  }
  return parts;
}

/** The 64-bit values of a zip64 extra field, after the uncompressed size when that is present. */
function zip64Fields(view: DataView, start: number, length: number, hasUncompressed: boolean): number[] {
  for (let at = start; at + 4 <= start + length; ) {
    const id = view.getUint16(at, true);
    const size = view.getUint16(at + 2, true);
    if (id === 0x0001) {
      const values: number[] = [];
      for (let v = at + 4; v + 8 <= at + 4 + size; v += 8) values.push(u64(view, v));
      return hasUncompressed ? values.slice(1) : values;
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
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = part.localOffset;
  if (at + 30 > bytes.byteLength || view.getUint32(at, true) !== LOCAL) throw new ZipUnreadable('bad local header');
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const end = start + part.compressedSize;
  if (end > bytes.byteLength) throw new ZipUnreadable('entry past the end of the file');
  const data = bytes.subarray(start, end);
  const take = (chunk: Uint8Array) => {
    budget.used += chunk.byteLength;
    budget.left -= chunk.byteLength;
    if (budget.left < 0) throw budget.onExceeded();
    return chunk;
  };
  if (part.method === 0) {
    for (const chunk of slices(data)) yield take(chunk);
    return;
  }
  if (part.method !== 8) throw new ZipUnreadable(`compression method ${part.method}`);
  const inflater = zlib.createInflateRaw({ chunkSize: SLICE });
  const source = Readable.from(slices(data), { objectMode: false });
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
