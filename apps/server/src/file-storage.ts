import path from 'node:path';
import { createFileStorage, describeStorage, storageFault, type SweepableStorage, type TempSweep } from '@licheng/server';
import type { CommonSettings } from './settings.ts';

/** The data folder's files/: the local store's objects and temp files, or the S3 store's temp files. */
export const filesDir = (settings: CommonSettings): string => path.join(settings.dataDir, 'files');

/**
 * The file store the settings describe (LICHENG_STORAGE: the data folder, or an S3-compatible
 * store shared by several server processes). The server, the CLI and the OpenAPI build all make
 * their store here; making one connects to nothing yet.
 */
export function openFileStorage(settings: CommonSettings): SweepableStorage {
  return createFileStorage(settings.storage, filesDir(settings));
}

/** Where the settings keep files, for the start-up line and error messages (never a secret). */
export const storageDescription = (settings: CommonSettings): string => describeStorage(settings.storage, filesDir(settings));

/**
 * Opens the store for serving: the local store's folders made owner-only, temp files of stopped
 * processes removed (on S3 also stale put markers, ADR 0039). An object store that cannot be
 * reached stops the start with a message naming it (the store's own answer is logged above it).
 */
export async function prepareFileStorage(settings: CommonSettings): Promise<{ storage: SweepableStorage; tempSwept: TempSweep }> {
  const storage = openFileStorage(settings);
  await storage.tighten?.();
  const tempSwept = await storage.sweepTemp({ graceMs: settings.sweepGraceMs }).catch((error: unknown) => {
    const fault = storageFault(error);
    if (!fault || settings.storage.kind === 'local') throw error;
    throw new Error(`the file store (${storageDescription(settings)}) cannot be used: ${fault.code}; the line above says why (check LICHENG_S3_ENDPOINT, LICHENG_S3_BUCKET and the key pair)`);
  });
  return { storage, tempSwept };
}
