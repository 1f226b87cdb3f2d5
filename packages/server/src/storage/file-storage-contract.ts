import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SweepableStorage } from './sweepable-storage.ts';

/** A store under test and how to throw it away. */
export interface ContractStore {
  storage: SweepableStorage;
  close(): Promise<void>;
}

export function streamOf(...chunks: Uint8Array[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(c) {
      for (const chunk of chunks) c.enqueue(chunk);
      c.close();
    },
  });
}
const tooLarge = () => new Error('too large');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Object times of S3 stores count in whole seconds: a cutoff this far back is after anything stored 2.5 s ago, before anything stored now. */
const SECOND_SLACK_MS = 1_500;

async function listed(storage: SweepableStorage): Promise<string[]> {
  const found: string[] = [];
  for await (const sha of storage.list()) found.push(sha);
  return found.sort();
}

async function bytesOf(storage: SweepableStorage, sha256: string): Promise<number[]> {
  return Array.from(new Uint8Array(await new Response(await storage.open(sha256)).arrayBuffer()));
}

const tempFiles = (storage: SweepableStorage) => (fs.existsSync(storage.tempDir) ? fs.readdirSync(storage.tempDir) : []);

/**
 * What every FileStorage the sweep works on must do, the same on local disk and on an S3-compatible
 * store: content addressing and dedupe, the upload limit leaving nothing, open/exists/list, and a
 * removal that only takes old objects and never one a concurrent put has just stored.
 */
export function describeFileStorageContract(name: string, open: () => Promise<ContractStore>): void {
  describe(`${name} (the FileStorage contract)`, () => {
    let store: ContractStore;
    let storage: SweepableStorage;
    beforeEach(async () => {
      store = await open();
      storage = store.storage;
    });
    afterEach(async () => store?.close());

    it('stores by content hash and reads the same bytes back; open, exists and list agree', async () => {
      const bytes = new TextEncoder().encode('%PDF-1.7 學習歷程');
      const put = await storage.put(streamOf(bytes.subarray(0, 3), bytes.subarray(3)), { maxBytes: 1000, tooLarge });
      expect(put.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
      expect(put.size).toBe(bytes.byteLength);
      expect(Array.from(put.head)).toEqual(Array.from(bytes.subarray(0, 16)));
      expect(await bytesOf(storage, put.sha256)).toEqual(Array.from(bytes));
      expect(await storage.exists(put.sha256)).toBe(true);
      expect(await listed(storage)).toEqual([put.sha256]);
      const missing = 'f'.repeat(64);
      expect(await storage.exists(missing)).toBe(false);
      await expect(storage.open(missing)).rejects.toThrow();
      expect(tempFiles(storage)).toEqual([]);
    });

    it('stores identical bytes once and says whether a put stored new content', async () => {
      const first = await storage.put(streamOf(new Uint8Array([7, 7, 7])), { maxBytes: 10, tooLarge });
      const again = await storage.put(streamOf(new Uint8Array([7, 7, 7])), { maxBytes: 10, tooLarge });
      const other = await storage.put(streamOf(new Uint8Array([8])), { maxBytes: 10, tooLarge });
      expect([first.created, again.created, other.created]).toEqual([true, false, true]);
      expect(again.sha256).toBe(first.sha256);
      expect(await listed(storage)).toEqual([first.sha256, other.sha256].sort());
    });

    it('refuses a stream past the limit and leaves nothing behind', async () => {
      const chunk = new Uint8Array(600);
      await expect(storage.put(streamOf(chunk, chunk), { maxBytes: 1000, tooLarge })).rejects.toThrow('too large');
      expect(tempFiles(storage)).toEqual([]);
      expect(await listed(storage)).toEqual([]);
    });

    it('leaves no temp file when the source stream fails mid-way', async () => {
      const failing = new ReadableStream<Uint8Array>({
        pull(c) {
          c.enqueue(new Uint8Array(10));
          c.error(new Error('connection reset'));
        },
      });
      await expect(storage.put(failing, { maxBytes: 1000, tooLarge })).rejects.toThrow('connection reset');
      expect(tempFiles(storage)).toEqual([]);
      expect(await listed(storage)).toEqual([]);
    });

    it('removes an object only when it was last stored before the cutoff', async () => {
      const put = await storage.put(streamOf(new Uint8Array([1, 2, 3])), { maxBytes: 10, tooLarge });
      expect(await storage.storedAt(put.sha256)).toBeGreaterThan(Date.now() - 60_000);
      expect(await storage.removeIfOlderThan(put.sha256, Date.now() - 60_000)).toBeNull();
      expect(await storage.exists(put.sha256)).toBe(true);
      expect(await storage.removeIfOlderThan(put.sha256, Date.now() + 60_000)).toBe(3);
      expect(await storage.exists(put.sha256)).toBe(false);
      expect(await storage.storedAt(put.sha256)).toBeNull();
      await expect(storage.open(put.sha256)).rejects.toThrow();
      expect(await storage.removeIfOlderThan(put.sha256, Date.now() + 60_000)).toBeNull();
      expect(await listed(storage)).toEqual([]);
    });

    it('refreshes an object’s age when the same bytes are stored again, so the sweep keeps it', async () => {
      const first = await storage.put(streamOf(new Uint8Array([9, 9])), { maxBytes: 10, tooLarge });
      await sleep(2_500);
      const cutoff = Date.now() - SECOND_SLACK_MS;
      expect(await storage.storedAt(first.sha256)).toBeLessThan(cutoff);
      await storage.put(streamOf(new Uint8Array([9, 9])), { maxBytes: 10, tooLarge });
      expect(await storage.storedAt(first.sha256)).toBeGreaterThanOrEqual(cutoff);
      expect(await storage.removeIfOlderThan(first.sha256, cutoff)).toBeNull();
      expect(await storage.exists(first.sha256)).toBe(true);
    });

    it('never loses bytes a put stores while the sweep removes the old copy of the same object', async () => {
      const contents = Array.from({ length: 24 }, (_, i) => new TextEncoder().encode(`%PDF-1.7 race ${i}`));
      const puts = [];
      for (const bytes of contents) puts.push(await storage.put(streamOf(bytes), { maxBytes: 100, tooLarge }));
      await sleep(2_500);
      const cutoff = Date.now() - SECOND_SLACK_MS;
      for (const [i, bytes] of contents.entries()) {
        // The put starts a little after the removal, at a different moment of it each round.
        const put = sleep(i % 8).then(() => storage.put(streamOf(bytes), { maxBytes: 100, tooLarge }));
        await Promise.all([storage.removeIfOlderThan(puts[i]!.sha256, cutoff), put]);
        // The put answered only once its object was in place: after both, it must still be there.
        expect([i, await storage.exists(puts[i]!.sha256)]).toEqual([i, true]);
        expect(await bytesOf(storage, puts[i]!.sha256)).toEqual(Array.from(bytes));
      }
      expect(tempFiles(storage)).toEqual([]);
    });
  });
}
