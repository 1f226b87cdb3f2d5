import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '@licheng/db/testing';
import { createTestLicheng, type TestLicheng } from '../testing/harness.ts';
import { startS3Server, testS3Store, type TestS3Server } from '../testing/s3-server.ts';
import { streamOf } from './file-storage-contract.ts';
import type { S3FileStorage } from './s3-file-storage.ts';
import { sweepStorage } from './sweep.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);
const tooLarge = () => new Error('too large');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** S3 object times count in whole seconds: stored 2.5 s ago is older than this grace, stored now is not. */
const GRACE_MS = 1_500;

let server: TestS3Server;
beforeAll(async () => {
  server = await startS3Server();
}, 30_000);
afterAll(async () => server?.stop());

describe.each(testDialects())('the sweep on an S3-compatible store on %s', (dialect) => {
  let t: TestLicheng;
  let storage: S3FileStorage;
  afterEach(async () => {
    storage?.destroy();
    await t?.close();
  });

  async function open() {
    t = await createTestLicheng({ dialect, plugins: [] });
    storage = testS3Store(server, { tempRoot: fs.mkdtempSync(path.join(t.filesDir, 's3tmp-')) });
  }
  let rows = 0;
  const reference = (sha256: string, size: number) =>
    t.db.kysely
      .insertInto('stored_files' as any)
      .values({ id: `f${++rows}`, school_code: t.config.code, sha256, size, type: 'pdf', original_name: 'a.pdf', created_by: 'u', created_at: '2025-10-01T00:00:00.000Z' })
      .execute();

  it('keeps referenced objects and those within the grace period, and removes old unreferenced ones', async () => {
    await open();
    const kept = await storage.put(streamOf(utf8('%PDF-1.7 referenced')), { maxBytes: 100, tooLarge });
    const orphan = await storage.put(streamOf(utf8('%PDF-1.7 refused')), { maxBytes: 100, tooLarge });
    await reference(kept.sha256, kept.size);
    await sleep(2_500);
    const fresh = await storage.put(streamOf(utf8('%PDF-1.7 just stored')), { maxBytes: 100, tooLarge });
    const report = await sweepStorage(t.db, storage, { graceMs: GRACE_MS });
    expect(report.objects).toEqual([{ sha256: orphan.sha256, size: orphan.size }]);
    expect(report.scanned).toBe(3);
    expect(await storage.exists(orphan.sha256)).toBe(false);
    expect(await storage.exists(kept.sha256)).toBe(true);
    expect(await storage.exists(fresh.sha256)).toBe(true);
    // Everything unreferenced goes once the grace period is over; the referenced object stays.
    const later = await sweepStorage(t.db, storage, { graceMs: 0, now: Date.now() + 60_000 });
    expect(later.objects.map((o) => o.sha256)).toEqual([fresh.sha256]);
    expect(await storage.exists(kept.sha256)).toBe(true);
  });

  it('never removes an object whose upload runs while the sweep does: each upload’s row finds its bytes', async () => {
    await open();
    // One store (prefix) per round, each holding one old unreferenced object, all aged at once.
    const rounds = Array.from({ length: 21 }, (_, i) => ({
      text: `%PDF-1.7 upload ${i}`,
      store: testS3Store(server, { prefix: `round-${randomBytes(4).toString('hex')}/`, tempRoot: storage.tempDir }),
    }));
    for (const { text, store } of rounds) await store.put(streamOf(utf8(text)), { maxBytes: 100, tooLarge });
    await sleep(2_500);
    // The first round times a sweep alone (it removes its object), so the uploads of the others
    // start at moments spread over a whole sweep and a little past it, however loaded the machine is.
    const [first, ...racing] = rounds;
    const started = Date.now();
    expect((await sweepStorage(t.db, first!.store, { graceMs: GRACE_MS })).objects).toHaveLength(1);
    const sweepMs = Date.now() - started;
    first!.store.destroy();
    let removed = 0;
    for (const [i, { text, store }] of racing.entries()) {
      // An upload of the same bytes writes its row once its put answers (that insert waits
      // while the sweep holds the hash).
      const upload = sleep(((1.5 * i) / racing.length) * sweepMs).then(async () => {
        const put = await store.put(streamOf(utf8(text)), { maxBytes: 100, tooLarge });
        await reference(put.sha256, put.size);
        return put.sha256;
      });
      const [report, sha256] = await Promise.all([sweepStorage(t.db, store, { graceMs: GRACE_MS }), upload]);
      removed += report.objects.length;
      expect([i, await store.exists(sha256)]).toEqual([i, true]);
      store.destroy();
    }
    // The last rounds' uploads came after their sweep had removed the old object, and stored it again.
    expect(removed).toBeGreaterThan(0);
  });
});
