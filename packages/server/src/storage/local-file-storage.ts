import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { FileStorage, PutResult } from './file-storage.ts';

const HEAD_BYTES = 16;

/** Local-disk storage: temp file + fsync + atomic rename into objects/ab/cd/<sha256>. */
export class LocalFileStorage implements FileStorage {
  constructor(readonly root: string) {}

  private objectPath(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`not a sha256: ${sha256}`);
    return path.join(this.root, 'objects', sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async put(body: ReadableStream<Uint8Array>, options: { maxBytes: number; tooLarge: () => Error }): Promise<PutResult> {
    const tmpDir = path.join(this.root, 'tmp');
    await fs.mkdir(tmpDir, { recursive: true });
    const tmp = path.join(tmpDir, randomUUID());
    const hash = createHash('sha256');
    const head = new Uint8Array(HEAD_BYTES);
    let size = 0;
    const out = createWriteStream(tmp, { flags: 'wx' });
    const closed = new Promise<void>((resolve, reject) => {
      out.on('close', resolve);
      out.on('error', reject);
    });
    try {
      const reader = body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        if (size < HEAD_BYTES) head.set(value.subarray(0, HEAD_BYTES - size), size);
        size += value.byteLength;
        if (size > options.maxBytes) {
          await reader.cancel();
          throw options.tooLarge();
        }
        hash.update(value);
        if (!out.write(value)) await new Promise<void>((r) => out.once('drain', () => r()));
      }
      await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
      await closed;
      const handle = await fs.open(tmp, 'r');
      await handle.sync();
      await handle.close();
      const sha256 = hash.digest('hex');
      const target = this.objectPath(sha256);
      await fs.mkdir(path.dirname(target), { recursive: true });
      const created = !(await this.exists(sha256));
      await fs.rename(tmp, target);
      return { sha256, size, head: head.slice(0, Math.min(size, HEAD_BYTES)), created };
    } catch (error) {
      out.destroy();
      // The stream opens its file asynchronously: wait until it is closed, or the file may be
      // created after it was removed (seen under load).
      await closed.catch(() => undefined);
      await fs.rm(tmp, { force: true });
      throw error;
    }
  }

  async open(sha256: string): Promise<ReadableStream<Uint8Array>> {
    const file = this.objectPath(sha256);
    await fs.access(file);
    return Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>;
  }

  async exists(sha256: string): Promise<boolean> {
    return fs.access(this.objectPath(sha256)).then(
      () => true,
      () => false,
    );
  }

  async remove(sha256: string): Promise<void> {
    await fs.rm(this.objectPath(sha256), { force: true });
  }

  async *list(): AsyncIterable<string> {
    const objects = path.join(this.root, 'objects');
    const entries = await fs.readdir(objects, { recursive: true, withFileTypes: true }).catch(() => []);
    for (const e of entries) if (e.isFile() && /^[0-9a-f]{64}$/.test(e.name)) yield e.name;
  }

  /** Leftover temp files from a crash mid-write; safe to remove at start-up. */
  async clearTemp(): Promise<void> {
    await fs.rm(path.join(this.root, 'tmp'), { recursive: true, force: true });
  }
}
