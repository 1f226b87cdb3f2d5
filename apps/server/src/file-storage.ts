import path from 'node:path';
import { createFileStorage, describeStorage, type SweepableStorage } from '@licheng/server';
import type { Settings } from './settings.ts';

/** The data folder's files/: the local store's objects and temp files, or the S3 store's temp files. */
export const filesDir = (settings: Settings): string => path.join(settings.dataDir, 'files');

/**
 * The file store the settings describe (LICHENG_STORAGE: the data folder, or an S3-compatible
 * store shared by several server processes). The server, the CLI and the OpenAPI build all make
 * their store here; making one connects to nothing yet.
 */
export function openFileStorage(settings: Settings): SweepableStorage {
  return createFileStorage(settings.storage, filesDir(settings));
}

/** Where the settings keep files, for the start-up line and error messages (never a secret). */
export const storageDescription = (settings: Settings): string => describeStorage(settings.storage, filesDir(settings));
