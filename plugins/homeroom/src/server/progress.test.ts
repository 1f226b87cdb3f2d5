import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { testDialects } from '@licheng/db/testing';
import { decideRecord, domainErrorCode, enterRecord, upsertStudents } from '@licheng/server';
import { createTestLicheng, type TestLicheng, type TestUser } from '@licheng/server/testing';
import { newId, nowIso } from '@licheng/db';
import { readableClass } from './class-access.ts';
import { classProgress } from './class-progress.ts';
import homeroomPlugin from './index.ts';
import { decideOutcome, enterOutcome, homeroom, homeroomConfig, queryCounter, seedClasses, selectOutcomes, studentNamed } from './test-support.ts';

const STATUS_OF: Record<string, number> = { BAD_REQUEST: 400, FORBIDDEN: 403, NOT_FOUND: 404 };

describe.each(testDialects())('homeroom.progress on %s', (dialect) => {
  let t: TestLicheng;
  afterEach(async () => t?.close());

  /**
   * Class 101 in 114-1: 陳小明 S001 has 國語文 passed (and selected) and 物理 pending; 林小華 S002
   * has 國語文 failed, and an outcome of 114-2; 張小英 S003 has nothing. 林大同 of class 102
   * has an outcome that 101 must not count.
   */
  async function setup() {
    t = await createTestLicheng({ dialect, plugins: [homeroomPlugin], config: homeroomConfig });
    const { courseIds } = await seedClasses(t);
    const chinese = courseIds['國語文']!;
    const physics = courseIds['物理']!;
    const chenChinese = await enterOutcome(t, 'S001', chinese);
    await decideOutcome(t, chenChinese, 't-wang', 'pass');
    await enterOutcome(t, 'S001', physics);
    await selectOutcomes(t, 'S001', [chenChinese.id]);
    await decideOutcome(t, await enterOutcome(t, 'S002', chinese), 't-wang', 'fail');
    await enterOutcome(t, 'S002', physics, { academicYear: 114, semester: 2 });
    await enterOutcome(t, 'S010', chinese);
  }

  const get = async (path: string, user?: TestUser) => t.app.request(path, { headers: user ? { authorization: `Bearer ${await t.token(user)}` } : {} });

  it("counts each student's outcomes by status this term and their selections this year, with class totals and windows", async () => {
    await setup();
    const res = await t.query('homeroom.progress.class', { className: '101' }, homeroom.wang);
    expect(res.error).toBeNull();
    const data = res.data;
    expect(data.class).toMatchObject({ className: '101', grade: 1, academicYear: 114, homeroomTeacherName: '王老師' });
    expect(data.term).toEqual({ academicYear: 114, semester: 1 });
    expect(data.selectionCap).toBe(6);
    expect(data.today).toBe('2025-10-01');
    expect(data.students.map((s: any) => [s.seatNo, s.studentNo, s.name, s.uploaded, s.pending, s.passed, s.failed, s.selected, s.reminders])).toEqual([
      [1, 'S001', '陳小明', 2, 1, 1, 0, 1, []],
      [2, 'S002', '林小華', 1, 0, 0, 1, 0, ['failed']],
      [3, 'S003', '張小英', 0, 0, 0, 0, 0, ['no-upload']],
    ]);
    expect(data.totals).toEqual({
      students: 3,
      studentsUploaded: 2,
      studentsWithoutUploads: 1,
      studentsNeedingReminder: 2,
      studentsIncomplete: 3,
      check: { 'no-upload': 1, failed: 1, 'not-selected': 0, 'performance-failed': 0, 'performance-unselected': 0, 'performance-over-cap': 0, 'receipt-unconfirmed': 0, pending: 1 },
      uploaded: 3,
      pending: 1,
      passed: 1,
      failed: 1,
      selected: 1,
    });
    expect(data.students.map((s: any) => s.check)).toEqual([['pending'], ['failed'], ['no-upload']]);
    expect(data.windows).toEqual([
      { activity: 'outcome-upload', start: '2025-08-01', end: '2026-02-15', state: 'open', daysLeft: 138, daysUntilOpen: null },
      { activity: 'outcome-certification', start: '2025-08-01', end: '2026-03-01', state: 'open', daysLeft: 152, daysUntilOpen: null },
      { activity: 'outcome-selection', start: '2025-08-01', end: '2026-07-31', state: 'open', daysLeft: 304, daysUntilOpen: null },
    ]);

    // Another term of the same class: 林小華's 114-2 outcome alone; selections are per academic year.
    const second = await t.query('homeroom.progress.class', { className: '101', semester: 2 }, homeroom.wang);
    expect(second.data.students.map((s: any) => [s.studentNo, s.uploaded, s.pending, s.selected])).toEqual([
      ['S001', 0, 0, 1],
      ['S002', 1, 1, 0],
      ['S003', 0, 0, 0],
    ]);
    expect(second.data.windows[0]).toMatchObject({ activity: 'outcome-upload', state: 'unscheduled', start: null, daysLeft: null });
  });

  it("checks each student's performances and office records this year: counted, exempt, pending, failed, unselected", async () => {
    await setup();
    const db = t.db.kysely as any;
    const chen = await studentNamed(t, 'S001');
    const lin = await studentNamed(t, 'S002');
    const as = (userId: string, name: string, role: string) => t.app.actAs({ userId, name, school: t.config.code, roles: [role] } as any);
    const me = await as('s-chen', '陳小明', 'student');
    const other = (ctx: any, student: any, kind: string, summary: string) => enterRecord(ctx, { kind, student, courseId: null, academicYear: 114, semester: 1, summary, data: {}, files: [] });
    await other(me, chen, 'performance-other', '淨灘志工');
    await other(me, chen, 'performance-service', '社區服務');
    const office = await as('a-staff', '訓育組長', 'activities-staff');
    await other(office, chen, 'cadre', '班長');
    // A performance an office registered for him: shown, not counted (written as the office would leave it).
    const service = await db.selectFrom('records').selectAll().where('summary', '=', '社區服務').executeTakeFirstOrThrow();
    await db.insertInto('records').values({ ...service, id: 'registered-1', kind: 'performance-cadre', summary: '社長', entered_by: 'a-staff', entered_role: 'activities-staff' }).execute();
    const linCtx = await as('s-lin', '林小華', 'student');
    const out = await other(linCtx, lin, 'service-hours-out', '校外服務');
    await decideRecord(office, out, { decision: 'fail', reason: '證明不清楚' });
    await other(linCtx, lin, 'service-hours-out', '另一次服務');
    // Counseling data is never counted for the homeroom teacher.
    const raw = await db.selectFrom('records').selectAll().where('id', '=', out.id).executeTakeFirstOrThrow();
    await db.insertInto('records').values({ ...raw, id: 'counseling-1', kind: 'counseling', status: 'pending' }).execute();

    const res = await t.query('homeroom.progress.class', { className: '101' }, homeroom.wang);
    expect(res.error).toBeNull();
    const [s1, s2, s3] = res.data.students;
    expect(res.data.performanceCap).toBe(10);
    // The cadre 訓育組 registered and the performance an office entered stand beside the 10, as the student's selection shows them.
    expect(s1.other).toEqual({ performance: { counting: 2, passed: 2, pending: 0, failed: 0, selected: 0, exempt: 2 }, office: { records: 0, pending: 0, failed: 0 } });
    expect(s1.check).toEqual(['performance-unselected', 'pending']);
    expect(s1.reminders).toEqual(['performance-unselected']);
    expect(s1.kinds.map((k: any) => [k.kind, k.total, k.pending, k.failed]).sort()).toEqual([
      ['cadre', 1, 0, 0],
      ['performance-cadre', 1, 0, 0],
      ['performance-other', 1, 0, 0],
      ['performance-service', 1, 0, 0],
    ]);
    expect(s2.other.office).toEqual({ records: 2, pending: 1, failed: 1 });
    expect(s2.check).toEqual(['failed', 'pending']);
    expect(s3.check).toEqual(['no-upload']);
    expect(res.data.totals).toMatchObject({ studentsIncomplete: 3, check: { 'no-upload': 1, failed: 1, 'not-selected': 0, 'performance-failed': 0, 'performance-unselected': 1, 'performance-over-cap': 0, 'receipt-unconfirmed': 0, pending: 2 } });

    // The Excel download carries the check and a sheet counting it.
    const xlsx = await get('/api/homeroom/progress.xlsx?className=101', homeroom.wang);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await xlsx.arrayBuffer());
    const sheet = book.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toContain('提交前檢核');
    const checkColumn = header.indexOf('提交前檢核') + 1;
    expect(sheet.getRow(2).getCell(checkColumn).value).toBe('多元表現尚未勾選、尚有待認證的紀錄');
    expect(sheet.getRow(5).getCell(checkColumn).value).toBe('未完成 3 人');
    const summary = book.worksheets[1]!;
    expect(summary.name).toBe('檢核統計');
    expect(summary.getRow(2).values).toEqual([undefined, '本學期尚未上傳', 1]);
    expect(summary.getRow(8).values).toEqual([undefined, '尚未完成收訖確認', 0]);
    expect(summary.getRow(10).values).toEqual([undefined, '未完成 3 人', 3]);
  });

  it('leaves out students who left, and counts only the class asked for', async () => {
    await setup();
    await (t.db.kysely as any).updateTable('students').set({ status: 'left' }).where('student_no', '=', 'S003').execute();
    const res = await t.query('homeroom.progress.class', { className: '101' }, homeroom.wang);
    expect(res.data.students.map((s: any) => s.studentNo)).toEqual(['S001', 'S002']);
    const other = await t.query('homeroom.progress.class', { className: '102' }, homeroom.li);
    expect(other.data.students.map((s: any) => [s.studentNo, s.uploaded, s.pending])).toEqual([['S010', 1, 1]]);
    expect(other.data.totals).toMatchObject({ students: 1, uploaded: 1, pending: 1 });
  });

  it("lists the teacher's own classes of the year; a teacher with no class gets an empty list", async () => {
    await setup();
    const wang = await t.query('homeroom.progress.classes', undefined, homeroom.wang);
    expect(wang.data).toEqual({ academicYear: 114, classes: [{ id: expect.any(String), className: '101', grade: 1, academicYear: 114, homeroomTeacherName: '王老師' }] });
    const past = await t.query('homeroom.progress.classes', { academicYear: 113 }, homeroom.wang);
    expect(past.data.classes.map((c: any) => c.className)).toEqual(['901']);
    const nobody = await t.query('homeroom.progress.classes', undefined, { userId: 'x-unknown', roles: ['homeroom-teacher'] });
    expect(nobody.data).toEqual({ academicYear: 114, classes: [] });
    await (t.db.kysely as any).deleteFrom('classes').where('class_name', '=', '102').execute();
    const li = await t.query('homeroom.progress.classes', undefined, homeroom.li);
    expect(li.data.classes).toEqual([]);
    const admin = await t.query('homeroom.progress.classes', undefined, homeroom.admin);
    expect(admin.data.classes.map((c: any) => c.className)).toEqual(['101']);
  });

  it("refuses another teacher's class clearly, without saying whether it exists; an administrator reads any class", async () => {
    await setup();
    const refused = await t.query('homeroom.progress.class', { className: '101' }, homeroom.li);
    expect(refused.error?.licheng).toEqual({ code: 'class-not-homeroom', params: { className: '101', academicYear: 114 } });
    expect(refused.error?.message).toBe('您不是 114 學年度「101」班的導師，無法查看該班資料');
    expect(refused.status).toBe(STATUS_OF[domainErrorCode('class-not-homeroom')]);
    // Another teacher's class and a class that does not exist read the same: not found.
    expect(refused.status).toBe(404);
    const missing = await t.query('homeroom.progress.class', { className: '999' }, homeroom.li);
    expect(missing.status).toBe(404);
    expect(missing.error?.licheng?.code).toBe('class-not-homeroom');
    // 王老師 was 901's homeroom teacher in 113, not in 114.
    const lastYear = await t.query('homeroom.progress.class', { className: '901' }, homeroom.wang);
    expect(lastYear.error?.licheng?.code).toBe('class-not-homeroom');
    // Nor is last year's class readable: its students are not those of today's roster.
    const past = await t.query('homeroom.progress.class', { className: '901', academicYear: 113 }, homeroom.wang);
    expect(past.error?.licheng).toEqual({ code: 'class-past-year', params: { current: 114 } });
    expect((await t.query('homeroom.progress.class', { className: '101', academicYear: 113 }, homeroom.admin)).error?.licheng?.code).toBe('class-past-year');

    const admin = await t.query('homeroom.progress.class', { className: '101' }, homeroom.admin);
    expect(admin.data.totals.students).toBe(3);
    const unknown = await t.query('homeroom.progress.class', { className: '999' }, homeroom.admin);
    expect(unknown.error?.licheng?.code).toBe('class-unknown');
  });

  it('describes its procedures in /openapi.json as needing the host token', async () => {
    t = await createTestLicheng({ dialect, plugins: [homeroomPlugin], config: homeroomConfig });
    const doc = (await (await t.app.request('/openapi.json')).json()) as any;
    const classOp = doc.paths['/trpc/homeroom.progress.class']?.get;
    expect(classOp).toBeDefined();
    expect(JSON.stringify(classOp)).toContain('className');
    expect(classOp.security?.length).toBeGreaterThan(0);
    expect(doc.paths['/trpc/homeroom.progress.classes']?.get).toBeDefined();
  });

  it('needs a homeroom teacher or an administrator, signed in, and valid input', async () => {
    await setup();
    const anonymous = await t.query('homeroom.progress.class', { className: '101' });
    expect(anonymous.status).toBe(401);
    expect(anonymous.error?.licheng?.code).toBe('unauthenticated');
    expect((await t.query('homeroom.progress.classes', undefined)).status).toBe(401);
    const student = await t.query('homeroom.progress.class', { className: '101' }, homeroom.student);
    expect(student.status).toBe(403);
    const subjectTeacher = await t.query('homeroom.progress.classes', undefined, { userId: 't-wang', roles: ['subject-teacher'] });
    expect(subjectTeacher.status).toBe(403);
    const blank = await t.query('homeroom.progress.class', { className: '  ' }, homeroom.wang);
    expect(blank.status).toBe(400);
    expect(blank.error?.message).toMatch(/^className: /);
    const badTerm = await t.query('homeroom.progress.class', { className: '101', semester: 3 }, homeroom.wang);
    expect(badTerm.status).toBe(400);
  });

  it('reads a class of 50 with the same number of queries as a class of 3', async () => {
    await setup();
    const ctx = await t.app.actAs({ userId: 't-wang', name: '王老師', school: t.config.code, roles: ['homeroom-teacher'] });
    const klass = await readableClass(ctx, '101', 114);
    const measure = async () => {
      const counter = queryCounter();
      const progress = await classProgress(ctx.db.withPlugin(counter.plugin), t.config, klass, { academicYear: 114, semester: 1 }, t.clock.now);
      return { queries: counter.count(), progress };
    };
    const small = await measure();
    expect(small.progress.students).toHaveLength(3);

    const db = t.db.kysely as any;
    const more = Array.from({ length: 47 }, (_, i) => ({
      studentNo: `S1${String(i).padStart(2, '0')}`, name: `學生${i}`, nationalId: `N${i}`, birthDate: '2009-01-01', grade: 1, className: '101', seatNo: i + 4, division: 'day' as const, departmentCode: null, hostUserId: `s-more-${i}`,
    }));
    await db.transaction().execute((trx: any) => upsertStudents(trx, t.config.code, more, t.clock.now));
    const added = await db.selectFrom('students').select('id').where('student_no', 'like', 'S1%').execute();
    const at = nowIso(t.clock.now);
    await db
      .insertInto('records')
      .values(added.map((s: any) => ({ id: newId(), school_code: t.config.code, kind: 'outcome', student_id: s.id, course_id: null, academic_year: 114, semester: 1, summary: '成果', data: '{}', status: 'pending', entered_by: 'x', entered_role: 'student', version: 1, created_at: at, updated_at: at })))
      .execute();

    const large = await measure();
    expect(large.progress.students).toHaveLength(50);
    expect(large.progress.totals).toMatchObject({ students: 50, uploaded: 50, pending: 48 });
    expect(large.queries).toBe(small.queries);
    // The class's own five queries, and one read of the school's schedule (作業期程) from the database.
    expect(large.queries).toBe(6);
  });

  it('downloads the class progress as Excel: zh-TW headers, a row per student, a totals row', async () => {
    await setup();
    const res = await get('/api/homeroom/progress.xlsx?className=101', homeroom.wang);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    expect(res.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('101班學習成果進度-114-1.xlsx')}`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await res.arrayBuffer()) as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.name).toBe('101班');
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows).toEqual([
      ['座號', '學號', '姓名', '已上傳', '待認證', '通過', '未通過', '已勾選（上限 6 件）', '提醒事項', '多元表現（計入）', '多元表現已勾選（上限 10 項）', '校方登錄（不計入）', '處室紀錄', '其他待認證', '其他未通過', '提交前檢核'],
      [1, 'S001', '陳小明', 2, 1, 1, 0, 1, '', 0, 0, 0, 0, 0, 0, '尚有待認證的紀錄'],
      [2, 'S002', '林小華', 1, 0, 0, 1, 0, '有未通過的成果待修正', 0, 0, 0, 0, 0, 0, '有未通過的成果待修正'],
      [3, 'S003', '張小英', 0, 0, 0, 0, 0, '本學期尚未上傳', 0, 0, 0, 0, 0, 0, '本學期尚未上傳'],
      ['合計', '', '全班 3 人', 3, 1, 1, 1, 1, '需提醒 2 人', 0, 0, 0, 0, 0, 0, '未完成 3 人'],
    ]);

    const english = await t.app.request('/api/homeroom/progress.xlsx?className=101', { headers: { authorization: `Bearer ${await t.token(homeroom.wang)}`, 'x-licheng-locale': 'en' } });
    const englishBook = new ExcelJS.Workbook();
    await englishBook.xlsx.load((await english.arrayBuffer()) as ArrayBuffer);
    expect((englishBook.worksheets[0]!.getRow(1).values as unknown[]).slice(1, 4)).toEqual(['Seat', 'Student No.', 'Name']);
    expect(englishBook.worksheets[0]!.getRow(5).getCell(9).value).toBe('2 need a reminder');

    const second = await get('/api/homeroom/progress.xlsx?className=101&academicYear=114&semester=2', homeroom.wang);
    expect(second.status).toBe(200);
    expect(second.headers.get('content-disposition')).toContain(encodeURIComponent('101班學習成果進度-114-2.xlsx'));
  });

  it('refuses the Excel download without a token, to another class and with a bad query', async () => {
    await setup();
    const anonymous = await get('/api/homeroom/progress.xlsx?className=101');
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as any).error.code).toBe('unauthenticated');
    expect((await get('/api/homeroom/progress.xlsx?className=101', homeroom.student)).status).toBe(403);
    const other = await get('/api/homeroom/progress.xlsx?className=101', homeroom.li);
    expect(other.status).toBe(STATUS_OF[domainErrorCode('class-not-homeroom')]);
    expect(((await other.json()) as any).error).toMatchObject({ code: 'class-not-homeroom', message: expect.stringContaining('101') });
    const noClass = await get('/api/homeroom/progress.xlsx', homeroom.wang);
    expect(noClass.status).toBe(400);
    expect(((await noClass.json()) as any).error.code).toBe('invalid-input');
    expect((await get('/api/homeroom/progress.xlsx?className=101&semester=x', homeroom.wang)).status).toBe(400);
  });
});
