import { randomUUID } from 'node:crypto';
import fs, { type FileHandle } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FileStorage } from './file-storage.ts';
import { storageFault } from './faults.ts';
import { makePrivateDir, PRIVATE_FILE_MODE } from './private-fs.ts';
import { tempFolderName } from './temp-folders.ts';

/** Where spooled uploads go when the storage has no temp folder of its own. */
const fallbackDir = path.join(os.tmpdir(), `licheng-${tempFolderName()}`);

/**
 * The folder for this process's spooled uploads: the storage's own temp folder when it has one
 * (LocalFileStorage's tmp/<pid>-…, which the temp sweep clears after a crash), else a private
 * folder under the system's temp folder.
 */
export function spoolDir(storage: FileStorage): string {
  return storage.tempDir ?? fallbackDir;
}

/**
 * Streams an upload to a private temp file (0600 in a 0700 folder), counting the bytes that
 * really arrive: past `maxBytes` the stream is cancelled and `tooLarge()` thrown — whatever size
 * the upload declared. Then `use(file, size)` runs with the file's path; the file is removed
 * when it settles, whether it answered or threw (and on a failed write). Memory held: one chunk.
 */
export async function withSpooledUpload<T>(
  body: ReadableStream<Uint8Array>,
  options: { dir: string; maxBytes: number; tooLarge: () => Error },
  use: (file: string, size: number) => Promise<T>,
): Promise<T> {
  const file = path.join(options.dir, `upload-${randomUUID()}`);
  const reader = body.getReader();
  let handle: FileHandle | undefined;
  try {
    let size = 0;
    try {
      await makePrivateDir(options.dir);
      handle = await fs.open(file, 'wx', PRIVATE_FILE_MODE);
      await handle.chmod(PRIVATE_FILE_MODE);
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        size += value.byteLength;
        if (size > options.maxBytes) throw options.tooLarge();
        for (let at = 0; at < value.byteLength; ) at += (await handle.write(value, at)).bytesWritten;
      }
      await handle.close();
      handle = undefined;
    } catch (error) {
      await reader.cancel().catch(() => undefined);
      const fault = storageFault(error);
      throw fault ?? error;
    }
    return await use(file, size);
  } finally {
    await handle?.close().catch(() => undefined);
    await fs.rm(file, { force: true }).catch(() => undefined);
  }
}
