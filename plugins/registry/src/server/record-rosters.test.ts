import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { newId } from '@licheng/db';
import { testDialects } from '@licheng/db/testing';
import { createTestLicheng, seedRoster, setTestSchedule, testRoster, users, type TestLicheng } from '@licheng/server/testing';
import registry from './index.ts';
import { ROSTER_WINDOWS, sheetsAt } from './test-support.ts';
import { NOT_PASSED, OVER_CAP } from './rosters/record-builder.ts';
import { exportRoster } from './roster-export.ts';
import { cliContext } from './cli.ts';

interface Rec {
  student: string;
  kind: string;
  data: Record<string, unknown>;
  summary?: string;
  year?: number;
  semester?: number;
  status?: 'pending' | 'passed' | 'failed' | 'withdrawn';
  enteredRole?: string;
  /** The selection bucket it is selected in ('performance'), if any. */
  selected?: string;
}

const COVER = ['學校代碼', '學年度', '學期', '名冊別'];
const CADRE = ['身分證號', '出生日期', '單位名稱', '開始日期', '結束日期', '擔任職務', '幹部等級'];
const PERFORMANCE_SHEETS = ['幹部經歷暨事蹟紀錄', '競賽參與紀錄', '檢定證照紀錄', '服務學習紀錄', '彈性學習時間紀錄', '團體活動時間紀錄', '職場學習紀錄', '作品成果紀錄', '大學及技專校院先修課程紀錄', '其他多元表現紀錄'];
const SERVICE = ['身分證號', '出生日期', '服務名稱', '服務單位', '開始日期', '結束日期', '時數', '內容簡述'];
const COMPETITION = ['身分證號', '出生日期', '競賽名稱', '項目', '競賽等級代碼', '獎項', '結果公布日期', '內容簡述', '團體參與代碼'];
const OTHER = ['身分證號', '出生日期', '名稱', '主辦單位', '開始日期', '結束日期', '時數', '內容簡述'];

describe.each(testDialects())('record rosters (24, 25, 學生資料, grade 12 batches) on %s', (dialect) => {
  let t: TestLicheng;
  afterEach(async () => t?.close());
  const db = () => t.db.kysely as any;
  const [chen, lin, chang] = testRoster.students;

  async function start(config: Record<string, unknown> = {}) {
    t = await createTestLicheng({ dialect, plugins: [registry], config });
    await setTestSchedule(t, ROSTER_WINDOWS);
    return seedRoster(t);
  }

  async function seedRecords(records: Rec[]) {
    const students = new Map((await db().selectFrom('students').select(['id', 'student_no']).execute()).map((s: any) => [s.student_no, s.id]));
    let n = 0;
    for (const r of records) {
      const id = newId();
      const at = `2025-10-01T00:00:${String(n++).padStart(2, '0')}.000Z`;
      await db()
        .insertInto('records')
        .values({
          id, school_code: t.config.code, kind: r.kind, student_id: students.get(r.student), course_id: null, academic_year: r.year ?? 114, semester: r.semester ?? 1,
          summary: r.summary ?? '', data: JSON.stringify(r.data), document_file_id: null, media_file_id: null, status: r.status ?? 'passed', status_reason: null,
          decided_by: null, decided_by_name: null, decided_role: null, decided_at: null, entered_by: 'x', entered_role: r.enteredRole ?? 'activities-staff', version: 1, created_at: at, updated_at: at,
        })
        .execute();
      if (r.selected) await db().insertInto('selections').values({ id: newId(), school_code: t.config.code, student_id: students.get(r.student), record_id: id, kind: r.selected, academic_year: r.year ?? 114, created_at: at }).execute();
    }
  }

  async function exported(input: Record<string, unknown>) {
    const res = await t.mutate('registry.rosters.export', { academicYear: 114, semester: 1, ...input }, users.registry);
    expect(res.error).toBeNull();
    return res.data;
  }

  const open = (url: string) => sheetsAt(t, url);


  const setGrade = (studentNo: string, grade: number) => db().updateTable('students').set({ grade }).where('student_no', '=', studentNo).execute();

  const cadres: Rec[] = [
    { student: 'S001', kind: 'cadre', data: { unit: '學生會', startDate: '2025-09-01', endDate: '2026-01-31', position: '會長', level: '1' } },
    { student: 'S002', kind: 'cadre', data: { unit: '101班', startDate: '2025-08-30', position: '班長', level: '2' } },
    { student: 'S001', kind: 'cadre', data: { unit: '熱舞社', startDate: '2025-09-10', position: '社長', level: '3' }, status: 'pending' },
    { student: 'S002', kind: 'cadre', data: { unit: '101班', startDate: '2025-09-01', position: '風紀股長', level: '7' } },
    { student: 'S003', kind: 'cadre', data: { unit: '101班', startDate: '2025-09-01', level: '2' } },
    { student: 'S001', kind: 'cadre', data: { unit: '學生會', startDate: '2026-02-01', position: '會長', level: '1' }, semester: 2 },
    { student: 'S003', kind: 'cadre', data: { unit: '101班', startDate: '2025-09-01', position: '副班長', level: '2' }, status: 'withdrawn' },
  ];

  it('builds roster 24 for the term: cover 學期 1, one sheet, dates as 7-digit ROC, level codes; unpassed, bad-code and incomplete rows kept back', async () => {
    await start();
    await seedRecords(cadres);
    const res = await exported({ roster: 'cadres' });
    expect(res).toMatchObject({ kind: 24, fileName: '24_校內幹部經歷_123456_114_1.xlsx', rowCount: 2, review: { rowCount: 3 } });
    expect(res.problems.map((p: any) => [p.code, p.office, p.sheet])).toEqual([
      ['not-passed', 'activities-staff', '幹部經歷紀錄'],
      ['invalid-code', 'activities-staff', '幹部經歷紀錄'],
      ['column-unfilled', 'activities-staff', '幹部經歷紀錄'],
    ]);
    const workbook = await open(res.downloadUrl);
    expect(Object.keys(workbook)).toEqual(['封面', '幹部經歷紀錄']);
    expect(workbook).toEqual({
      封面: [COVER, ['123456', 114, 1, 24]],
      幹部經歷紀錄: [CADRE, [chen.nationalId, '0980301', '學生會', '1140901', '1150131', '會長', '1'], [lin.nationalId, '0980512', '101班', '1140830', '', '班長', '2']],
    });
    expect(await open(res.review.downloadUrl)).toEqual({
      '幹部經歷紀錄(缺)': [
        [...CADRE, '待處理原因'],
        [chen.nationalId, '0980301', '熱舞社', '1140910', '', '社長', '3', NOT_PASSED],
        [lin.nationalId, '0980512', '101班', '1140901', '', '風紀股長', '7', '代碼不在名冊代碼表：幹部等級=7'],
        [chang.nationalId, '0980730', '101班', '1140901', '', '', '2', '缺欄位：擔任職務'],
      ],
    });
    // The second term's roster (outside its window here: built directly) carries the second term's cadre only.
    const second = await exportRoster(await cliContext(t.app), { academicYear: 114, semester: 2, roster: 'cadres', batch: 'regular' });
    expect(second).toMatchObject({ kind: 24, fileName: '24_校內幹部經歷_123456_114_2.xlsx', rowCount: 1, review: null });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(second.bytes.buffer);
    expect(book.getWorksheet('幹部經歷紀錄')!.getRow(2).values).toEqual([undefined, chen.nationalId, '0980301', '學生會', '1150201', '', '會長', '1']);
  });

  it('builds grade 12 batches 34 and 74 from grade-12 students only, both complete', async () => {
    await start();
    await seedRecords(cadres);
    await setGrade('S001', 3);
    for (const [batch, kind] of [['grade12-first', 34], ['grade12-second', 74]] as const) {
      const res = await exported({ roster: 'cadres', batch });
      expect(res).toMatchObject({ kind, fileName: `${kind}_校內幹部經歷_123456_114_1.xlsx`, rowCount: 1, review: { rowCount: 1 } });
      const workbook = await open(res.downloadUrl);
      expect(workbook['封面']).toEqual([COVER, ['123456', 114, 1, kind]]);
      expect(workbook['幹部經歷紀錄']).toEqual([CADRE, [chen.nationalId, '0980301', '學生會', '1140901', '1150131', '會長', '1']]);
      expect(JSON.stringify(await open(res.review.downloadUrl))).not.toContain(lin.nationalId);
    }
  });

  it('with rosters.secondBatch changed-since-first, 74 and 75 carry only what was added, changed or selected after the first batch, and need the first batch', async () => {
    await start({ rosters: { secondBatch: 'changed-since-first' } });
    await seedRecords([...cadres, ...performances]);
    await setGrade('S001', 3);
    const early = await t.mutate('registry.rosters.export', { academicYear: 114, semester: 1, roster: 'cadres', batch: 'grade12-second' }, users.registry);
    expect(early.error?.licheng).toMatchObject({ code: 'roster-first-batch-missing', params: { kind: 34, academicYear: 114 } });
    expect((await exported({ roster: 'cadres', batch: 'grade12-first' })).rowCount).toBe(1);
    expect((await exported({ roster: 'performances', batch: 'grade12-first' })).rowCount).toBe(2);
    // After the first batch: a new cadre, and a performance entered earlier is selected now.
    t.clock.now = new Date('2025-10-20T04:00:00Z');
    await seedRecords([{ student: 'S001', kind: 'cadre', data: { unit: '畢聯會', startDate: '2025-10-15', position: '主席', level: '1' } }]);
    await db().updateTable('records').set({ updated_at: '2025-10-15T00:00:00.000Z' }).where('data', 'like', '%畢聯會%').execute();
    const work = await db().selectFrom('records').select(['id', 'student_id']).where('summary', '=', '未勾選').executeTakeFirstOrThrow();
    await db().insertInto('selections').values({ id: newId(), school_code: t.config.code, student_id: work.student_id, record_id: work.id, kind: 'performance', academic_year: 114, created_at: '2025-10-16T00:00:00.000Z' }).execute();
    const second = await exported({ roster: 'cadres', batch: 'grade12-second' });
    expect(second).toMatchObject({ kind: 74, rowCount: 1, review: null });
    expect((await open(second.downloadUrl))['幹部經歷紀錄']).toEqual([CADRE, [chen.nationalId, '0980301', '畢聯會', '1141015', '', '主席', '1']]);
    const performed = await exported({ roster: 'performances', batch: 'grade12-second' });
    expect(performed).toMatchObject({ kind: 75, rowCount: 1 });
    expect((await open(performed.downloadUrl))['作品成果紀錄']).toEqual([['身分證號', '出生日期', '名稱', '日期', '內容簡述'], [chen.nationalId, '0980301', '未勾選作品', '1141001', '未勾選']]);
    // The regular roster is unaffected by the setting.
    expect((await exported({ roster: 'cadres' })).rowCount).toBe(3);
  });

  it('with changed-since-first, 76 carries only the outcomes certified or selected after 36 was exported', async () => {
    const { courseIds } = await start({ rosters: { secondBatch: 'changed-since-first' } });
    await setGrade('S001', 3);
    const s001 = await db().selectFrom('students').select('id').where('student_no', '=', 'S001').executeTakeFirstOrThrow();
    const outcome = async (course: string, summary: string, at: string) => {
      const id = newId();
      await db().insertInto('records').values({ id, school_code: t.config.code, kind: 'outcome', student_id: s001.id, course_id: courseIds[course], academic_year: 114, semester: 1, summary, data: '{}', document_file_id: null, media_file_id: null, status: 'passed', status_reason: null, decided_by: null, decided_by_name: null, decided_role: null, decided_at: null, entered_by: 's', entered_role: 'student', version: 1, created_at: at, updated_at: at }).execute();
      await db().insertInto('selections').values({ id: newId(), school_code: t.config.code, student_id: s001.id, record_id: id, kind: 'outcome', academic_year: 114, created_at: at }).execute();
    };
    await outcome('國語文', '第一梯次的成果', '2025-09-20T00:00:00.000Z');
    expect((await t.mutate('registry.rosters.export', { academicYear: 114, semester: 1, roster: 'outcomes', batch: 'grade12-second' }, users.registry)).error?.licheng?.code).toBe('roster-first-batch-missing');
    expect((await exported({ roster: 'outcomes', batch: 'grade12-first' })).rowCount).toBe(1);
    t.clock.now = new Date('2025-10-20T04:00:00Z');
    await outcome('物理', '之後認證的成果', '2025-10-10T00:00:00.000Z');
    const second = await exported({ roster: 'outcomes', batch: 'grade12-second' });
    expect(second).toMatchObject({ kind: 76, rowCount: 1 });
    expect((await open(second.downloadUrl))['學期課程學習成果']!.map((r) => r.at(-1))).toEqual(['成果簡述', '之後認證的成果']);
  });

  const performances: Rec[] = [
    { student: 'S001', kind: 'performance-service', data: { name: '淨灘', unit: '海巡署', startDate: '2025-09-06', endDate: '2025-09-06', hours: 4 }, summary: '清理海灘', enteredRole: 'student', selected: 'performance' },
    { student: 'S001', kind: 'performance-competition', data: { name: '科展', level: '2', resultDate: '2025-11-20', participation: '2' }, summary: '縣市科展', enteredRole: 'student', selected: 'performance' },
    { student: 'S001', kind: 'performance-work', data: { name: '未勾選作品', date: '2025-10-01' }, summary: '未勾選', enteredRole: 'student' },
    { student: 'S002', kind: 'performance-other', data: { name: '志工', startDate: '2025-09-01' }, summary: '醫院志工', enteredRole: 'student', selected: 'performance' },
    { student: 'S002', kind: 'performance-other', data: { name: '營隊', startDate: '2025-10-01', hours: 8 }, summary: '營隊', enteredRole: 'student', selected: 'performance', status: 'pending' },
    { student: 'S002', kind: 'performance-other', data: { name: '第三件', startDate: '2025-11-01' }, summary: '超過上限', enteredRole: 'student', selected: 'performance' },
    { student: 'S002', kind: 'performance-cadre', data: { unit: '學生會', startDate: '2025-09-01', position: '幹事', level: '1' }, summary: '學校登錄', enteredRole: 'activities-staff', selected: 'performance' },
    { student: 'S003', kind: 'performance-other', data: { name: '去年', startDate: '2024-09-01' }, summary: '去年', enteredRole: 'student', selected: 'performance', year: 113 },
  ];

  it('builds roster 25 for the year: cover 學期 0, ten sheets, the selected performances the student entered; unpassed and over-cap rows kept back', async () => {
    await start({ rules: { performances: { selectionCapPerYear: 2 } } });
    await seedRecords(performances);
    const res = await exported({ roster: 'performances', semester: 1 });
    expect(res).toMatchObject({ kind: 25, fileName: '25_多元表現_123456_114_0.xlsx', rowCount: 3, review: { rowCount: 2 } });
    expect(res.problems.map((p: any) => [p.code, p.office])).toEqual([
      ['not-passed', 'activities-staff'],
      ['over-cap', 'student'],
    ]);
    const workbook = await open(res.downloadUrl);
    expect(Object.keys(workbook)).toEqual(['封面', ...PERFORMANCE_SHEETS]);
    expect(workbook['封面']).toEqual([COVER, ['123456', 114, 0, 25]]);
    expect(workbook['服務學習紀錄']).toEqual([SERVICE, [chen.nationalId, '0980301', '淨灘', '海巡署', '1140906', '1140906', 4, '清理海灘']]);
    expect(workbook['競賽參與紀錄']).toEqual([COMPETITION, [chen.nationalId, '0980301', '科展', '', '2', '', '1141120', '縣市科展', '2']]);
    expect(workbook['其他多元表現紀錄']).toEqual([OTHER, [lin.nationalId, '0980512', '志工', '', '1140901', '', -1, '醫院志工']]);
    for (const sheet of PERFORMANCE_SHEETS.filter((s) => !['服務學習紀錄', '競賽參與紀錄', '其他多元表現紀錄'].includes(s))) expect(workbook[sheet], sheet).toHaveLength(1);
    expect(await open(res.review.downloadUrl)).toEqual({
      '其他多元表現紀錄(缺)': [
        [...OTHER, '待處理原因'],
        [lin.nationalId, '0980512', '營隊', '', '1141001', '', 8, '營隊', NOT_PASSED],
        [lin.nationalId, '0980512', '第三件', '', '1141101', '', -1, '超過上限', OVER_CAP(2)],
      ],
    });
  });

  it('builds grade 12 batches 35 / 75 of performances and 36 / 76, 38 / 78 of outcomes from grade-12 students only', async () => {
    const { courseIds } = await start();
    await seedRecords(performances);
    await setGrade('S002', 3);
    for (const [batch, kind] of [['grade12-first', 35], ['grade12-second', 75]] as const) {
      const res = await exported({ roster: 'performances', batch });
      expect(res).toMatchObject({ kind, fileName: `${kind}_多元表現_123456_114_0.xlsx`, rowCount: 2, review: { rowCount: 1 } });
      const workbook = await open(res.downloadUrl);
      expect(workbook['封面']).toEqual([COVER, ['123456', 114, 0, kind]]);
      expect(JSON.stringify(workbook)).not.toContain(chen.nationalId);
    }
    // Outcomes: S002 (grade 12, day) and S003 (grade 12, night) each have one; S001 (grade 10) is left out.
    await setGrade('S003', 3);
    await db().updateTable('students').set({ division: 'night' }).where('student_no', '=', 'S003').execute();
    const students = new Map((await db().selectFrom('students').select(['id', 'student_no']).execute()).map((s: any) => [s.student_no, s.id]));
    for (const [no, course] of [['S001', '國語文'], ['S002', '物理'], ['S003', '國語文']] as const) {
      const id = newId();
      await db().insertInto('records').values({ id, school_code: t.config.code, kind: 'outcome', student_id: students.get(no), course_id: courseIds[course], academic_year: 114, semester: 1, summary: `${no}成果`, data: '{}', document_file_id: null, media_file_id: null, status: 'passed', status_reason: null, decided_by: null, decided_by_name: null, decided_role: null, decided_at: null, entered_by: 's', entered_role: 'student', version: 1, created_at: '2025-10-01T00:00:00.000Z', updated_at: '2025-10-01T00:00:00.000Z' }).execute();
      await db().insertInto('selections').values({ id: newId(), school_code: t.config.code, student_id: students.get(no), record_id: id, kind: 'outcome', academic_year: 114, created_at: '2025-10-01T00:00:00.000Z' }).execute();
    }
    const code = (subject: string) => testRoster.courses.find((c) => c.subjectName === subject)!.code;
    await db().insertInto('course_grades').values({ id: newId(), school_code: t.config.code, student_id: students.get('S003'), academic_year: 114, semester: 1, take: 'night', course_code: code('國語文'), score: '80', passed: 1, make_up_score: '-1', make_up_passed: -1, credit_counted: 1, description: '', context_json: JSON.stringify({ periods: 4 }), created_at: '2025-10-01T00:00:00.000Z', updated_at: '2025-10-01T00:00:00.000Z' }).execute();
    const regular = await exported({ roster: 'outcomes' });
    expect(regular.rowCount).toBe(2);
    for (const [roster, batch, kind, student, subject] of [
      ['outcomes', 'grade12-first', 36, lin, '物理'],
      ['outcomes', 'grade12-second', 76, lin, '物理'],
      ['night-outcomes', 'grade12-first', 38, chang, '國語文'],
      ['night-outcomes', 'grade12-second', 78, chang, '國語文'],
    ] as const) {
      const res = await exported({ roster, batch });
      expect(res).toMatchObject({ kind, rowCount: 1, review: null });
      const workbook = await open(res.downloadUrl);
      expect(workbook['封面']).toEqual([COVER, ['123456', 114, 0, kind]]);
      const rows = workbook['學期課程學習成果']!;
      expect(rows).toHaveLength(2);
      expect(rows[1]!.slice(0, 4)).toEqual([student.nationalId, rosterBirth(student.birthDate), code(subject), subject]);
      expect(JSON.stringify(workbook)).not.toContain(chen.nationalId);
    }
  });

  it('refuses 學生資料名冊 while its number is unset; once set, keeps every row on (缺) naming the columns the platform does not hold', async () => {
    await start();
    const unset = await t.mutate('registry.rosters.export', { academicYear: 114, semester: 1, roster: 'student-data' }, users.registry);
    expect(unset.error?.licheng?.code).toBe('roster-number-unset');
    expect(await db().selectFrom('stored_files').select('id').execute()).toEqual([]);
    await t.close();

    await start({ rosters: { numbers: { 'student-data': { regular: 21 } } } });
    const s002 = await db().selectFrom('students').select('id').where('student_no', '=', 'S002').executeTakeFirstOrThrow();
    await db().insertInto('status_changes').values({ id: newId(), school_code: t.config.code, student_id: s002.id, date: '2025-09-15', kind: 'borrow', status_code: '000', note: '', created_at: '2025-09-15T00:00:00.000Z' }).execute();
    const res = await exported({ roster: 'student-data' });
    expect(res).toMatchObject({ kind: 21, fileName: '21_學生資料_123456_114_1.xlsx', rowCount: 0, review: { rowCount: 4 } });
    expect(res.problems.every((p: any) => p.code === 'column-unfilled' && p.office === 'registry-staff')).toBe(true);
    const workbook = await open(res.downloadUrl);
    expect(Object.keys(workbook)).toEqual(['封面', '學生資料', '學生借讀資料']);
    expect(workbook['封面']).toEqual([COVER, ['123456', 114, 1, 21]]);
    expect(workbook['學生資料']).toHaveLength(1);
    expect(workbook['學生借讀資料']).toEqual([['身分證號', '所屬學校代碼', '借讀學校代碼', '群別', '借讀科班學程別', '借讀代碼', '申請開始日期', '申請結束日期']]);
    const review = await open(res.review.downloadUrl);
    const data = review['學生資料(缺)']!;
    expect(data[0]!.slice(0, 3)).toEqual(['身分證號', '性別代碼', '出生日期']);
    expect(data[1]!.slice(0, 3)).toEqual([chen.nationalId, '', '0980301']);
    expect(String(data[1]!.at(-1))).toBe(
      '平臺無此欄位資料：性別代碼、群別代碼、科班學程別代碼、部別代碼、班別、特殊身分別、原住民族別、原住民身分別、族語認證報考方言、報考年度、族語認證有效日期、實驗班名稱、入學方式、學籍狀態',
    );
    expect(review['學生借讀資料(缺)']).toEqual([
      ['身分證號', '所屬學校代碼', '借讀學校代碼', '群別', '借讀科班學程別', '借讀代碼', '申請開始日期', '申請結束日期', '待處理原因'],
      [lin.nationalId, '123456', '', '', '', '', '1140915', '', '平臺無此欄位資料：借讀學校代碼、群別、借讀科班學程別、借讀代碼、申請結束日期'],
    ]);
  });

  it('leaves a student of another grade out of 學生資料名冊 grade 12 batches, and refuses an unset batch number', async () => {
    await start({ rosters: { numbers: { 'student-data': { regular: 21, 'grade12-first': 37 } } } });
    await setGrade('S003', 3);
    const res = await exported({ roster: 'student-data', batch: 'grade12-first' });
    expect(res).toMatchObject({ kind: 37, review: { rowCount: 1 } });
    expect(res.problems.map((p: any) => p.studentId)).toHaveLength(1);
    const review = await open(res.review.downloadUrl);
    expect(review['學生資料(缺)']!.map((r) => r[0])).toEqual(['身分證號', chang.nationalId]);
    const second = await t.mutate('registry.rosters.export', { academicYear: 114, semester: 1, roster: 'student-data', batch: 'grade12-second' }, users.registry);
    expect(second.error?.licheng?.code).toBe('roster-number-unset');
  });
});

function rosterBirth(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${String(Number(y) - 1911).padStart(3, '0')}${m}${d}`;
}
