import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { testDialects } from '@licheng/db/testing';
import { cannotMount, createTestLicheng, fakeFile, mountSmallFilesystem, openSchedule, seedRoster, users, type SmallFilesystem, type TestLicheng } from '@licheng/server/testing';
import student from './index.ts';

const skipReason = cannotMount();
if (skipReason) console.warn(`storage fault tests skipped: ${skipReason}`);

function form(fields: Record<string, string | File>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  return f;
}

describe.skipIf(skipReason !== null).each(testDialects())('uploads on a full or read-only disk, %s', (dialect) => {
  let t: TestLicheng | undefined;
  let disk: SmallFilesystem | undefined;
  afterEach(async () => {
    await t?.close();
    disk?.remove();
  });

  async function setup() {
    disk = mountSmallFilesystem(2048);
    t = await createTestLicheng({ dialect, plugins: [student], config: { schedule: openSchedule }, filesDir: disk.dir });
    const { courseIds } = await seedRoster(t);
    const token = await t.token(users.chen);
    const uploadAs = async (summary: string, locale = 'zh-TW') => {
      const res = await t!.app.request('/trpc/student.outcomes.upload', {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'accept-language': locale },
        body: form({ courseId: courseIds['國語文']!, summary, document: fakeFile('pdf', 200 * 1024 + summary.length, `${summary}.pdf`) }),
      });
      const body = (await res.json()) as any;
      return { status: res.status, code: body.error?.data?.licheng?.code as string | undefined, message: body.error?.message as string | undefined };
    };
    const counts = async () => ({
      records: (await t!.db.kysely.selectFrom('records' as any).select('id').execute()).length,
      files: (await t!.db.kysely.selectFrom('stored_files' as any).select('id').execute()).length,
    });
    return { uploadAs, counts };
  }

  it('answers a full disk with 507 in zh-TW and English, keeps nothing, and goes on serving', async () => {
    const { uploadAs, counts } = await setup();
    expect((await uploadAs('第一份')).status).toBe(200);
    disk!.fill();

    const full = await uploadAs('磁碟已滿時');
    expect(full).toEqual({ status: 507, code: 'storage-full', message: expect.stringContaining('儲存空間已滿') });
    const fullEn = await uploadAs('disk full', 'en');
    expect(fullEn).toMatchObject({ status: 507, code: 'storage-full', message: expect.stringContaining('storage is full') });
    expect(await counts()).toEqual({ records: 1, files: 1 });
    expect(fs.readdirSync(t!.storage.tempDir)).toEqual([]);

    const list = await t!.query('student.outcomes.list', undefined, users.chen);
    expect(list.status).toBe(200);
    expect(list.data).toHaveLength(1);
    disk!.free();
    expect((await uploadAs('空間釋出後')).status).toBe(200);
    expect(await counts()).toEqual({ records: 2, files: 2 });
  });

  it('answers a read-only disk with 503, keeps nothing, and goes on serving', async () => {
    const { uploadAs, counts } = await setup();
    expect((await uploadAs('第一份')).status).toBe(200);
    disk!.readOnly(true);
    try {
      const refused = await uploadAs('唯讀時');
      expect(refused).toEqual({ status: 503, code: 'storage-unavailable', message: expect.stringContaining('無法寫入') });
      expect(await counts()).toEqual({ records: 1, files: 1 });
      expect((await t!.query('student.outcomes.list', undefined, users.chen)).status).toBe(200);
    } finally {
      disk!.readOnly(false);
    }
    expect(fs.readdirSync(t!.storage.tempDir)).toEqual([]);
    expect((await uploadAs('恢復後')).status).toBe(200);
  });
});
