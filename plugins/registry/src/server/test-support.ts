import ExcelJS from 'exceljs';
import { expect } from 'vitest';
import { encodeBig5, users, type TestLicheng } from '@licheng/server/testing';

export { encodeBig5 };

/** Helpers for this office's tests: roster files in every shape the office receives them. */

export type Rows = ReadonlyArray<ReadonlyArray<string | number | Date | null | object>>;

export function csvText(rows: Rows): string {
  const field = (v: unknown) => {
    const s = v === null || v === undefined ? '' : String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return rows.map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';
}

export function csvBytes(rows: Rows, encoding: 'utf-8-bom' | 'utf-8' | 'big5' = 'utf-8-bom'): Uint8Array {
  const text = csvText(rows);
  if (encoding === 'big5') return encodeBig5(text);
  return new TextEncoder().encode(encoding === 'utf-8-bom' ? `\uFEFF${text}` : text);
}

export async function xlsxBytes(rows: Rows, sheetName = '工作表1'): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  for (const row of rows) sheet.addRow([...row]);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

export function fileOf(bytes: Uint8Array, name: string): File {
  return new File([bytes as Uint8Array<ArrayBuffer>], name);
}

export function importForm(kind: string, file: File, extra: Record<string, string> = {}): FormData {
  const form = new FormData();
  form.append('kind', kind);
  form.append('file', file);
  for (const [k, v] of Object.entries(extra)) form.append(k, v);
  return form;
}

/** The test school's code is 123456, so course codes carry it in characters 4–9. */
export const codes = {
  chinese: '108123456E22L0101020005',
  physics: '108123456E22L0104010005',
  math: '108123456E22L0102010005',
};

export const studentsSheet: Rows = [
  ['學號', '姓名', '身分證號', '出生日期', '年級', '班級', '座號', '部別', '系統帳號'],
  ['S001', '陳小明', 'A123456789', '98/03/01', 1, '101', 1, '日間部', 's-chen'],
  ['S002', '林小華', 'B223456782', '0980512', 1, '101', 2, '日間部', 's-lin'],
  ['S003', '張小英', 'C123456781', '2009-07-30', 1, '101', 3, '', 's-chang'],
];

export const teachersSheet: Rows = [
  ['教師代號', '姓名', '電子郵件', '系統帳號'],
  ['T001', '王老師', 'wang@example.edu.tw', 't-wang'],
  ['T002', '李老師', '', 't-li'],
];

export const coursesSheet: Rows = [
  ['學年度', '學期', '課程代碼', '科目名稱', '開課年級', '學分', '開課班級', '授課教師代號'],
  [114, 1, codes.chinese, '國語文', 1, 4, '101', 'T001'],
  [114, 1, codes.physics, '物理', 1, 2, '101', 'T002'],
  [114, 1, codes.math, '數學', 1, 4, '101', 'T001、T002'],
];

export const enrolmentsSheet: Rows = [
  ['學號', '學年度', '學期', '課程代碼', '開課班級', '修課別'],
  ['S001', 114, 1, codes.chinese, '101', '新修'],
  ['S001', 114, 1, codes.physics, '101', 1],
  ['S002', 114, 1, codes.chinese, '101', 1],
  ['S003', 114, 1, codes.math, '101', '重修'],
];

/** 名冊提交 windows for everyone in 114-1 and 113-2, open on the harness's day (2025-10-01). */
export const ROSTER_WINDOWS = [
  { activity: 'roster-submission', academicYear: 114, semester: 1, start: '2025-08-01', end: '2026-01-31' },
  { activity: 'roster-submission', academicYear: 113, semester: 2, start: '2025-08-01', end: '2026-01-31' },
] as const;

/** Every sheet as its rows of cells, an empty cell as ''. */
export function sheets(workbook: ExcelJS.Workbook): Record<string, unknown[][]> {
  return Object.fromEntries(
    workbook.worksheets.map((sheet) => {
      const width = sheet.getRow(1).cellCount;
      const rows: unknown[][] = [];
      sheet.eachRow({ includeEmpty: false }, (row) => rows.push(Array.from({ length: width }, (_, i) => row.getCell(i + 1).value ?? '')));
      return [sheet.name, rows];
    }),
  );
}

/** The stored workbook behind a download link, opened with ExcelJS. */
export async function workbookAt(t: TestLicheng, url: string): Promise<ExcelJS.Workbook> {
  const got = await t.app.request(url, { headers: { authorization: `Bearer ${await t.token(users.registry)}` } });
  expect(got.status).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await got.arrayBuffer());
  return workbook;
}

/** The workbook a download link gives the registry, as `sheets` reads it. */
export async function sheetsAt(t: TestLicheng, url: string): Promise<Record<string, unknown[][]>> {
  return sheets(await workbookAt(t, url));
}
