import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeFileStorageContract, streamOf } from './file-storage-contract.ts';
import { LocalFileStorage } from './local-file-storage.ts';

const tooLarge = () => new Error('too large');

describe('LocalFileStorage', () => {
  let root: string;
  let storage: LocalFileStorage;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'licheng-files-'));
    storage = new LocalFileStorage(root);
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('writes temp files in a folder of its own process, tmp/<pid>-<random>-<host>', async () => {
    const other = new LocalFileStorage(root);
    await storage.put(streamOf(new Uint8Array([1])), { maxBytes: 10, tooLarge });
    await other.put(streamOf(new Uint8Array([2])), { maxBytes: 10, tooLarge });
    expect(path.dirname(storage.tempDir)).toBe(path.join(root, 'tmp'));
    expect(path.basename(storage.tempDir)).toMatch(new RegExp(`^${process.pid}-[0-9a-f]{8}-`));
    expect(other.tempDir).not.toBe(storage.tempDir);
  });

  it('keeps objects owner-only: files 0600, folders 0700, whatever the umask', async () => {
    const previous = process.umask(0);
    try {
      const put = await storage.put(streamOf(new Uint8Array([4, 5, 6])), { maxBytes: 10, tooLarge });
      const object = path.join(root, 'objects', put.sha256.slice(0, 2), put.sha256.slice(2, 4), put.sha256);
      expect(fs.statSync(object).mode & 0o777).toBe(0o600);
      for (const dir of [path.join(root, 'objects'), path.dirname(object), path.dirname(path.dirname(object)), path.join(root, 'tmp'), storage.tempDir]) {
        expect([dir, fs.statSync(dir).mode & 0o777]).toEqual([dir, 0o700]);
      }
    } finally {
      process.umask(previous);
    }
  });
});

// Storing, refusing, removing by age and the race with the sweep: the contract every store meets.
describeFileStorageContract('LocalFileStorage', async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'licheng-files-'));
  return { storage: new LocalFileStorage(root), close: async () => fs.rmSync(root, { recursive: true, force: true }) };
});
