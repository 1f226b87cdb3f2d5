import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { PRIVATE_FILE_MODE } from '../storage/private-fs.ts';

export interface Hashed {
  size: number;
  sha256: string;
}

/** A pass-through that hashes and counts what flows through it. */
export function hashingStream(): { stream: Transform; result: () => Hashed } {
  const hash = createHash('sha256');
  let size = 0;
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      size += chunk.length;
      callback(null, chunk);
    },
  });
  return { stream, result: () => ({ size, sha256: hash.digest('hex') }) };
}

/**
 * Writes `source` (through `through`, e.g. gzip) to a new file of mode 0600, hashing the bytes
 * written, and flushes it to disk. Refuses to overwrite an existing file.
 */
export async function writePrivateFile(file: string, source: Readable, ...through: Transform[]): Promise<Hashed> {
  const hashing = hashingStream();
  await pipeline([source, ...through, hashing.stream, createWriteStream(file, { flags: 'wx', mode: PRIVATE_FILE_MODE })]);
  await fs.chmod(file, PRIVATE_FILE_MODE);
  await syncPath(file);
  return hashing.result();
}

/** SHA-256 and size of a file's bytes, read as a stream. */
export async function hashFile(file: string): Promise<Hashed> {
  const handle = await fs.open(file, 'r');
  try {
    const hashing = hashingStream();
    await pipeline(handle.createReadStream(), hashing.stream, async function* (chunks: AsyncIterable<Buffer>) {
      for await (const _ of chunks);
    });
    return hashing.result();
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/** fsync a file or a folder (so a rename or a new entry in it survives a crash). */
export async function syncPath(target: string): Promise<void> {
  const handle = await fs.open(target, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Every file below `dir`, as paths relative to it with forward slashes. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
}
