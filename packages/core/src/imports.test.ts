import { describe, expect, expectTypeOf, it } from 'vitest';
import { IMPORT_KINDS, importTemplates } from './import-templates.ts';
import { importRowSchemas } from './import-schemas.ts';
import { normalizeHeader, resolveColumns, validateImportRows } from './imports.ts';

const CODE = '108120401E22L0107020005';

describe('templates', () => {
  it('have unique keys and headers, and examples that pass their own schema', () => {
    for (const kind of IMPORT_KINDS) {
      const cols = importTemplates[kind].columns;
      expect(new Set(cols.map((c) => c.key)).size).toBe(cols.length);
      expect(new Set(cols.map((c) => c.header)).size).toBe(cols.length);
      const example = Object.fromEntries(cols.map((c) => [c.key, c.example]));
      expect(importRowSchemas[kind].safeParse(example).success, kind).toBe(true);
    }
  });
});

describe('resolveColumns', () => {
  it('matches headers loosely: width, case, spaces, aliases, English headers, keys, markers', () => {
    const { columns, errors } = resolveColumns('students', [
      '\uFEFF學號',
      ' 姓 名 ',
      '身分證字號',
      '出生日期(民國年/月/日)',
      'GRADE',
      '班級*',
      'seat_no',
      '備註',
      '部別',
    ]);
    expect(errors).toEqual([]);
    expect(columns).toEqual({ studentNo: 0, name: 1, nationalId: 2, birthDate: 3, grade: 4, className: 5, seatNo: 6, division: 8 });
    expect(normalizeHeader('Ｅ－ｍａｉｌ')).toBe('email');
  });

  it('reports each missing required column, not optional ones', () => {
    const { errors } = resolveColumns('teachers', ['姓名']);
    expect(errors).toEqual([
      { row: 1, column: '教師代號', code: 'import-header-missing', params: { column: '教師代號' }, message: '缺少必要欄位「教師代號」' },
    ]);
  });

  it('lets a mapping override matching, and reports a mapping to a header not present', () => {
    const { columns, errors } = resolveColumns('teachers', ['代號', '姓名', '教師代號'], { teacherNo: '代號', email: '信箱地址' });
    expect(columns).toEqual({ teacherNo: 0, name: 1 });
    expect(errors.map((e) => [e.code, e.params])).toEqual([['import-mapping-invalid', { column: '電子郵件', header: '信箱地址' }]]);
  });

  it('reports a column that appears twice', () => {
    const { columns, errors } = resolveColumns('teachers', ['教師代號', '姓名', '教師編號']);
    expect(columns.teacherNo).toBe(0);
    expect(errors.map((e) => e.code)).toEqual(['import-header-duplicate']);
  });
});

function run<K extends (typeof IMPORT_KINDS)[number]>(kind: K, header: string[], rows: unknown[][]) {
  const { columns, errors } = resolveColumns(kind, header);
  expect(errors).toEqual([]);
  return validateImportRows(kind, rows, columns);
}

describe('validateImportRows: students', () => {
  const header = ['學號', '姓名', '身分證號', '出生日期', '年級', '班級', '座號', '部別', '科別代碼', '系統帳號'];

  it('reads the optional 學生資料名冊 columns as trimmed text of their own cap, by zh-TW or English header; blank ones are left out', () => {
    const base = ['1130001', '王小明', 'A123456789', '97/5/12', '1', '101', '5', '', '', ''];
    const { rows, issues } = run('students', [...header, '性別代碼', 'Group code', '實驗班名稱', '學籍狀態'], [
      [...base, ' 1 ', 22, '數理實驗班', ''],
      [...base.map((v, i) => (i === 0 ? '1130002' : i === 2 ? 'B223456782' : v)), '', '', '', ''],
      [...base.map((v, i) => (i === 0 ? '1130003' : i === 2 ? 'C123456781' : v)), '1'.repeat(21), '', '班'.repeat(51), ''],
    ]);
    expect(rows.map((r) => r.value.rosterFields)).toEqual([{ genderCode: '1', groupCode: '22', experimentalClass: '數理實驗班' }, undefined]);
    expect(issues.map((i) => [i.row, i.column, i.code, i.params?.max])).toEqual([
      [4, '性別代碼', 'import-value-too-long', 20],
      [4, '實驗班名稱', 'import-value-too-long', 50],
    ]);
  });

  it('reads the 借讀 columns of 學生借讀資料: 借讀學校代碼 as a 6-digit school code (a number cell padded back), 借讀群別 and the rest as capped text', () => {
    const base = ['1130001', '王小明', 'A123456789', '97/5/12', '1', '101', '5', '', '', ''];
    const other = (no: string, id: string) => base.map((v, i) => (i === 0 ? no : i === 2 ? id : v));
    const { rows, issues } = run('students', [...header, '借讀學校代碼', '借讀群別', 'Borrowed-study department', '借讀代碼', '群別代碼'], [
      [...base, ' ０１３４０２ ', '22', '301', 'B1', '11'],
      [...other('1130002', 'B223456782'), 13402, '', '', '', ''],
      [...other('1130003', 'C123456781'), '13402', '2'.repeat(21), '', '', ''],
      [...other('1130004', 'D123456782'), '羅東高中', '', '', '借\n讀', ''],
    ]);
    expect(rows.map((r) => r.value.rosterFields)).toEqual([
      { groupCode: '11', borrowSchoolCode: '013402', borrowGroup: '22', borrowDepartment: '301', borrowCode: 'B1' },
      { borrowSchoolCode: '013402' },
    ]);
    expect(issues.map((i) => [i.row, i.column, i.code])).toEqual([
      [4, '借讀學校代碼', 'import-school-code-invalid'],
      [4, '借讀群別', 'import-value-too-long'],
      [5, '借讀學校代碼', 'import-school-code-invalid'],
      [5, '借讀代碼', 'import-text-line-break'],
    ]);
    expect(issues[0]!.message).toBe('「借讀學校代碼」的「13402」不是學校代碼（應為 6 位數字）');
  });

  it('lists the 借讀 columns in the 學生名冊 template after the thirteen 學生資料 columns, 群別 under its own header', () => {
    const columns = importTemplates.students.columns.slice(-4);
    expect(columns.map((c) => [c.key, c.header, c.required])).toEqual([
      ['borrowSchoolCode', '借讀學校代碼', false],
      ['borrowGroup', '借讀群別', false],
      ['borrowDepartment', '借讀科班學程別', false],
      ['borrowCode', '借讀代碼', false],
    ]);
    expect(columns[1]!.note).toBe('學生資料名冊「學生借讀資料」用（名冊欄位「群別」），依貴校校務系統的值填寫，最多 20 字；留空則保留原值');
  });

  it('reads good rows from strings, numbers and Dates', () => {
    const { rows, issues } = run('students', header, [
      ['1130001', '王小明', 'a123456789', '97/5/12', '1', '101', '5', '', '', ''],
      [1130002, '林小美', 'AC01234567', new Date(Date.UTC(2008, 6, 1)), 2, 201, 12, '進修部', '301', 's1130002'],
    ]);
    expect(issues).toEqual([]);
    expect(rows).toEqual([
      {
        rowNumber: 2,
        value: {
          studentNo: '1130001', name: '王小明', nationalId: 'A123456789', birthDate: '2008-05-12', grade: 1, className: '101',
          seatNo: 5, division: 'day', departmentCode: null, hostUserId: '1130001',
        },
      },
      {
        rowNumber: 3,
        value: {
          studentNo: '1130002', name: '林小美', nationalId: 'AC01234567', birthDate: '2008-07-01', grade: 2, className: '201',
          seatNo: 12, division: 'night', departmentCode: '301', hostUserId: 's1130002',
        },
      },
    ]);
  });

  it('reports every bad cell of every bad row, skipping blank rows', () => {
    const { rows, issues } = run('students', header, [
      ['1130001', '', 'A123456788', '2008-02-30', '4', '101', 'x', '白天', '', ''],
      ['', '', '', null, undefined, '', '', '', '', ''],
      ['1130003', '陳', 'A123456789', '97/1/1', '1', '101', '1', '日', '', ''],
    ]);
    expect(rows.map((r) => r.rowNumber)).toEqual([4]);
    expect(issues.map((i) => [i.row, i.column, i.code])).toEqual([
      [2, '姓名', 'import-value-required'],
      [2, '身分證號', 'import-national-id-invalid'],
      [2, '出生日期', 'date-invalid'],
      [2, '年級', 'import-number-invalid'],
      [2, '座號', 'import-number-invalid'],
      [2, '部別', 'import-division-invalid'],
    ]);
    expect(issues[1]?.message).toBe('身分證號「A123456788」格式或檢查碼錯誤');
  });

  it('reports duplicate student numbers and national IDs within the file', () => {
    const { rows, issues } = run('students', header, [
      ['1', '甲', 'A123456789', '97/1/1', '1', '101', '1'],
      ['1', '乙', 'F131104093', '97/1/1', '1', '101', '2'],
      ['3', '丙', 'a123456789', '97/1/1', '1', '101', '3'],
    ]);
    expect(rows.map((r) => r.rowNumber)).toEqual([2]);
    expect(issues.map((i) => [i.row, i.column, i.code, i.params.firstRow])).toEqual([
      [3, '學號', 'import-duplicate-row', 2],
      [4, '身分證號', 'roster-national-id-taken', 2],
    ]);
    expect(issues[0]?.message).toBe('與第 2 列重複（1）');
    // A 身分證號 repeated for another student names the 學號 that holds it first in the file.
    expect(issues[1]?.message).toBe('身分證號「A123456789」已屬於學號「1」的學生');
  });

  it('reports an empty file, and a missing required column once', () => {
    expect(run('students', header, [['', '']]).issues.map((i) => i.code)).toEqual(['import-empty']);
    const missing = validateImportRows('students', [['1']], { studentNo: 0 });
    expect(missing.rows).toEqual([]);
    expect(missing.issues.map((i) => i.column)).toEqual(['姓名', '身分證號', '出生日期', '年級', '班級', '座號']);
  });

  it('numbers rows from firstRowNumber', () => {
    const { columns } = resolveColumns('students', header);
    const { issues } = validateImportRows('students', [['1', '', 'A123456789', '97/1/1', '1', '101', '1']], columns, 6);
    expect(issues[0]?.row).toBe(6);
  });
});

describe('validateImportRows: teachers', () => {
  it('defaults the host user id and checks e-mail', () => {
    const { rows, issues } = run('teachers', ['教師代號', '姓名', '電子郵件'], [
      ['T001', '陳老師', ''],
      ['T002', '林老師', 'not-an-email'],
    ]);
    expect(rows[0]?.value).toEqual({ teacherNo: 'T001', name: '陳老師', email: null, hostUserId: 'T001' });
    expect(issues.map((i) => [i.row, i.column, i.code])).toEqual([[3, '電子郵件', 'import-email-invalid']]);
  });
});

describe('validateImportRows: courses', () => {
  const header = ['學年度', '學期', '課程代碼', '科目名稱', '開課年級', '學分', '開課班級', '授課教師代號'];

  it('reads a course with several teachers and no class', () => {
    const { rows, issues } = run('courses', header, [['114', '上', ` ${CODE.toLowerCase()}`, '國語文', '高一', 4, '', 'T001、T002']]);
    expect(issues).toEqual([]);
    expect(rows[0]?.value).toEqual({
      academicYear: 114, semester: 1, code: CODE, subjectName: '國語文', gradeLevel: 1, credits: 4, className: '', teacherNos: ['T001', 'T002'],
    });
  });

  it('explains a bad course code and other bad cells', () => {
    const { issues } = run('courses', header, [['2025', '3', CODE.slice(0, 20), '國語文', '1', '21', '101', '']]);
    expect(issues.map((i) => [i.column, i.code])).toEqual([
      ['學年度', 'import-number-invalid'],
      ['學期', 'import-number-invalid'],
      ['課程代碼', 'course-code-invalid'],
      ['學分', 'import-number-invalid'],
      ['授課教師代號', 'import-value-required'],
    ]);
    expect(issues[2]?.message).toBe('課程代碼錯誤：應為 23 碼（目前為 20 碼）');
  });

  it('keys courses by year, semester, code and class', () => {
    const { rows, issues } = run('courses', header, [
      ['114', '1', CODE, '國語文', '1', '4', '101', 'T1'],
      ['114', '1', CODE, '國語文', '1', '4', '102', 'T1'],
      ['114', '2', CODE, '國語文', '1', '4', '101', 'T1'],
      ['114', '1', CODE, '國語文', '1', '4', '101', 'T2'],
    ]);
    expect(rows).toHaveLength(3);
    expect(issues.map((i) => [i.row, i.column, i.code, i.params.firstRow])).toEqual([[5, null, 'import-duplicate-row', 2]]);
  });
});

describe('validateImportRows: enrolments', () => {
  const header = ['學號', '學年度', '學期', '課程代碼', '修課別'];

  it('reads kinds of taking as numbers or words, defaulting to new', () => {
    const { rows, issues } = run('enrolments', header, [
      ['1', '114', '1', CODE, ''],
      ['2', '114', '1', CODE, '重修'],
      ['3', '114', '1', CODE, 3],
      ['4', '114', '1', CODE, '旁聽'],
      ['1', '114', '1', CODE, '2'],
    ]);
    expect(rows.map((r) => [r.value.studentNo, r.value.takeKind, r.value.className])).toEqual([
      ['1', 1, ''],
      ['2', 2, ''],
      ['3', 3, ''],
    ]);
    expect(issues.map((i) => [i.row, i.code])).toEqual([
      [5, 'import-take-kind-invalid'],
      [6, 'import-duplicate-row'],
    ]);
  });
});

describe('row types', () => {
  it('are inferred from the schemas', () => {
    const { rows } = validateImportRows('enrolments', [['1', '114', '1', CODE]], { studentNo: 0, academicYear: 1, semester: 2, code: 3 });
    const row = rows[0]?.value;
    expectTypeOf(row?.takeKind).toEqualTypeOf<1 | 2 | 3 | undefined>();
    expectTypeOf(row?.studentNo).toEqualTypeOf<string | undefined>();
    expect(row?.takeKind).toBe(1);
  });
});

describe('validateImportRows: classes', () => {
  const header = ['學年度', '班級', '年級', '導師教師代號'];

  it('reads a class with its homeroom teacher, and reports bad grades, missing teachers and a class twice in a year', () => {
    const { rows, issues } = run('classes', header, [
      ['114', '101', '高一', 'T001'],
      [114, 201, 2, 'T002'],
      ['114', '301', '4', 'T003'],
      ['114', '102', '1', ''],
      ['114', '101', '1', 'T009'],
      ['113', '101', '1', 'T001'],
    ]);
    expect(rows.map((r) => r.value)).toEqual([
      { academicYear: 114, className: '101', grade: 1, homeroomTeacherNo: 'T001' },
      { academicYear: 114, className: '201', grade: 2, homeroomTeacherNo: 'T002' },
      { academicYear: 113, className: '101', grade: 1, homeroomTeacherNo: 'T001' },
    ]);
    expect(issues.map((i) => [i.row, i.column, i.code])).toEqual([
      [4, '年級', 'import-number-invalid'],
      [5, '導師教師代號', 'import-value-required'],
      [6, '班級', 'import-duplicate-row'],
    ]);
    expect(issues[2]?.params).toEqual({ key: '114 / 101', firstRow: 2 });
  });

  it('finds the teacher column by its aliases and needs the academic year', () => {
    expect(resolveColumns('classes', ['班級', '年級', '導師代號']).errors.map((e) => e.column)).toEqual(['學年度']);
    expect(resolveColumns('classes', ['學年度', '班名', '年級', '導師代號']).columns).toEqual({ academicYear: 0, className: 1, grade: 2, homeroomTeacherNo: 3 });
  });
});
