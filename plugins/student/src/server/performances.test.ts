import { afterEach, describe, expect, it } from 'vitest';
import { PERFORMANCE_TYPES } from '@licheng/core';
import { testDialects } from '@licheng/db/testing';
import { createTestLicheng, fakeFile, seedRoster, users, type TestLicheng } from '@licheng/server/testing';
import student from './index.ts';
import { goodData, performanceForm, performanceSchedule } from './performance-testing.ts';

const office = { userId: 'p-staff', name: '實習處組長', roles: ['practicum-staff'] } as const;

describe.each(testDialects())('the student enters performances (多元表現) on %s', (dialect) => {
  let t: TestLicheng;
  afterEach(async () => t?.close());

  async function start(config: Record<string, unknown> = {}) {
    t = await createTestLicheng({ dialect, plugins: [student], config: { schedule: performanceSchedule, ...config } });
    await seedRoster(t);
  }

  async function list(user = users.chen) {
    const res = await t.query('student.performances.list', {}, user);
    expect(res.error).toBeNull();
    return res.data.rows as Array<Record<string, any>>;
  }

  it('enters each of the ten types with its national fields, 內容簡述, a document, a media file and a video link, passed on entry', async () => {
    await start();
    for (const type of PERFORMANCE_TYPES) {
      const res = await t.upload('student.performances.upload', performanceForm(type.id, { videoUrl: 'https://www.youtube.com/watch?v=abc', document: fakeFile('pdf', 900), media: fakeFile('mp4', 2000) }), users.chen);
      expect(res.error, type.id).toBeNull();
      expect(res.data).toMatchObject({ status: 'passed', version: 1 });
    }
    const rows = await list();
    expect(rows.map((r) => r.kind).sort()).toEqual(PERFORMANCE_TYPES.map((t) => t.id).sort());
    for (const row of rows) {
      expect(row).toMatchObject({ academicYear: 114, semester: 1, summary: '擔任班級幹部，協助班務。', videoUrl: 'https://www.youtube.com/watch?v=abc', correctable: 'yes', withdrawable: true, enteredByMe: true });
      expect(row.data).toEqual({ ...goodData(row.kind), videoUrl: 'https://www.youtube.com/watch?v=abc' });
      expect(row.documentFileId).toBeTruthy();
      expect(row.mediaFileId).toBeTruthy();
    }
    const kinds = await t.query('student.performances.kinds', undefined, users.chen);
    expect(kinds.data.kinds).toHaveLength(10);
    expect(kinds.data.upload).toEqual({ cap: null, used: 10 });
    expect(kinds.data.window.state).toBe('open');
  });

  it.each(PERFORMANCE_TYPES.map((t) => [t.id]))('refuses bad fields of %s and writes nothing', async (kind) => {
    await start();
    const type = PERFORMANCE_TYPES.find((t) => t.id === kind)!;
    const required = type.fields.find((f) => f.required)!;
    const code = type.fields.find((f) => f.type === 'code');
    const { [required.key]: _missing, ...withoutRequired } = goodData(kind);
    const bad: Array<[Record<string, unknown>, string | RegExp]> = [
      [withoutRequired, /required/],
      [{ ...goodData(kind), unknownColumn: 'x' }, /.+/],
      ...(code ? ([[{ ...goodData(kind), [code.key]: '99' }, /code/]] as Array<[Record<string, unknown>, RegExp]>) : []),
    ];
    for (const [data, expected] of bad) {
      const res = await t.upload('student.performances.upload', performanceForm(kind, {}, data), users.chen);
      expect(res.status, JSON.stringify(data)).toBe(400);
      expect(res.error?.licheng?.code).toMatch(expected);
    }
    const link = await t.upload('student.performances.upload', performanceForm(kind, { videoUrl: 'http://example.com/v' }), users.chen);
    expect(link.error?.licheng?.code).toBe('video-url-invalid');
    const exe = await t.upload('student.performances.upload', performanceForm(kind, { document: fakeFile('exe', 500) }), users.chen);
    expect(exe.error?.licheng?.code).toBe('file-type-not-allowed');
    const media = await t.upload('student.performances.upload', performanceForm(kind, { media: fakeFile('pdf', 500) }), users.chen);
    expect(media.error?.licheng?.code).toBe('file-type-not-allowed');
    const blank = await t.upload('student.performances.upload', performanceForm(kind, { summary: '   ' }), users.chen);
    expect(blank.error?.licheng?.code).toBe('summary-required');
    expect(await list()).toEqual([]);
  });

  it('refuses a type that is not a performance and a caller who is not a student', async () => {
    await start();
    const other = await t.upload('student.performances.upload', performanceForm('cadre', {}, {}), users.chen);
    expect(other.status).toBe(400);
    const teacher = await t.upload('student.performances.upload', performanceForm('performance-work'), users.wang);
    expect(teacher.status).toBe(403);
  });

  it('enforces the yearly upload cap under concurrent uploads: exactly the cap succeed; a withdrawn one frees its place', async () => {
    await start({ rules: { performances: { uploadCapPerYear: 3 } } });
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => t.upload('student.performances.upload', performanceForm('performance-work', { summary: `作品 ${i}` }), users.chen)));
    expect(results.filter((r) => r.error === null)).toHaveLength(3);
    expect(results.filter((r) => r.error?.licheng?.code === 'upload-cap-reached')).toHaveLength(3);
    expect(await list()).toHaveLength(3);
    const [first] = await list();
    expect((await t.mutate('student.performances.withdraw', { id: first!.id, version: first!.version, reason: '重複上傳' }, users.chen)).error).toBeNull();
    expect((await t.upload('student.performances.upload', performanceForm('performance-work'), users.chen)).error).toBeNull();
    expect((await t.upload('student.performances.upload', performanceForm('performance-work'), users.chen)).error?.licheng?.code).toBe('upload-cap-reached');
    // Another student's cap is their own.
    expect((await t.upload('student.performances.upload', performanceForm('performance-work'), users.lin)).error).toBeNull();
  });

  it('is closed outside the performance-upload window: entering, correcting and withdrawing', async () => {
    await start();
    const res = await t.upload('student.performances.upload', performanceForm('performance-work'), users.chen);
    const [row] = await list();
    await t.close();
    await start({ schedule: [{ activity: 'performance-upload', academicYear: 114, semester: 0, start: '2025-08-01', end: '2025-09-15' }] });
    expect((await t.upload('student.performances.upload', performanceForm('performance-work'), users.chen)).error?.licheng?.code).toBe('window-closed');
    expect((await t.query('student.performances.kinds', undefined, users.chen)).data.window).toEqual({ start: '2025-08-01', end: '2025-09-15', state: 'closed' });
    await t.close();
    await start({ schedule: [] });
    expect((await t.upload('student.performances.upload', performanceForm('performance-work'), users.chen)).error?.licheng?.code).toBe('window-unscheduled');
    expect(res.error).toBeNull();
    expect(row).toBeDefined();
  });

  it('lets the student correct (keeping or changing the link) and withdraw what they entered, while the window is open', async () => {
    await start();
    await t.upload('student.performances.upload', performanceForm('performance-work', { videoUrl: 'https://video.example/1' }), users.chen);
    const [row] = await list();
    const corrected = await t.mutate('student.performances.correct', { id: row!.id, version: 1, summary: '修正後', data: { ...goodData('performance-work'), name: '新名稱', videoUrl: 'https://video.example/2' } }, users.chen);
    expect(corrected.error).toBeNull();
    expect((await list())[0]).toMatchObject({ summary: '修正後', videoUrl: 'https://video.example/2', version: 2 });
    const badLink = await t.mutate('student.performances.correct', { id: row!.id, version: 2, summary: '修正後', data: { ...goodData('performance-work'), videoUrl: 'ftp://x' } }, users.chen);
    expect(badLink.error?.licheng?.code).toBe('video-url-invalid');
    t.clock.now = new Date('2026-08-05T02:00:00Z');
    const late = await t.mutate('student.performances.withdraw', { id: row!.id, version: 2, reason: '不需要了' }, users.chen);
    expect(late.error?.licheng?.code).toBe('window-closed');
    t.clock.now = new Date('2025-10-02T02:00:00Z');
    const withdrawn = await t.mutate('student.performances.withdraw', { id: row!.id, version: 2, reason: '不需要了' }, users.chen);
    expect(withdrawn.data).toMatchObject({ status: 'withdrawn', version: 3 });
    expect(await list()).toEqual([]);
  });

  it("reads another student's performance as not found (404), and refuses to change what an office registered", async () => {
    await start();
    await t.upload('student.performances.upload', performanceForm('performance-certificate'), users.chen);
    await t.upload('student.performances.upload', performanceForm('performance-work'), users.chen);
    const rows = await list();
    const mine = rows.find((r) => r.kind === 'performance-work')!;
    // Lin sees none of Chen's and reaches none of them by id.
    expect(await list(users.lin)).toEqual([]);
    const other = await t.mutate('student.performances.correct', { id: mine.id, version: 1, summary: 'x', data: goodData('performance-work') }, users.lin);
    expect(other.status).toBe(404);
    expect(other.error?.licheng?.code).toBe('not-found');
    expect((await t.mutate('student.performances.withdraw', { id: mine.id, version: 1, reason: 'x' }, users.lin)).status).toBe(404);
    // A certificate the practicum office entered for Chen: shown, not editable by him.
    const certificate = rows.find((r) => r.kind === 'performance-certificate')!;
    await t.db.kysely.updateTable('records' as any).set({ entered_by: office.userId, entered_role: 'practicum-staff' } as any).where('id', '=', certificate.id).execute();
    const shown = (await list()).find((r) => r.id === certificate.id)!;
    expect(shown).toMatchObject({ enteredByMe: false, correctable: 'no', withdrawable: false });
    const correct = await t.mutate('student.performances.correct', { id: certificate.id, version: 1, summary: 'x', data: goodData('performance-certificate') }, users.chen);
    expect(correct.status).toBe(403);
    expect((await t.mutate('student.performances.withdraw', { id: certificate.id, version: 1, reason: 'x' }, users.chen)).status).toBe(403);
    // Nor does it count toward his yearly cap.
    expect((await t.query('student.performances.kinds', undefined, users.chen)).data.upload.used).toBe(1);
  });
});
