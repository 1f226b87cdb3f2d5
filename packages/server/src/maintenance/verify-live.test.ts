import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDialects } from '@licheng/db/testing';
import { createTestLicheng, type TestLicheng, type TestUser } from '../testing/index.ts';
import { filer } from './test-support.ts';
import { verifyLive } from './verify-live.ts';

const staff: TestUser = { userId: 'r-staff', name: '註冊組長', roles: ['registry-staff'] };
const objectPath = (t: TestLicheng, sha: string) => path.join(t.filesDir, 'objects', sha.slice(0, 2), sha.slice(2, 4), sha);

describe.each(testDialects())('verify (fsck of the live data) on %s', (dialect) => {
  let t: TestLicheng;
  beforeEach(async () => {
    t = await createTestLicheng({ dialect, plugins: [filer] });
  });
  afterEach(async () => t?.close());

  async function store(text: string) {
    const res = await t.mutate('filer-office.store', { text }, staff);
    expect(res.error).toBeNull();
    return res.data as { id: string; sha256: string };
  }

  it('finds nothing wrong with intact data', async () => {
    await store('一');
    await store('二');
    expect(await verifyLive({ db: t.db, storage: t.storage })).toEqual({ referenced: 2, objects: 2, issues: [] });
  });

  it('names a missing object with the rows that reference it, a damaged one, and an unreferenced one', async () => {
    const gone = await store('遺失的檔案');
    const damaged = await store('損壞的檔案');
    await store('完好的檔案');
    fs.rmSync(objectPath(t, gone.sha256));
    fs.appendFileSync(objectPath(t, damaged.sha256), 'x');
    const stray = await t.storage.put(new Blob(['%PDF-1.7\n沒有人引用']).stream(), { maxBytes: 1000, tooLarge: () => new Error('too large') });

    const check = await verifyLive({ db: t.db, storage: t.storage });
    expect(check.referenced).toBe(3);
    expect(check.objects).toBe(3);
    expect(check.issues).toEqual(
      expect.arrayContaining([
        { problem: 'missing', sha256: gone.sha256, rows: [`stored_files ${gone.id} 遺失的檔案.pdf`] },
        { problem: 'hash-mismatch', sha256: damaged.sha256, rows: [`stored_files ${damaged.id} 損壞的檔案.pdf`] },
        { problem: 'unreferenced', sha256: stray.sha256, rows: [] },
      ]),
    );
    expect(check.issues).toHaveLength(3);
  });
});
