import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { testDialects } from '@licheng/db/testing';
import { sweepStorage } from '@licheng/server';
import { createTestLicheng, fakeFile, openSchedule, seedRoster, users, type TestLicheng } from '@licheng/server/testing';
import student from './index.ts';

function form(fields: Record<string, string | File>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  return f;
}

function storedObjects(t: TestLicheng): string[] {
  const dir = path.join(t.filesDir, 'objects');
  return fs.existsSync(dir) ? (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => /[0-9a-f]{64}$/.test(f)) : [];
}

describe.each(testDialects())('student.outcomes on %s', (dialect) => {
  let t: TestLicheng;
  afterEach(async () => t?.close());

  async function setup(rules: Record<string, unknown> = {}) {
    t = await createTestLicheng({ dialect, plugins: [student], config: { schedule: openSchedule, rules } });
    return seedRoster(t);
  }

  it('uploads an outcome with a document and lists it as pending (認證中)', async () => {
    const { courseIds } = await setup();
    const res = await t.upload('student.outcomes.upload', form({ courseId: courseIds['國語文']!, summary: '讀書報告：紅樓夢人物分析', document: fakeFile('pdf', 2048, '報告.pdf') }), users.chen);
    expect(res.error).toBeNull();
    expect(res.data).toMatchObject({ status: 'pending', summary: '讀書報告：紅樓夢人物分析', course: { subjectName: '國語文' }, academicYear: 114, semester: 1 });
    const list = await t.query('student.outcomes.list', undefined, users.chen);
    expect(list.data).toHaveLength(1);
    expect(list.data[0].documentFileId).toBeTruthy();
    expect(storedObjects(t)).toHaveLength(1);
    const other = await t.query('student.outcomes.list', undefined, users.lin);
    expect(other.data).toEqual([]);
    const audit = await t.db.kysely.selectFrom('audit_log' as any).selectAll().execute();
    expect(audit).toMatchObject([{ action: 'outcome.enter', actor_id: 's-chen', actor_role: 'student', entity: 'record' }]);
  });

  it('checks the file by its content, not its name, and keeps nothing of a refused upload after the sweep', async () => {
    const { courseIds } = await setup();
    const disguised = await t.upload('student.outcomes.upload', form({ courseId: courseIds['國語文']!, summary: '作品', document: fakeFile('exe', 500, 'report.pdf') }), users.chen);
    expect(disguised.status).toBe(415);
    expect(disguised.error?.licheng?.code).toBe('file-type-not-allowed');
    const mediaInDocumentSlot = await t.upload('student.outcomes.upload', form({ courseId: courseIds['國語文']!, summary: '作品', document: fakeFile('mp4', 500, 'a.pdf') }), users.chen);
    expect(mediaInDocumentSlot.error?.licheng?.code).toBe('file-type-not-allowed');
    const tooBig = await t.upload('student.outcomes.upload', form({ courseId: courseIds['國語文']!, summary: '作品', document: fakeFile('pdf', 4 * 1024 * 1024 + 1) }), users.chen);
    expect(tooBig.status).toBe(413);
    expect(tooBig.error?.licheng?.code).toBe('file-too-large');
    const goodDocBadMedia = await t.upload('student.outcomes.upload', form({ courseId: courseIds['國語文']!, summary: '作品', document: fakeFile('pdf'), media: fakeFile('png', 100, 'x.mp4') }), users.chen);
    expect(goodDocBadMedia.error?.licheng?.code).toBe('file-type-not-allowed');
    expect(await t.db.kysely.selectFrom('records' as any).selectAll().execute()).toEqual([]);
    expect(fs.readdirSync(t.storage.tempDir)).toEqual([]);
    // Refused files' objects are the sweep's to remove (the same bytes may be another upload's).
    await sweepStorage(t.db, t.storage, { graceMs: 0, now: Date.now() + 1000 });
    expect(storedObjects(t)).toEqual([]);
  });

  it('accepts media up to 10 MB and requires at least one file', async () => {
    const { courseIds } = await setup();
    const media = await t.upload('student.outcomes.upload', form({ courseId: courseIds['物理']!, summary: '實驗影片', media: fakeFile('mp4', 10 * 1024 * 1024) }), users.chen);
    expect(media.error).toBeNull();
    const none = await t.upload('student.outcomes.upload', form({ courseId: courseIds['物理']!, summary: '沒有檔案' }), users.chen);
    expect(none.error?.licheng?.code).toBe('file-missing');
  });

  it('requires 簡述 of at most 100 characters, counted as people count them', async () => {
    const { courseIds } = await setup();
    const empty = await t.upload('student.outcomes.upload', form({ courseId: courseIds['國語文']!, summary: '   ', document: fakeFile('pdf') }), users.chen);
    expect(empty.error?.licheng?.code).toBe('summary-required');
    const long = await t.upload('student.outcomes.upload', form({ courseId: courseIds['國語文']!, summary: '字'.repeat(101), document: fakeFile('pdf') }), users.chen);
    expect(long.error?.licheng?.code).toBe('summary-too-long');
    const exact = await t.upload('student.outcomes.upload', form({ courseId: courseIds['國語文']!, summary: '𠀀'.repeat(100), document: fakeFile('pdf') }), users.chen);
    expect(exact.error).toBeNull();
  });

  it('refuses a 簡述 of NUL, control characters or only invisible characters with 400, writing nothing', async () => {
    const { courseIds } = await setup();
    const cases = [
      ['\u0000', 'text-control-character'],
      ['\u0000\u0000\u0000', 'text-control-character'],
      ['\u0007報告', 'text-control-character'],
      ['報告\u202Egpj.exe', 'text-control-character'],
      ['\u200b\u200b', 'summary-required'],
      ['\ufeff', 'summary-required'],
      ['\u2060\u00ad\u3000', 'summary-required'],
    ] as const;
    for (const [summary, code] of cases) {
      const res = await t.upload('student.outcomes.upload', form({ courseId: courseIds['國語文']!, summary, document: fakeFile('pdf') }), users.chen);
      expect(res.status, JSON.stringify(summary)).toBe(400);
      expect(res.error?.licheng?.code, JSON.stringify(summary)).toBe(code);
    }
    expect(await t.db.kysely.selectFrom('records' as any).selectAll().execute()).toEqual([]);
    expect(await t.db.kysely.selectFrom('stored_files' as any).selectAll().execute()).toEqual([]);
    expect(storedObjects(t)).toEqual([]);
    // Line breaks are kept (a textarea), combining marks are composed (NFC), emoji stay.
    const ok = await t.upload('student.outcomes.upload', form({ courseId: courseIds['國語文']!, summary: '  第一行\r\n第二行 Cafe\u0301 🎉  ', document: fakeFile('pdf') }), users.chen);
    expect(ok.error).toBeNull();
    expect(ok.data.summary).toBe('第一行\n第二行 Café 🎉');
  });

  it('refuses courses the student does not take and users who are not students', async () => {
    const { courseIds } = await setup();
    const notStudent = await t.upload('student.outcomes.upload', form({ courseId: courseIds['國語文']!, summary: 'x', document: fakeFile('pdf') }), users.wang);
    expect(notStudent.status).toBe(403);
    const unknownCourse = await t.upload('student.outcomes.upload', form({ courseId: '0190aaaa-0000-7000-8000-000000000000', summary: 'x', document: fakeFile('pdf') }), users.chen);
    expect(unknownCourse.status).toBe(404);
    // A course of the school the student does not take reads exactly as one that does not exist.
    await t.db.kysely.deleteFrom('enrolments').where('course_id', '=', courseIds['物理']!).execute();
    const notTaken = await t.upload('student.outcomes.upload', form({ courseId: courseIds['物理']!, summary: 'x', document: fakeFile('pdf') }), users.chen);
    expect(notTaken).toEqual(unknownCourse);
  });

  it('enforces the upload window of the course term', async () => {
    const { courseIds } = await setup();
    t.clock.now = new Date('2026-03-01T00:00:00Z');
    const late = await t.upload('student.outcomes.upload', form({ courseId: courseIds['國語文']!, summary: 'x', document: fakeFile('pdf') }), users.chen);
    expect(late.error?.licheng?.code).toBe('window-closed');
    expect(late.error?.message).toMatch(/期間|結束|關閉/);
  });

  it('holds the per-semester cap under parallel uploads (啟明: 3)', async () => {
    const { courseIds } = await setup({ outcomes: { uploadCapPerSemester: 3 } });
    const attempts = await Promise.all(
      Array.from({ length: 6 }, (_, i) => t.upload('student.outcomes.upload', form({ courseId: courseIds['國語文']!, summary: `作品 ${i}`, document: fakeFile('pdf', 1000 + i) }), users.chen)),
    );
    expect(attempts.filter((a) => a.error === null)).toHaveLength(3);
    expect(attempts.filter((a) => a.error?.licheng?.code === 'upload-cap-reached')).toHaveLength(3);
    const rows = await t.db.kysely.selectFrom('records' as any).selectAll().execute();
    expect(rows).toHaveLength(3);
    await sweepStorage(t.db, t.storage, { graceMs: 0, now: Date.now() + 1000 });
    expect(storedObjects(t)).toHaveLength(3);
  });
});
