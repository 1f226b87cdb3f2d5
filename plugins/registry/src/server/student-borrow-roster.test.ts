import { afterEach, describe, expect, it } from 'vitest';
import { testDialects } from '@licheng/db/testing';
import { createTestLicheng, seedRoster, setTestSchedule, testRoster, users, type TestLicheng } from '@licheng/server/testing';
import registry from './index.ts';
import { csvBytes, fileOf, importForm, ROSTER_WINDOWS, xlsxBytes, type Rows, sheetsAt } from './test-support.ts';

/** The 學生名冊 with the optional 借讀 columns of 學生借讀資料. */
const HEADER = ['學號', '姓名', '身分證號', '出生日期', '年級', '班級', '座號', '系統帳號', '借讀學校代碼', '借讀群別', '借讀科班學程別', '借讀代碼'];
const BORROW_COLUMNS = ['身分證號', '所屬學校代碼', '借讀學校代碼', '群別', '借讀科班學程別', '借讀代碼', '申請開始日期', '申請結束日期'];
type Student = (typeof testRoster.students)[number];
const [chen, lin, chang] = testRoster.students;
const row = (s: Student | undefined, borrow: Array<string | number>) => [s!.studentNo, s!.name, s!.nationalId, s!.birthDate, 1, '101', s!.seatNo, s!.hostUserId, ...borrow];

describe.each(testDialects())('學生借讀資料 from the imported 借讀 columns on %s', (dialect) => {
  let t: TestLicheng;
  afterEach(async () => t?.close());
  const db = () => t.db.kysely as any;

  async function start() {
    t = await createTestLicheng({ dialect, plugins: [registry], config: { rosters: { numbers: { 'student-data': { regular: 21 } } } } });
    await setTestSchedule(t, ROSTER_WINDOWS);
    await seedRoster(t);
  }
  const upload = (kind: string, bytes: Uint8Array, name: string) => t.upload('registry.imports.run', importForm(kind, fileOf(bytes, name)), users.registry);
  const importStudents = (rows: Rows) => upload('students', csvBytes(rows), '學生.csv');
  const stored = async () =>
    Object.fromEntries((await db().selectFrom('students').select(['student_no', 'roster_fields']).execute()).map((s: any) => [s.student_no, s.roster_fields === null ? null : JSON.parse(s.roster_fields)]));

  const open = (url: string) => sheetsAt(t, url);


  it('refuses a 借讀學校代碼 that is not 6 digits and an over-long 借讀群別 row by row, naming the column, and writes nothing', async () => {
    await start();
    const res = await importStudents([HEADER, row(chen, ['羅東高中', '22', '301', 'B1']), row(lin, ['013402', '2'.repeat(21), '301', 'B1']), row(chang, ['1340', '', '', ''])]);
    expect(res.error).toBeNull();
    expect(res.data.ok).toBe(false);
    expect(res.data.issues.map((i: any) => [i.row, i.column, i.code, i.message])).toEqual([
      [2, '借讀學校代碼', 'import-school-code-invalid', '「借讀學校代碼」的「羅東高中」不是學校代碼（應為 6 位數字）'],
      [3, '借讀群別', 'import-value-too-long', '「借讀群別」不可超過 20 字（目前 21 字）'],
      [4, '借讀學校代碼', 'import-school-code-invalid', '「借讀學校代碼」的「1340」不是學校代碼（應為 6 位數字）'],
    ]);
    expect(await stored()).toEqual({ S001: null, S002: null, S003: null });
  });

  it('stores the 借讀 columns with the student beside the 學生資料 columns; a blank cell or a later file without them erases nothing', async () => {
    await start();
    // An Excel file whose 借讀學校代碼 cell became the number 13402 reads as 013402.
    const first = await upload('students', await xlsxBytes([[...HEADER, '性別代碼'], row(chen, [13402, '22', '301', 'B1', '1']), row(lin, ['123457', '', '', '', ''])]), '學生.xlsx');
    expect(first.data).toMatchObject({ ok: true, counts: { updated: 2, unchanged: 0 } });
    const chenFields = { genderCode: '1', borrowSchoolCode: '013402', borrowGroup: '22', borrowDepartment: '301', borrowCode: 'B1' };
    expect(await stored()).toEqual({ S001: chenFields, S002: { borrowSchoolCode: '123457' }, S003: null });

    // The plain 學生名冊, then S001 with only 借讀代碼 changed and S002 with the rest added.
    expect((await importStudents([HEADER.slice(0, 8), row(chen, []), row(lin, [])])).data).toMatchObject({ ok: true, counts: { unchanged: 2 } });
    expect((await importStudents([HEADER, row(chen, ['', '', '', 'B2']), row(lin, ['', '21', '302', 'C1'])])).data).toMatchObject({ ok: true, counts: { updated: 2 } });
    expect(await stored()).toEqual({
      S001: { ...chenFields, borrowCode: 'B2' },
      S002: { borrowSchoolCode: '123457', borrowGroup: '21', borrowDepartment: '302', borrowCode: 'C1' },
      S003: null,
    });
  });

  it('fills a 借讀 standing in the term from the imported columns; a row with a column still empty waits on (缺) naming only it', async () => {
    await start();
    const imported = await importStudents([
      HEADER,
      row(chen, ['013402', '22', '301', 'B1']), // 借讀 from 8/20, back on 9/30: complete
      row(lin, ['013402', '22', '301', '']), // 借讀 ended too, but no 借讀代碼
      row(chang, ['020308', '11', '201', 'B3']), // 借讀 still going: no 申請結束日期
    ]);
    expect(imported.data.ok).toBe(true);
    const changes = await upload('status-changes', csvBytes([
      ['學號', '異動日期', '異動類別', '學籍異動代碼', '備註'],
      ['S001', '114/08/20', '借讀', '000', ''],
      ['S001', '114/09/30', '復學', '000', ''],
      ['S002', '114/09/01', '借讀', '000', ''],
      ['S002', '114/09/15', '復學', '000', ''],
      ['S003', '114/09/10', '借讀', '000', ''],
    ]), '學籍異動.csv');
    expect(changes.data.ok).toBe(true);

    const res = (await t.mutate('registry.rosters.export', { academicYear: 114, semester: 1, roster: 'student-data' }, users.registry)).data;
    // Every 學生資料 row waits (its thirteen columns were not imported); one 學生借讀資料 row is complete.
    expect(res).toMatchObject({ kind: 21, rowCount: 1, review: { rowCount: 5 } });
    const borrowProblems = res.problems.filter((p: any) => p.sheet === '學生借讀資料');
    expect(borrowProblems.map((p: any) => [p.code, p.office, p.reason])).toEqual([
      ['column-unfilled', 'registry-staff', '平臺無此欄位資料：借讀代碼'],
      ['column-unfilled', 'registry-staff', '平臺無此欄位資料：申請結束日期'],
    ]);
    const workbook = await open(res.downloadUrl);
    expect(workbook['學生借讀資料']).toEqual([BORROW_COLUMNS, [chen!.nationalId, '123456', '013402', '22', '301', 'B1', '1140820', '1140930']]);
    const review = await open(res.review.downloadUrl);
    expect(review['學生借讀資料(缺)']).toEqual([
      [...BORROW_COLUMNS, '待處理原因'],
      [lin!.nationalId, '123456', '013402', '22', '301', '', '1140901', '1140915', '平臺無此欄位資料：借讀代碼'],
      [chang!.nationalId, '123456', '020308', '11', '201', 'B3', '1140910', '', '平臺無此欄位資料：申請結束日期'],
    ]);
  });
});
