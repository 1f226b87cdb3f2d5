import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import fs, { type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { PutResult } from './file-storage.ts';
import type { SweepableStorage } from './sweepable-storage.ts';
import { storageFault } from './faults.ts';
import { makePrivateDir, PRIVATE_FILE_MODE, tightenDir, tightenMode } from './private-fs.ts';
import { sweepTempFolders, tempFolderName, type TempSweep } from './temp-folders.ts';

const HEAD_BYTES = 16;
const SHA256 = /^[0-9a-f]{64}$/;

/** An object the sweep took out of objects/ to decide on it without a put slipping in between. */
interface Withdrawn {
  sha256: string;
  file: string;
  size: number;
  mtimeMs: number;
}

/**
 * Local-disk storage: temp file + fsync + atomic rename into objects/ab/cd/<sha256>.
 *
 * Each process writes its temp files in its own folder, tmp/<pid>-<random>-<host>/, so a CLI
 * command and the server on the same data folder never remove each other's uploads in flight.
 * Objects are 0600 and folders 0700 whatever the umask. Nothing here deletes an object on a
 * request's behalf: only the sweep does (removeIfOlderThan), after a grace period.
 */
export class LocalFileStorage implements SweepableStorage {
  /** This process's temp folder (created on first use). */
  readonly tempDir: string;

  constructor(readonly root: string) {
    this.tempDir = path.join(root, 'tmp', tempFolderName());
  }

  private objectPath(sha256: string): string {
    if (!SHA256.test(sha256)) throw new Error(`not a sha256: ${sha256}`);
    return path.join(this.root, 'objects', sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  /**
   * Streams `body` to a temp file and renames it over objects/…/<sha256>. Storing content that
   * is already there replaces the object with the new, identical file, so its age (mtime) is
   * always the last put's: a sweep never takes bytes a request has just stored. A full disk or
   * a refused write rejects with `storage-full` / `storage-unavailable`; on any failure the
   * temp file is gone.
   */
  async put(body: ReadableStream<Uint8Array>, options: { maxBytes: number; tooLarge: () => Error }): Promise<PutResult> {
    const tmp = path.join(this.tempDir, randomUUID());
    const hash = createHash('sha256');
    const head = new Uint8Array(HEAD_BYTES);
    const reader = body.getReader();
    let size = 0;
    let handle: FileHandle | undefined;
    try {
      await makePrivateDir(this.tempDir);
      handle = await fs.open(tmp, 'wx', PRIVATE_FILE_MODE);
      await handle.chmod(PRIVATE_FILE_MODE);
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        if (size < HEAD_BYTES) head.set(value.subarray(0, HEAD_BYTES - size), size);
        size += value.byteLength;
        if (size > options.maxBytes) throw options.tooLarge();
        hash.update(value);
        // Awaited writes: a failing disk rejects here, never as a stray 'error' event.
        for (let at = 0; at < value.byteLength; ) at += (await handle.write(value, at)).bytesWritten;
      }
      await handle.sync();
      await handle.close();
      handle = undefined;
      const sha256 = hash.digest('hex');
      const target = this.objectPath(sha256);
      await makePrivateDir(path.dirname(target));
      const created = !(await this.exists(sha256));
      await fs.rename(tmp, target);
      await syncDir(path.dirname(target));
      return { sha256, size, head: head.slice(0, Math.min(size, HEAD_BYTES)), created };
    } catch (error) {
      await reader.cancel().catch(() => undefined);
      await handle?.close().catch(() => undefined);
      await fs.rm(tmp, { force: true }).catch(() => undefined);
      const fault = storageFault(error);
      if (fault && fault !== error) {
        console.error(`[licheng] storage fault writing an upload (${fault.code}):`, (error as Error).message);
        throw fault;
      }
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

  async *list(): AsyncIterable<string> {
    const objects = path.join(this.root, 'objects');
    const entries = await fs.readdir(objects, { recursive: true, withFileTypes: true }).catch(() => []);
    for (const e of entries) if (e.isFile() && SHA256.test(e.name)) yield e.name;
  }

  /** When the object was last stored (ms since the epoch), or null when it does not exist. */
  async storedAt(sha256: string): Promise<number | null> {
    const stat = await fs.stat(this.objectPath(sha256)).catch(() => null);
    return stat ? stat.mtimeMs : null;
  }

  /**
   * Removes the object when it was last stored before `cutoffMs`; returns its size, or null
   * when it was kept. The object is first moved out of objects/ (atomically) and its age read
   * from what was moved: a put of the same bytes in between leaves a fresh object behind (or
   * was the one moved, and is put back). Only the sweep calls this, inside a transaction
   * where no row references the object.
   */
  async removeIfOlderThan(sha256: string, cutoffMs: number): Promise<number | null> {
    const withdrawn = await this.withdraw(sha256);
    if (!withdrawn) return null;
    if (withdrawn.mtimeMs >= cutoffMs) {
      await this.putBack(withdrawn);
      return null;
    }
    await fs.rm(withdrawn.file, { force: true });
    return withdrawn.size;
  }

  private async withdraw(sha256: string): Promise<Withdrawn | null> {
    await makePrivateDir(this.tempDir);
    const file = path.join(this.tempDir, `sweep-${sha256}-${randomBytes(4).toString('hex')}`);
    try {
      await fs.rename(this.objectPath(sha256), file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    const stat = await fs.stat(file);
    return { sha256, file, size: stat.size, mtimeMs: stat.mtimeMs };
  }

  /** Links a withdrawn object back; when a put stored the same bytes meanwhile, that one stays. */
  private async putBack(withdrawn: Withdrawn): Promise<void> {
    await fs.link(withdrawn.file, this.objectPath(withdrawn.sha256)).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    });
    await fs.rm(withdrawn.file, { force: true });
  }

  /**
   * Removes what dead processes left in tmp/ (their whole folder) and temp files nobody has
   * written to for a day; never another live process's uploads in flight, never this one's.
   */
  async sweepTemp(options: { graceMs: number; now?: number }): Promise<TempSweep> {
    return sweepTempFolders(path.join(this.root, 'tmp'), path.basename(this.tempDir), options);
  }

  /** Makes the store's folders owner-only (they may predate this version); run at start-up. */
  async tighten(): Promise<void> {
    await makePrivateDir(path.join(this.root, 'objects'));
    await makePrivateDir(path.join(this.root, 'tmp'));
    for (const dir of [this.root, path.join(this.root, 'objects'), path.join(this.root, 'tmp')]) await tightenDir(dir);
  }

  /** Makes the objects/ab/ and objects/ab/cd/ folders owner-only (older versions made them 0755). */
  async tightenObjectFolders(): Promise<void> {
    const objects = path.join(this.root, 'objects');
    for (const first of await fs.readdir(objects, { withFileTypes: true }).catch(() => [])) {
      if (!first.isDirectory()) continue;
      await tightenDir(path.join(objects, first.name));
      for (const second of await fs.readdir(path.join(objects, first.name), { withFileTypes: true })) {
        if (second.isDirectory()) await tightenDir(path.join(objects, first.name, second.name));
      }
    }
  }

  /** An object's file mode made owner-only when it is looser (files stored by older versions; another account's is left). */
  async tightenObject(sha256: string): Promise<boolean> {
    return tightenMode(this.objectPath(sha256), PRIVATE_FILE_MODE);
  }
}

/** Makes a rename in `dir` durable (a directory fsync; not every platform allows one). */
async function syncDir(dir: string): Promise<void> {
  const handle = await fs.open(dir, 'r').catch(() => null);
  if (!handle) return;
  await handle.sync().catch(() => undefined);
  await handle.close().catch(() => undefined);
}

