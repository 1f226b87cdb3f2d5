import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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
    expect(fs.readdirSync(path.join(root, 'tmp'))).toEqual([]);
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
    expect(fs.readdirSync(path.join(root, 'tmp'))).toEqual([]);
  });

  it('says whether a put stored new content or found it already there', async () => {
    const first = await storage.put(streamOf(new Uint8Array([7, 7, 7])), { maxBytes: 10, tooLarge });
    const again = await storage.put(streamOf(new Uint8Array([7, 7, 7])), { maxBytes: 10, tooLarge });
    expect([first.created, again.created]).toEqual([true, false]);
    expect(again.sha256).toBe(first.sha256);
  });

  it('removes objects and reports existence', async () => {
    const put = await storage.put(streamOf(new Uint8Array([1, 2, 3])), { maxBytes: 10, tooLarge });
    expect(await storage.exists(put.sha256)).toBe(true);
    await storage.remove(put.sha256);
    expect(await storage.exists(put.sha256)).toBe(false);
    await expect(storage.open(put.sha256)).rejects.toThrow();
  });
});
