import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { testDialects } from '@licheng/db/testing';
import { decideRecord, enterRecord, saveSelection, stageFiles, type Student } from '@licheng/server';
import { createTestLicheng, fakeFile, openSchedule, pdfFonts, pdfPageInk, pdfPagePng, pdfText, seedRoster, users, type TestLicheng, type TestUser } from '@licheng/server/testing';
import { readStoredZip } from './portfolio/read-zip.ts';
import student from './index.ts';

/** Where the pages are drawn as PNG, to look at (pdftoppm). */
const PAGES = path.join(os.tmpdir(), 'licheng-pdf-pages');
const affairs: TestUser = { userId: 'a-staff', name: '訓育組長', roles: ['activities-staff'] };
const schedule = [...openSchedule, { activity: 'performance-selection', academicYear: 114, semester: 0, start: '2025-08-01', end: '2026-07-31' }];

describe.each(testDialects())('the student’s own copy as a PDF on %s', (dialect) => {
  let t: TestLicheng;
  afterEach(async () => t?.close());

  const actAs = (user: TestUser) => t.app.actAs({ userId: user.userId, name: user.name, school: t.config.code, roles: user.roles } as Parameters<typeof t.app.actAs>[0]);

  /** 陳小明: 國語文 outcome passed and selected (a PDF), 物理 pending, a 114-2 outcome failed, a performance he entered, a 校內幹部 the 訓育組 registered. */
  async function setup() {
    t = await createTestLicheng({ dialect, plugins: [student], config: { schedule } });
    const { courseIds } = await seedRoster(t);
    const chen = (await (t.db.kysely as any).selectFrom('students').selectAll().where('student_no', '=', 'S001').executeTakeFirstOrThrow()) as Student;
    const me = await actAs(users.chen);
    const teacher = await actAs(users.wang);
    const outcome = async (courseId: string, term: { academicYear: number; semester: number }, summary: string, name = '報告.pdf') =>
      enterRecord(me, { kind: 'outcome', student: chen, courseId, ...term, summary, files: await stageFiles(me, { document: fakeFile('pdf', 900, name) }) });
    const chinese = await outcome(courseIds['國語文']!, { academicYear: 114, semester: 1 }, '紅樓夢人物分析', '紅樓夢.pdf');
    await decideRecord(teacher, chinese, { decision: 'pass' });
    await outcome(courseIds['物理']!, { academicYear: 114, semester: 1 }, '單擺實驗');
    const failed = await outcome(courseIds['國語文']!, { academicYear: 114, semester: 2 }, '詩選賞析');
    await decideRecord(teacher, failed, { decision: 'fail', reason: '檔案無法開啟' });
    await saveSelection(me, { student: chen, kind: 'outcome', academicYear: 114, recordIds: [chinese.id], cap: 6 });
    await enterRecord(me, { kind: 'performance-other', student: chen, courseId: null, academicYear: 114, semester: 1, summary: '淨灘志工', data: { name: '淨灘', hours: 6 }, files: [] });
    await enterRecord(await actAs(affairs), { kind: 'cadre', student: chen, courseId: null, academicYear: 114, semester: 1, summary: '班長', data: {}, files: [] });
  }

  const get = async (url: string, user: TestUser = users.chen, locale = 'zh-TW') => t.app.request(url, { headers: { authorization: `Bearer ${await t.token(user)}`, 'x-licheng-locale': locale } });

  it('puts portfolio.pdf in the ZIP: every record with its certification, selection and caps, and where each file is, in an embedded font', async () => {
    await setup();
    const res = await get('/api/student/portfolio.zip');
    expect(res.status).toBe(200);
    const pdf = readStoredZip(new Uint8Array(await res.arrayBuffer())).get('portfolio.pdf')!;
    expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');
    const fonts = await pdfFonts(pdf);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) expect(font).toMatchObject({ name: expect.stringMatching(/\+NotoSansTC-/), embedded: true, subset: true, unicode: true });
    await fs.mkdir(PAGES, { recursive: true });
    await pdfPagePng(pdf, 1, path.join(PAGES, `portfolio-${dialect}-1.png`), 80);
    expect(await pdfPageInk(pdf, 1)).toBeGreaterThan(0.005);
    const text = await pdfText(pdf);
    for (const words of ['測試高中', '學習歷程（學生留存）', '陳小明', 'S001', '勾選與上限', '114 學年度第 2 學期', '114 學年度第 1 學期', '紅樓夢人物分析', '詩選賞析', '未通過', '檔案無法', '淨灘志工', '校方登錄', '已勾選', '通過', '認證中', 'files/114-1/002-', '列印日期：民國 114/10/01']) {
      expect(text).toContain(words);
    }
    expect(text).toMatch(/1／6/);
    expect(text).not.toContain('林小華');
  });

  it('offers the PDF alone, in English when asked, audited, to the student only', async () => {
    await setup();
    const res = await get('/api/student/portfolio.pdf', users.chen, 'en');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(decodeURIComponent(res.headers.get('content-disposition')!)).toContain('portfolio-S001-2025-10-01.pdf');
    const text = await pdfText(new Uint8Array(await res.arrayBuffer()));
    for (const words of ['Learning portfolio (student copy)', 'Academic year 114, semester 1', '紅樓夢人物分析', 'Failed', '檔案無法', 'Page 1 of', 'Printed 114/10/01 (ROC)']) expect(text).toContain(words);
    expect(text).not.toContain('files/114-1'); // alone, the files are named, not placed
    expect(text).toContain('紅樓夢.pdf');
    const audit = await (t.db.kysely as any).selectFrom('audit_log').select(['action', 'actor_id']).where('action', '=', 'portfolio.download').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0].actor_id).toBe('s-chen');
    expect((await get('/api/student/portfolio.pdf', users.wang)).status).toBe(403);
    expect((await t.app.request('/api/student/portfolio.pdf')).status).toBe(401);
  });
});
