import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { newId } from '@licheng/db';
import { testDialects } from '@licheng/db/testing';
import { createTestLicheng, seedRoster, setTestSchedule, testRoster, users, type TestLicheng, type TestUser } from '@licheng/server/testing';
import registry from './index.ts';
import { ROSTER_WINDOWS, sheets } from './test-support.ts';
import { exportRoster, rosterBirthDate } from './roster-export.ts';
import { cliContext } from './cli.ts';
import type { RosterAttachments } from './rosters/attachments.ts';

interface Outcome {
  student: string;
  /** A subject of the test roster, or null for an outcome with no course. */
  course: string | null;
  year?: number;
  status?: 'pending' | 'passed' | 'failed';
  selected?: boolean;
  semester?: number;
  summary?: string;
  document?: string;
  media?: string;
}

describe.each(testDialects())('registry.rosters.export on %s', (dialect) => {
  let t: TestLicheng;
  afterEach(async () => t?.close());

  const db = () => t.db.kysely as any;

  async function file(name: string): Promise<string> {
    const id = newId();
    await db().insertInto('stored_files').values({ id, school_code: t.config.code, sha256: 'f'.repeat(64), size: 10, type: name.endsWith('.mp4') ? 'mp4' : 'pdf', original_name: name, created_by: 's', created_at: '2025-10-01T00:00:00.000Z' }).execute();
    return id;
  }

  /** Outcomes entered, certified and selected directly: this office reads them, another office makes them. */
  async function seedOutcomes(courseIds: Record<string, string>, outcomes: Outcome[]) {
    const students = new Map((await db().selectFrom('students').select(['id', 'student_no']).execute()).map((s: any) => [s.student_no, s.id]));
    let n = 0;
    for (const o of outcomes) {
      const id = newId();
      const at = `2025-10-01T00:00:${String(n++).padStart(2, '0')}.000Z`;
      await db()
        .insertInto('records')
        .values({
          id,
          school_code: t.config.code,
          kind: 'outcome',
          student_id: students.get(o.student),
          course_id: o.course === null ? null : courseIds[o.course],
          academic_year: o.year ?? 114,
          semester: o.semester ?? 1,
          summary: o.summary ?? `${o.course ?? '無課程'}成果`,
          data: '{}',
          document_file_id: o.document ? await file(o.document) : null,
          media_file_id: o.media ? await file(o.media) : null,
          status: o.status ?? 'passed',
          status_reason: null,
          decided_by: null,
          decided_by_name: null,
          decided_role: null,
          decided_at: null,
          entered_by: 's',
          entered_role: 'student',
          version: 1,
          created_at: at,
          updated_at: at,
        })
        .execute();
      if (o.selected !== false) {
        await db().insertInto('selections').values({ id: newId(), school_code: t.config.code, student_id: students.get(o.student), record_id: id, kind: 'outcome', academic_year: o.year ?? 114, created_at: at }).execute();
      }
    }
  }

  /** A grade of the registry (ADR 0020): the way a course was taken, with its context. */
  async function seedGrade(studentNo: string, subject: string, semester: number, take: string, context: Record<string, string | number>) {
    const student = await db().selectFrom('students').select('id').where('student_no', '=', studentNo).executeTakeFirstOrThrow();
    const code = testRoster.courses.find((c) => c.subjectName === subject)!.code;
    const at = '2025-10-01T00:00:00.000Z';
    await db()
      .insertInto('course_grades')
      .values({ id: newId(), school_code: t.config.code, student_id: student.id, academic_year: 114, semester, take, course_code: code, score: '80', passed: 1, make_up_score: '-1', make_up_passed: -1, credit_counted: 1, description: '', context_json: JSON.stringify(context), created_at: at, updated_at: at })
      .execute();
  }

  async function download(url: string, user: TestUser): Promise<Response> {
    return t.app.request(url, { headers: { authorization: `Bearer ${await t.token(user)}` } });
  }

  async function workbookAt(url: string): Promise<ExcelJS.Workbook> {
    const got = await download(url, users.registry);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-disposition')).toContain('attachment');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await got.arrayBuffer());
    return workbook;
  }


  const [chen, lin, chang] = testRoster.students;
  const [chinese, physics] = testRoster.courses;
  const COVER = ['學校代碼', '學年度', '學期', '名冊別'];
  const TERM = ['身分證號', '出生日期', '課程代碼', '科目名稱', '開課年級', '修課學分', '實際修課學年度', '實際修課學期', '成果簡述'];
  const MAKE_UP = ['身分證號', '出生日期', '應修課學年度', '應修課學期', '課程代碼', '科目名稱', '開課年級', '修課學分', '實際修課學年度', '實際修課學期', '成果簡述'];
  const RETAKE = ['身分證號', '出生日期', '原修課學年度', '原修課學期', '原修課課程代碼', '原修課科目名稱', '原修課開課年級', '原修課修課學分', '實際修課學年度', '實際修課學期', '成果簡述'];
  const REPEAT = ['身分證號', '出生日期', '課程代碼', '科目名稱', '開課年級', '修課學分', '實際修課學年度', '實際修課學期', '成果簡述'];
  const TRANSFER = ['身分證號', '出生日期', '原修課學校代碼', '原修課學年度', '原修課學期', '原修課課程代碼', '原修課科目名稱', '原修課開課年級', '原修課修課學分', '成果簡述'];
  const BORROWED = ['身分證號', '出生日期', '借讀學校代碼', '借讀修課學年度', '借讀修課學期', '借讀校課程代碼', '借讀校科目名稱', '借讀校開課年級', '借讀校修課學分', '成果簡述'];

  /** S003 is in 進修部; outcomes of 114 of every kind the rosters must place or leave out. */
  async function seedYear() {
    const { courseIds } = await seedRoster(t);
    await db().updateTable('students').set({ division: 'night' }).where('student_no', '=', 'S003').execute();
    await seedOutcomes(courseIds, [
      { student: 'S002', course: '物理', summary: '自由落體實驗影片', media: '實驗.mp4' },
      { student: 'S001', course: '國語文', summary: '紅樓夢人物分析', document: '紅樓夢報告.pdf' },
      { student: 'S001', course: '物理', selected: false },
      { student: 'S002', course: '國語文', status: 'pending' },
      { student: 'S002', course: '國語文', status: 'failed', selected: false },
      { student: 'S001', course: '國語文', semester: 2, summary: '詩詞創作' },
      { student: 'S002', course: '國語文', semester: 2, summary: '補修作文' },
      { student: 'S001', course: null, summary: '未連結課程的成果' },
      { student: 'S001', course: '物理', year: 113, summary: '去年的成果' },
      { student: 'S003', course: '國語文', summary: '夜間部讀書報告' },
      { student: 'S003', course: '物理', summary: '夜間部補修實驗' },
      { student: 'S001', course: '物理', semester: 2, summary: '重修實驗' },
    ]);
    // S001 retakes 物理 (修課 take_kind 2) and the registry has no grade of it yet.
    const s001 = await db().selectFrom('students').select('id').where('student_no', '=', 'S001').executeTakeFirstOrThrow();
    await db().updateTable('enrolments').set({ take_kind: 2 }).where('student_id', '=', s001.id).where('course_id', '=', courseIds['物理']).execute();
    await seedGrade('S002', '國語文', 2, 'make-up', { dueYear: 113, dueSemester: 2, method: '3' });
    await seedGrade('S003', '國語文', 1, 'night', { periods: 4 });
    await seedGrade('S003', '物理', 1, 'make-up', { dueYear: 113, dueSemester: 1, method: '' });
  }

  it('builds roster 26 on its layout: cover as header and value row with 學期 0, six sheets, a 補修 row on its sheet, no file columns', async () => {
    t = await createTestLicheng({ dialect, plugins: [registry] });
    await setTestSchedule(t, ROSTER_WINDOWS);
    await seedYear();

    const res = await t.mutate('registry.rosters.export', { academicYear: 114, semester: 1, roster: 'outcomes' }, users.registry);
    expect(res.error).toBeNull();
    expect(res.data).toEqual({
      kind: 26,
      // Each kept-back row names who fixes it: the course link is the teacher's, the grade the registry's.
      problems: [
        { code: 'no-course-code', sheet: '學期課程學習成果', studentId: expect.any(String), recordId: expect.any(String), office: 'subject-teacher', reason: '缺課程代碼（成果未連結到有效的 23 碼課程）' },
        { code: 'take-without-grade', sheet: '重修課程學習成果', studentId: expect.any(String), recordId: expect.any(String), office: 'registry-staff', reason: '選課為重修或補修，但註冊組尚無這門課的成績資料' },
      ],
      fileId: expect.any(String),
      fileName: '26_課程學習成果_123456_114_0.xlsx',
      rowCount: 4,
      downloadUrl: `/api/files/${res.data.fileId}?download=1`,
      review: { fileId: expect.any(String), fileName: '26_課程學習成果_123456_114_0_待處理(缺).xlsx', rowCount: 2, downloadUrl: `/api/files/${res.data.review.fileId}?download=1` },
    });

    const workbook = await workbookAt(res.data.downloadUrl);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['封面', '學期課程學習成果', '補修課程學習成果', '重修課程學習成果', '重讀課程學習成果', '轉學轉科課程學習成果', '借讀課程學習成果']);
    expect(sheets(workbook)).toEqual({
      封面: [COVER, ['123456', 114, 0, 26]],
      學期課程學習成果: [
        TERM,
        [chen.nationalId, '0980301', chinese.code, '國語文', 1, 4, 114, 1, '紅樓夢人物分析'],
        [chen.nationalId, '0980301', chinese.code, '國語文', 1, 4, 114, 2, '詩詞創作'],
        [lin.nationalId, '0980512', physics.code, '物理', 1, 2, 114, 1, '自由落體實驗影片'],
      ],
      補修課程學習成果: [MAKE_UP, [lin.nationalId, '0980512', 113, 2, chinese.code, '國語文', 1, 4, 114, 2, '補修作文']],
      重修課程學習成果: [RETAKE],
      重讀課程學習成果: [REPEAT],
      轉學轉科課程學習成果: [TRANSFER],
      借讀課程學習成果: [BORROWED],
    });
    // The night-division student is not in 26; no file name appears anywhere.
    const cells = JSON.stringify(sheets(workbook));
    expect(cells).not.toContain(chang.nationalId);
    expect(cells).not.toMatch(/檔名|\.pdf|\.mp4/);

    // The outcome with no course, and the retake with no grade, wait for the office in a separate workbook, never submitted.
    const review = await workbookAt(res.data.review.downloadUrl);
    expect(sheets(review)).toEqual({
      '學期課程學習成果(缺)': [
        [...TERM, '待處理原因'],
        [chen.nationalId, '0980301', '', '', '', '', 114, 1, '未連結課程的成果', '缺課程代碼（成果未連結到有效的 23 碼課程）'],
      ],
      '重修課程學習成果(缺)': [
        [...RETAKE, '待處理原因'],
        [chen.nationalId, '0980301', '', '', physics.code, '物理', 1, 2, 114, 2, '重修實驗', '選課為重修或補修，但註冊組尚無這門課的成績資料'],
      ],
    });
    expect(JSON.stringify(sheets(workbook))).not.toContain('重修實驗');

    const stored = await db().selectFrom('stored_files').selectAll().where('id', '=', res.data.fileId).executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ type: 'xlsx', original_name: '26_課程學習成果_123456_114_0.xlsx', created_by: 'r-staff' });
    expect(await t.storage.exists(stored.sha256)).toBe(true);
    const audit = await db().selectFrom('audit_log').selectAll().execute();
    expect(audit).toMatchObject([{ action: 'roster.export.26', entity: 'stored_file', entity_id: res.data.fileId, actor_role: 'registry-staff' }]);
    expect(JSON.parse(audit[0].after)).toMatchObject({
      academicYear: 114,
      semester: 1,
      kind: 26,
      rowCount: 4,
      cover: { 學校代碼: '123456', 學年度: 114, 學期: 0, 名冊別: 26 },
      layout: { roster: 'outcomes', version: 'z-2021' },
      attachments: 'none',
      review: { fileId: res.data.review.fileId, rowCount: 2 },
    });

    // Another registry member may download it; a student may not.
    expect((await download(res.data.downloadUrl, { userId: 'r-2', roles: ['registry-staff'] })).status).toBe(200);
    expect((await download(res.data.downloadUrl, users.chen)).status).toBe(404);
  });

  it('builds roster 28 for the night division: 修課節數 from its 進修部 grade, three sheets, a 補修 outcome kept for the office', async () => {
    t = await createTestLicheng({ dialect, plugins: [registry] });
    await setTestSchedule(t, ROSTER_WINDOWS);
    await seedYear();

    const res = await t.mutate('registry.rosters.export', { academicYear: 114, semester: 1, roster: 'night-outcomes' }, users.registry);
    expect(res.error).toBeNull();
    expect(res.data).toMatchObject({ fileName: '28_進修部課程學習成果_123456_114_0.xlsx', rowCount: 1, review: { rowCount: 1 } });
    const workbook = await workbookAt(res.data.downloadUrl);
    expect(sheets(workbook)).toEqual({
      封面: [COVER, ['123456', 114, 0, 28]],
      學期課程學習成果: [
        ['身分證號', '出生日期', '課程代碼', '科目名稱', '開課年級', '修課節數', '實際修課學年度', '實際修課學期', '成果簡述'],
        [chang.nationalId, '0980730', chinese.code, '國語文', 1, 4, 114, 1, '夜間部讀書報告'],
      ],
      轉學轉科課程學習成果: [TRANSFER],
      借讀課程學習成果: [BORROWED],
    });
    expect(sheets(await workbookAt(res.data.review.downloadUrl))).toEqual({
      '補修課程學習成果(缺)': [
        [...MAKE_UP, '待處理原因'],
        [chang.nationalId, '0980730', 113, 1, physics.code, '物理', 1, 2, 114, 1, '夜間部補修實驗', '此名冊沒有這類修課方式的工作表'],
      ],
    });
    expect(JSON.parse((await db().selectFrom('audit_log').select('after').executeTakeFirstOrThrow()).after)).toMatchObject({ kind: 28, layout: { roster: 'night-outcomes' }, cover: { 學期: 0, 名冊別: 28 } });
  });

  it('uses the layout version the school chose: 108 (D) has 補修方式 and no 實際修課學年度', async () => {
    t = await createTestLicheng({ dialect, plugins: [registry], config: { rosters: { layouts: { outcomes: 'd-108' } } } });
    await setTestSchedule(t, ROSTER_WINDOWS);
    await seedYear();
    const res = await t.mutate('registry.rosters.export', { academicYear: 114, semester: 1, roster: 'outcomes' }, users.registry);
    const got = sheets(await workbookAt(res.data.downloadUrl));
    expect(got['補修課程學習成果']).toEqual([
      ['身分證號', '出生日期', '應修課學年度', '應修課學期', '課程代碼', '科目名稱', '開課年級', '修課學分', '補修方式', '實際修課學期', '成果簡述'],
      [lin.nationalId, '0980512', 113, 2, chinese.code, '國語文', 1, 4, '3', 2, '補修作文'],
    ]);
    expect(got['學期課程學習成果']![0]).toEqual(['身分證號', '出生日期', '課程代碼', '科目名稱', '開課年級', '修課學分', '實際修課學期', '成果簡述']);
  });

  it('takes a pluggable attachments part: off by default, and when a school’s rule is plugged in its columns follow the layout’s', async () => {
    t = await createTestLicheng({ dialect, plugins: [registry] });
    await seedYear();
    // A rule for illustration only: no source gives one (ROSTERS §3).
    const rule: RosterAttachments = {
      id: 'school-rule',
      columns: (sheet) => (sheet.name === '學期課程學習成果' ? ['附件數'] : []),
      cells: (sheet, outcome) => (sheet.name === '學期課程學習成果' ? [[outcome.documentFileId, outcome.mediaFileId].filter(Boolean).length] : []),
    };
    const ctx = await cliContext(t.app);
    const open = async (bytes: Uint8Array<ArrayBuffer>) => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(bytes.buffer);
      return sheets(workbook);
    };
    const plain = await open((await exportRoster(ctx, { academicYear: 114, semester: 1, roster: 'outcomes', batch: 'regular' })).bytes);
    expect(plain['學期課程學習成果']![0]).toEqual(TERM);
    const withRule = await exportRoster(ctx, { academicYear: 114, semester: 1, roster: 'outcomes', batch: 'regular' }, rule);
    const got = await open(withRule.bytes);
    expect(got['學期課程學習成果']!.map((row) => row.slice(-2))).toEqual([['成果簡述', '附件數'], ['紅樓夢人物分析', 1], ['詩詞創作', 0], ['自由落體實驗影片', 1]]);
    expect(got['補修課程學習成果']![0]).toEqual(MAKE_UP);
    const audits = await db().selectFrom('audit_log').select('after').orderBy('at').execute();
    expect(audits.map((a: { after: string }) => JSON.parse(a.after).attachments)).toEqual(['none', 'school-rule']);
  });

  it('exports an empty roster with every header row and no review file, refuses kinds with no exporter and non-registry users', async () => {
    t = await createTestLicheng({ dialect, plugins: [registry] });
    await setTestSchedule(t, ROSTER_WINDOWS);
    const empty = await t.mutate('registry.rosters.export', { academicYear: 113, semester: 2, roster: 'outcomes' }, users.registry);
    expect(empty.data).toMatchObject({ rowCount: 0, fileName: '26_課程學習成果_123456_113_0.xlsx', review: null });
    const got = sheets(await workbookAt(empty.data.downloadUrl));
    expect(Object.values(got).map((rows) => rows.length)).toEqual([2, 1, 1, 1, 1, 1, 1]);
    for (const kind of [24, 25, 36, 99]) {
      expect((await t.mutate('registry.rosters.export', { academicYear: 114, semester: 1, kind }, users.registry)).error?.code).toBe('BAD_REQUEST');
    }
    expect((await t.mutate('registry.rosters.export', { academicYear: 114, semester: 3, roster: 'outcomes' }, users.registry)).error?.code).toBe('BAD_REQUEST');
    expect((await t.mutate('registry.rosters.export', { academicYear: 114, semester: 1, roster: 'outcomes' }, users.wang)).error?.code).toBe('FORBIDDEN');
    expect((await t.mutate('registry.rosters.export', { academicYear: 114, semester: 1, roster: 'outcomes' }, users.chen)).error?.code).toBe('FORBIDDEN');
    expect(await db().selectFrom('stored_files').select('original_name').execute()).toEqual([{ original_name: '26_課程學習成果_123456_113_0.xlsx' }]);
  });
});

describe('rosterBirthDate', () => {
  it('writes the ROC date as 7 digits', () => {
    expect(rosterBirthDate('2009-03-01')).toBe('0980301');
    expect(rosterBirthDate('2011-12-31')).toBe('1001231');
  });
});
