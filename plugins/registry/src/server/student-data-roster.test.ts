import { afterEach, describe, expect, it } from 'vitest';
import { newId } from '@licheng/db';
import { testDialects } from '@licheng/db/testing';
import { createTestLicheng, seedRoster, setTestSchedule, testRoster, users, type TestLicheng } from '@licheng/server/testing';
import registry from './index.ts';
import { csvBytes, fileOf, importForm, ROSTER_WINDOWS, type Rows, sheetsAt } from './test-support.ts';

/** The 學生名冊 with the optional 學生資料名冊 columns (their values are the school's own, sent as given). */
const HEADER = ['學號', '姓名', '身分證號', '出生日期', '年級', '班級', '座號', '科別代碼', '系統帳號',
  '性別代碼', '群別代碼', '部別代碼', '班別', '特殊身分別', '原住民族別', '原住民身分別', '族語認證報考方言', '報考年度', '族語認證有效日期', '實驗班名稱', '入學方式', '學籍狀態'];
type Student = (typeof testRoster.students)[number];
const [chen, lin, chang] = testRoster.students;
const full = (s: Student | undefined, gender: string) => [s!.studentNo, s!.name, s!.nationalId, s!.birthDate, 1, '101', s!.seatNo, '301', s!.hostUserId,
  gender, '22', 'D', '1', '0', '0', '0', '無', '113', '1140731', '數理實驗班', '5', '1'];

describe.each(testDialects())('學生資料名冊 from the imported 學生名冊 columns on %s', (dialect) => {
  let t: TestLicheng;
  afterEach(async () => t?.close());
  const db = () => t.db.kysely as any;

  async function start() {
    t = await createTestLicheng({ dialect, plugins: [registry], config: { rosters: { numbers: { 'student-data': { regular: 21 } } } } });
    await setTestSchedule(t, ROSTER_WINDOWS);
    await seedRoster(t);
  }
  const importStudents = (rows: Rows) => t.upload('registry.imports.run', importForm('students', fileOf(csvBytes(rows), '學生.csv')), users.registry);
  const stored = async () =>
    Object.fromEntries((await db().selectFrom('students').select(['student_no', 'roster_fields']).execute()).map((s: any) => [s.student_no, s.roster_fields === null ? null : JSON.parse(s.roster_fields)]));

  const open = (url: string) => sheetsAt(t, url);


  it('refuses a file with an over-long or multi-line value row by row, naming the column, and writes nothing', async () => {
    await start();
    const long = full(chen, '1'.repeat(21));
    const broken = full(lin, '2');
    broken[19] = '數理\n實驗班';
    const res = await importStudents([HEADER, long, broken, full(chang, '1')]);
    expect(res.error).toBeNull();
    expect(res.data.ok).toBe(false);
    expect(res.data.issues.map((i: any) => [i.row, i.column, i.code])).toEqual([
      [2, '性別代碼', 'import-value-too-long'],
      [3, '實驗班名稱', 'import-text-line-break'],
    ]);
    expect(await stored()).toEqual({ S001: null, S002: null, S003: null });
  });

  it('stores the columns per student, trimmed; a later file without them, or with blank cells, erases nothing', async () => {
    await start();
    const padded = full(chen, ' 1 ');
    const res = await importStudents([HEADER, padded, full(lin, '2')]);
    expect(res.data).toMatchObject({ ok: true, counts: { inserted: 0, updated: 2, unchanged: 0 } });
    const values = { genderCode: '1', groupCode: '22', divisionCode: 'D', classKind: '1', specialStatus: '0', indigenousTribe: '0', indigenousStatus: '0', languageDialect: '無', languageExamYear: '113', languageValidUntil: '1140731', experimentalClass: '數理實驗班', admissionMethod: '5', enrolmentStatus: '1' };
    expect(await stored()).toEqual({ S001: values, S002: { ...values, genderCode: '2' }, S003: null });

    // The plain 學生名冊 again; then S002 moved to seat 9 with blank cells and S001 with only 入學方式
    // changed, in one write: each keeps the rest as stored.
    const plain = (s: Student | undefined) => [s!.studentNo, s!.name, s!.nationalId, s!.birthDate, 1, '101', s!.seatNo, '301', s!.hostUserId];
    expect((await importStudents([HEADER.slice(0, 9), plain(chen), plain(lin)])).data).toMatchObject({ ok: true, counts: { unchanged: 2 } });
    const blanks = ['', '', '', '', '', '', '', '', '', '', '', '', ''];
    const moved = [...plain(lin), ...blanks];
    moved[6] = 9;
    const changed = [...plain(chen), ...blanks.slice(0, 11), '3', ''];
    expect((await importStudents([HEADER, moved, changed])).data).toMatchObject({ ok: true, counts: { updated: 2 } });
    expect(await stored()).toEqual({ S001: { ...values, admissionMethod: '3' }, S002: { ...values, genderCode: '2' }, S003: null });
    expect((await db().selectFrom('students').select('seat_no').where('student_no', '=', 'S002').executeTakeFirstOrThrow()).seat_no).toBe(9);
  });

  it('submits a student with every column filled and keeps one with a column still empty on (缺), naming it', async () => {
    await start();
    const partial = [chang!.studentNo, chang!.name, chang!.nationalId, chang!.birthDate, 1, '101', chang!.seatNo, '301', chang!.hostUserId, '2', '22', 'D', '1', '0', '0', '0', '', '', '', '', '5', '1'];
    expect((await importStudents([HEADER, full(chen, '1'), full(lin, '2'), partial])).data.ok).toBe(true);
    const res = (await t.mutate('registry.rosters.export', { academicYear: 114, semester: 1, roster: 'student-data' }, users.registry)).data;
    expect(res).toMatchObject({ kind: 21, rowCount: 2, review: { rowCount: 1 } });
    expect(res.problems).toEqual([expect.objectContaining({ code: 'column-unfilled', sheet: '學生資料', office: 'registry-staff' })]);
    const workbook = await open(res.downloadUrl);
    expect(workbook['學生資料']).toEqual([
      ['身分證號', '性別代碼', '出生日期', '群別代碼', '科班學程別代碼', '部別代碼', '班別', '年級', '班級名稱', '座號', '特殊身分別', '原住民族別', '原住民身分別', '族語認證報考方言', '報考年度', '族語認證有效日期', '實驗班名稱', '入學方式', '學籍狀態', '學籍異動日期'],
      [chen!.nationalId, '1', '0980301', '22', '301', 'D', '1', 1, '101', 1, '0', '0', '0', '無', '113', '1140731', '數理實驗班', '5', '1', ''],
      [lin!.nationalId, '2', '0980512', '22', '301', 'D', '1', 1, '101', 2, '0', '0', '0', '無', '113', '1140731', '數理實驗班', '5', '1', ''],
    ]);
    const review = await open(res.review.downloadUrl);
    const kept = review['學生資料(缺)']!;
    expect(kept).toHaveLength(2);
    expect(kept[1]!.slice(0, 2)).toEqual([chang!.nationalId, '2']);
    expect(String(kept[1]!.at(-1))).toBe('平臺無此欄位資料：族語認證報考方言、報考年度、族語認證有效日期、實驗班名稱');
  });
  it('needs the window of every class its students are placed in this term, and none of a class whose students all left', async () => {
    await start();
    const term = { academicYear: 114, semester: 1, roster: 'student-data' };
    const window = ROSTER_WINDOWS[0];
    const chang3 = await db().selectFrom('students').select('id').where('student_no', '=', 'S003').executeTakeFirstOrThrow();
    // S003 sits in 102 this term (its placement), a class whose window closed on 09/30.
    await db().insertInto('term_placements').values({ id: newId(), school_code: t.config.code, student_id: chang3.id, academic_year: 114, semester: 1, division: 'day', class_name: '102', seat_no: 1, created_at: '2025-08-01T00:00:00.000Z', updated_at: '2025-08-01T00:00:00.000Z' }).execute();
    await setTestSchedule(t, [window, { ...window, classes: ['102'], end: '2025-09-30' }]);
    t.clock.now = new Date('2025-10-01T04:00:00Z');
    expect((await t.query('registry.rosters.list', { academicYear: 114, semester: 1 }, users.registry)).data.rosters.find((r: any) => r.roster === 'student-data').batches[0].refusal).toContain('114/09/30');
    expect((await t.mutate('registry.rosters.export', term, users.registry)).error?.licheng?.code).toBe('window-closed');
    // S003 left before the term began: 102 has no student of the term, and its window no longer matters.
    await db().insertInto('status_changes').values({ id: newId(), school_code: t.config.code, student_id: chang3.id, date: '2025-07-31', kind: 'transfer-out', status_code: '321', note: '', created_at: '2025-07-31T00:00:00.000Z' }).execute();
    expect((await t.mutate('registry.rosters.export', term, users.registry)).error).toBeNull();
  });
});
