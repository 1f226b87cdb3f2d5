import { cellText, COURSE_PLAN_COLUMNS, coursePlanJsonRows, DomainError, normalizeHeader, type CoursePlanColumn } from '@licheng/core';
import { readTableFile, tableTooLarge, type TableLimits } from '@licheng/server';

/** A course plan file: a school's whole plan is a few hundred lines. */
export const PLAN_TABLE_LIMITS: TableLimits = { maxBytes: 5 * 1024 * 1024, maxRows: 5_000, headerRows: 10, maxColumns: 40 };
export const planTooLarge = () => tableTooLarge(PLAN_TABLE_LIMITS);

export type PlanCells = Partial<Record<CoursePlanColumn, string>>;
/** A data row of the file: its number as people count it (the header row's number + n; the n-th course in JSON) and its cells. */
export interface PlanFileRow {
  row: number;
  cells: PlanCells;
}

const REQUIRED: readonly CoursePlanColumn[] = ['課程代碼', '科目名稱', '授課學期學分節數'];

function isJson(bytes: Uint8Array): boolean {
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x09)) i++;
  return bytes[i] === 0x5b || bytes[i] === 0x7b; // [ or {
}

/**
 * Reads the plan from the platform's JSON (told by its first character, `[` or `{`) or from the
 * sheet offices download (.xlsx or CSV in UTF-8 / Big5 / UTF-16, read off the request thread by
 * the platform's table reader). The sheet's header row is found among the first rows by its
 * 課程代碼 column; 課程代碼, 科目名稱 and 授課學期學分節數 must be there, the other columns may be absent.
 */
export async function readPlanFile(bytes: Uint8Array, fileName: string): Promise<PlanFileRow[]> {
  if (isJson(bytes)) {
    let data: unknown;
    try {
      data = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, ''));
    } catch {
      throw new DomainError('course-plan-json-invalid', {});
    }
    return coursePlanJsonRows(data).map((cells, i) => ({ row: i + 1, cells }));
  }
  const table = await readTableFile(bytes, PLAN_TABLE_LIMITS, fileName);
  const wanted = new Map(COURSE_PLAN_COLUMNS.map((c) => [normalizeHeader(c), c]));
  const headerIndex = table.rows.slice(0, PLAN_TABLE_LIMITS.headerRows + 1).findIndex((r) => r.some((cell) => normalizeHeader(cellText(cell)) === normalizeHeader('課程代碼')));
  if (headerIndex < 0) throw new DomainError('import-header-missing', { column: '課程代碼' });
  const columns = new Map<number, CoursePlanColumn>();
  table.rows[headerIndex]!.forEach((cell, i) => {
    const column = wanted.get(normalizeHeader(cellText(cell)));
    if (column) columns.set(i, column);
  });
  const present = new Set(columns.values());
  const missing = REQUIRED.find((c) => !present.has(c));
  if (missing) throw new DomainError('import-header-missing', { column: missing });
  const rows: PlanFileRow[] = [];
  table.rows.slice(headerIndex + 1).forEach((r, i) => {
    if (r.every((cell) => cellText(cell).trim() === '')) return;
    const cells: PlanCells = {};
    for (const [index, column] of columns) cells[column] = cellText(r[index] ?? null);
    rows.push({ row: headerIndex + 2 + i, cells });
  });
  if (rows.length === 0) throw new DomainError('import-empty', {});
  return rows;
}
