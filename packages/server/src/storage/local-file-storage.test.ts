import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeFileStorageContract } from './file-storage-contract.ts';
import { LocalFileStorage } from './local-file-storage.ts';

function streamOf(...chunks: Uint8Array[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(c) {
      for (const chunk of chunks) c.enqueue(chunk);
      c.close();
    },
  });
}
const tooLarge = () => new Error('too large');

describe('LocalFileStorage', () => {
  let root: string;
  let storage: LocalFileStorage;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'licheng-files-'));
    storage = new LocalFileStorage(root);
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('stores by content hash and reads the same bytes back', async () => {
    const bytes = new TextEncoder().encode('%PDF-1.7 學習歷程');
    const put = await storage.put(streamOf(bytes.subarray(0, 3), bytes.subarray(3)), { maxBytes: 1000, tooLarge });
    expect(put.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(put.size).toBe(bytes.byteLength);
    expect(Array.from(put.head)).toEqual(Array.from(bytes.subarray(0, 16)));
    const back = new Uint8Array(await new Response(await storage.open(put.sha256)).arrayBuffer());
    expect(Array.from(back)).toEqual(Array.from(bytes));
    const listed: string[] = [];
    for await (const sha of storage.list()) listed.push(sha);
    expect(listed).toEqual([put.sha256]);
  });

  it('refuses a stream past the limit and leaves no file behind', async () => {
    const chunk = new Uint8Array(600);
    await expect(storage.put(streamOf(chunk, chunk), { maxBytes: 1000, tooLarge })).rejects.toThrow('too large');
    expect(fs.readdirSync(storage.tempDir)).toEqual([]);
    expect(fs.existsSync(path.join(root, 'objects'))).toBe(false);
  });

  it('leaves no temp file when the source stream fails mid-way', async () => {
    const failing = new ReadableStream<Uint8Array>({
      pull(c) {
        c.enqueue(new Uint8Array(10));
        c.error(new Error('connection reset'));
      },
    });
    await expect(storage.put(failing, { maxBytes: 1000, tooLarge })).rejects.toThrow('connection reset');
    expect(fs.readdirSync(storage.tempDir)).toEqual([]);
  });

  it('says whether a put stored new content or found it already there', async () => {
    const first = await storage.put(streamOf(new Uint8Array([7, 7, 7])), { maxBytes: 10, tooLarge });
    const again = await storage.put(streamOf(new Uint8Array([7, 7, 7])), { maxBytes: 10, tooLarge });
    expect([first.created, again.created]).toEqual([true, false]);
    expect(again.sha256).toBe(first.sha256);
  });

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

  it('removes an object only when it was last stored before the cutoff', async () => {
    const put = await storage.put(streamOf(new Uint8Array([1, 2, 3])), { maxBytes: 10, tooLarge });
    expect(await storage.removeIfOlderThan(put.sha256, Date.now() - 60_000)).toBeNull();
    expect(await storage.exists(put.sha256)).toBe(true);
    expect(await storage.removeIfOlderThan(put.sha256, Date.now() + 60_000)).toBe(3);
    expect(await storage.exists(put.sha256)).toBe(false);
    await expect(storage.open(put.sha256)).rejects.toThrow();
    expect(await storage.removeIfOlderThan(put.sha256, Date.now() + 60_000)).toBeNull();
  });

  it('refreshes an object’s age when the same bytes are stored again, so the sweep keeps it', async () => {
    const first = await storage.put(streamOf(new Uint8Array([9, 9])), { maxBytes: 10, tooLarge });
    const object = path.join(root, 'objects', first.sha256.slice(0, 2), first.sha256.slice(2, 4), first.sha256);
    const dayAgo = new Date(Date.now() - 86_400_000);
    fs.utimesSync(object, dayAgo, dayAgo);
    expect(await storage.storedAt(first.sha256)).toBeLessThan(Date.now() - 3_600_000);
    await storage.put(streamOf(new Uint8Array([9, 9])), { maxBytes: 10, tooLarge });
    expect(await storage.storedAt(first.sha256)).toBeGreaterThan(Date.now() - 60_000);
    expect(await storage.removeIfOlderThan(first.sha256, Date.now() - 3_600_000)).toBeNull();
    expect(await storage.exists(first.sha256)).toBe(true);
  });

  it('never loses bytes a put stores while the sweep takes the old copy of the same object', async () => {
    const bytes = new Uint8Array([1, 1, 2, 3, 5, 8, 13]);
    const first = await storage.put(streamOf(bytes), { maxBytes: 100, tooLarge });
    const object = path.join(root, 'objects', first.sha256.slice(0, 2), first.sha256.slice(2, 4), first.sha256);
    for (let round = 0; round < 40; round++) {
      const dayAgo = new Date(Date.now() - 86_400_000);
      if (!fs.existsSync(object)) await storage.put(streamOf(bytes), { maxBytes: 100, tooLarge });
      fs.utimesSync(object, dayAgo, dayAgo);
      // The put answers only once its object is in place: after both, it must still be there.
      await Promise.all([storage.removeIfOlderThan(first.sha256, Date.now() - 3_600_000), storage.put(streamOf(bytes), { maxBytes: 100, tooLarge })]);
      expect(await storage.exists(first.sha256)).toBe(true);
      expect(Array.from(new Uint8Array(await new Response(await storage.open(first.sha256)).arrayBuffer()))).toEqual(Array.from(bytes));
    }
    expect(fs.readdirSync(storage.tempDir)).toEqual([]);
  });
});


describeFileStorageContract('LocalFileStorage', async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'licheng-files-'));
  return { storage: new LocalFileStorage(root), close: async () => fs.rmSync(root, { recursive: true, force: true }) };
});
