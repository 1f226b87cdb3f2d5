import { afterEach, describe, expect, it } from 'vitest';
import { testDialects } from '@licheng/db/testing';
import { decideRecord, enterRecord, saveSelection, stageFiles, type Student } from '@licheng/server';
import { createTestLicheng, fakeFile, openSchedule, seedRoster, users, type TestLicheng, type TestUser } from '@licheng/server/testing';
import { readStoredZip } from './portfolio/read-zip.ts';
import student from './index.ts';

const affairs: TestUser = { userId: 'a-staff', name: '訓育組長', roles: ['activities-staff'] };
const schedule = [...openSchedule, { activity: 'performance-selection', academicYear: 114, semester: 0, start: '2025-08-01', end: '2026-07-31' }];

describe.each(testDialects())('student.portfolio on %s', (dialect) => {
  let t: TestLicheng;
  afterEach(async () => t?.close());

  const studentNamed = async (no: string) => (await (t.db.kysely as any).selectFrom('students').selectAll().where('student_no', '=', no).executeTakeFirstOrThrow()) as Student;
  const actAs = (user: TestUser) => t.app.actAs({ userId: user.userId, name: user.name, school: t.config.code, roles: user.roles } as Parameters<typeof t.app.actAs>[0]);

  /**
   * 陳小明 S001: 國語文 outcome passed and selected (with a PDF), 物理 pending, a 114-2 outcome
   * failed; an 其他多元表現 he entered (counts, not selected); a 校內幹部 the 訓育組 registered
   * (exempt); a withdrawn performance, and counseling data and a consultation note (hidden).
   * 林小華 S002 has an outcome of her own.
   */
  async function setup(rules: Record<string, unknown> = {}) {
    t = await createTestLicheng({ dialect, plugins: [student], config: { schedule, rules } });
    const { courseIds } = await seedRoster(t);
    const chen = await studentNamed('S001');
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
    const performance = await enterRecord(me, { kind: 'performance-other', student: chen, courseId: null, academicYear: 114, semester: 1, summary: '淨灘志工', data: { name: '淨灘', hours: 6 }, files: [] });
    const office = await actAs(affairs);
    await enterRecord(office, { kind: 'cadre', student: chen, courseId: null, academicYear: 114, semester: 1, summary: '班長', data: {}, files: [] });
    const withdrawn = await enterRecord(me, { kind: 'performance-other', student: chen, courseId: null, academicYear: 114, semester: 1, summary: '撤銷的', data: {}, files: [] });
    const db = t.db.kysely as any;
    await db.updateTable('records').set({ status: 'withdrawn', status_reason: '重複' }).where('id', '=', withdrawn.id).execute();
    const raw = await db.selectFrom('records').selectAll().where('id', '=', performance.id).executeTakeFirstOrThrow();
    for (const kind of ['counseling', 'consultation']) await db.insertInto('records').values({ ...raw, id: `${kind}-1`, kind, summary: '只有輔導室看得到' }).execute();
    const lin = await actAs(users.lin);
    await enterRecord(lin, { kind: 'outcome', student: await studentNamed('S002'), courseId: courseIds['國語文']!, academicYear: 114, semester: 1, summary: '林小華的成果', files: await stageFiles(lin, { document: fakeFile('pdf', 700) }) });
    return { chinese, performance };
  }

  it('lists every record the student may see by semester, with caps, selections and what is left to do', async () => {
    const { chinese, performance } = await setup();
    const res = await t.query('student.portfolio.get', undefined, users.chen);
    expect(res.error).toBeNull();
    const p = res.data;
    expect(p.student).toEqual({ studentNo: 'S001', name: '陳小明', className: '101', seatNo: 1 });
    expect(p.semesters.map((s: any) => [s.academicYear, s.semester, s.records.map((r: any) => [r.kind, r.summary, r.status, r.cap, r.selected, r.pending])])).toEqual([
      [114, 2, [['outcome', '詩選賞析', 'failed', 'outcome', false, 'failed']]],
      [114, 1, [
        ['cadre', '班長', 'passed', 'exempt', false, null],
        ['outcome', '紅樓夢人物分析', 'passed', 'outcome', true, null],
        ['outcome', '單擺實驗', 'pending', 'outcome', false, 'awaiting-certification'],
        ['performance-other', '淨灘志工', 'passed', 'performance', false, 'not-selected'],
      ]],
    ]);
    const records = p.semesters.flatMap((s: any) => s.records);
    const chineseRow = records.find((r: any) => r.id === chinese.id);
    expect(chineseRow).toMatchObject({ subjectName: '國語文', kindLabel: { 'zh-TW': '課程學習成果', en: 'Course learning outcome' }, document: { name: '紅樓夢.pdf', type: 'pdf', size: 900 } });
    expect(chineseRow.document.sha256).toBeUndefined();
    expect(records.find((r: any) => r.id === performance.id).fields).toEqual([{ label: '名稱', text: '淨灘' }, { label: '時數', text: '6' }]);
    expect(records.find((r: any) => r.status === 'failed').statusReason).toBe('檔案無法開啟');
    expect(p.years).toEqual([
      {
        academicYear: 114,
        outcome: { cap: 6, selected: 1, selectable: 1, window: 'open' },
        performance: { cap: 10, selected: 0, counting: 1, exempt: 1, uploadCap: null, window: 'open' },
      },
    ]);
    expect(p.totals).toEqual({ records: 5, pending: 3, failed: 1, selected: 1 });

    // Her own only.
    const lin = await t.query('student.portfolio.get', undefined, users.lin);
    expect(lin.data.semesters.flatMap((s: any) => s.records.map((r: any) => r.summary))).toEqual(['林小華的成果']);
  });

  it('shows the counseling data the student entered only when the school turns on rules.portfolio.showCounseling; never a consultation note or what counseling entered', async () => {
    await setup({ portfolio: { showCounseling: true } });
    const db = t.db.kysely as any;
    const raw = await db.selectFrom('records').selectAll().where('id', '=', 'counseling-1').executeTakeFirstOrThrow();
    await db.insertInto('records').values({ ...raw, id: 'counseling-2', entered_by: 'c-staff', entered_role: 'counseling-staff', summary: '輔導老師的紀錄' }).execute();
    const shown = async () => (await t.query('student.portfolio.get', undefined, users.chen)).data.semesters.flatMap((s: any) => s.records.map((r: any) => [r.kind, r.summary]));
    const on = await shown();
    expect(on).toContainEqual(['counseling', '只有輔導室看得到']);
    expect(on.filter(([kind]: string[]) => kind === 'counseling' || kind === 'consultation')).toEqual([['counseling', '只有輔導室看得到']]);
    const zip = await t.app.request('/api/student/portfolio.zip', { headers: { authorization: `Bearer ${await t.token(users.chen)}` } });
    expect(zip.status).toBe(200);
    await t.close();

    await setup();
    expect((await shown()).filter(([kind]: string[]) => kind === 'counseling' || kind === 'consultation')).toEqual([]);
  });

  it('says the selection window closed when it did', async () => {
    await setup();
    await t.close();
    t = await createTestLicheng({ dialect, plugins: [student], config: { schedule: openSchedule } });
    const { courseIds } = await seedRoster(t);
    const me = await actAs(users.chen);
    await enterRecord(me, { kind: 'performance-other', student: await studentNamed('S001'), courseId: null, academicYear: 114, semester: 1, summary: '淨灘志工', data: {}, files: [] });
    expect(courseIds).toBeTruthy();
    const res = await t.query('student.portfolio.get', undefined, users.chen);
    expect(res.data.semesters[0].records[0].pending).toBe('selection-closed');
    expect(res.data.years[0].performance.window).toBe('unscheduled');
  });

  it('refuses anyone but a student, and a student not on the roster', async () => {
    await setup();
    const teacherQuery = await t.query('student.portfolio.get', undefined, users.wang);
    expect([teacherQuery.status, teacherQuery.error?.code]).toEqual([403, 'FORBIDDEN']);
    const stranger = await t.query('student.portfolio.get', undefined, { userId: 's-nobody', name: '路人', roles: ['student'] });
    expect(stranger.data).toBeNull();
    expect(stranger.status).toBeGreaterThanOrEqual(400);
    const teacher = await t.app.request('/api/student/portfolio.zip', { headers: { authorization: `Bearer ${await t.token(users.wang)}` } });
    expect(teacher.status).toBe(403);
    expect((await t.app.request('/api/student/portfolio.zip')).status).toBe(401);
  });

  it('downloads the whole portfolio as a ZIP: an index page and the files, read back intact', async () => {
    await setup();
    const res = await t.app.request('/api/student/portfolio.zip', { headers: { authorization: `Bearer ${await t.token(users.chen)}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    expect(decodeURIComponent(res.headers.get('content-disposition')!)).toContain('學習歷程-S001-2025-10-01.zip');
    const entries = readStoredZip(new Uint8Array(await res.arrayBuffer()));
    expect([...entries.keys()]).toEqual(['index.html', 'portfolio.pdf', 'files/114-2/001-課程學習成果-報告.pdf', 'files/114-1/002-課程學習成果-紅樓夢.pdf', 'files/114-1/003-課程學習成果-報告.pdf']);
    expect(entries.get('files/114-1/002-課程學習成果-紅樓夢.pdf')!.byteLength).toBe(900);
    const html = new TextDecoder().decode(entries.get('index.html'));
    expect(html).toContain('<h2>114 學年度第 1 學期</h2>');
    expect(html).toContain('href="files/114-1/002-');
    expect(html).toContain('未通過，請修正後重新送出（檔案無法開啟）');
    expect(html).toContain('校方登錄，不計入上限');
    expect(html).not.toContain('只有輔導室看得到');
    expect(html).not.toContain('林小華');
    const audit = await (t.db.kysely as any).selectFrom('audit_log').selectAll().where('action', '=', 'portfolio.download').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0].actor_id).toBe('s-chen');
  });

  it('puts a note in the archive in place of a file missing from storage', async () => {
    const { chinese } = await setup();
    const db = t.db.kysely as any;
    const file = await db.selectFrom('stored_files').select('id').where('id', '=', chinese.document_file_id).executeTakeFirstOrThrow();
    await db.updateTable('stored_files').set({ sha256: 'f'.repeat(64) }).where('id', '=', file.id).execute();
    const res = await t.app.request('/api/student/portfolio.zip', { headers: { authorization: `Bearer ${await t.token(users.chen)}` } });
    const entries = readStoredZip(new Uint8Array(await res.arrayBuffer()));
    expect([...entries.keys()]).toContain('files/114-1/002-課程學習成果-紅樓夢.pdf.missing.txt');
  });
});
