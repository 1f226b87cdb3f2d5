import { COVER_SHEET, sheetColumns, type LayoutSheet, type RosterCell, type RosterLayout } from '@licheng/core';
import ExcelJS from 'exceljs';

/** One sheet's rows, in the order they are written. */
export interface SheetRows {
  sheet: LayoutSheet;
  /** Columns after the layout's (attachments, or the office's reason on a `(缺)` sheet). */
  extraColumns?: string[];
  /** Written under this name instead of the layout sheet's (the office's `(缺)` sheets). */
  name?: string;
  rows: RosterCell[][];
  /**
   * The student and record behind each row, parallel to `rows` (refs[i] is rows[i]'s): what a
   * check of the written rows links its finding to.
   */
  refs: RowRef[];
}

/** The student and the record (or grade row) a roster row was made from. */
export interface RowRef {
  studentId: string | null;
  recordId: string | null;
}

/** Columns that hold numbers; every other column is text so IDs, dates and codes keep their zeros. */
const NUMBER_COLUMN = /(學年度|學期|年級|學分|節數)$/;

function widthOf(column: string): number {
  if (column === '成果簡述') return 60;
  if (column.endsWith('課程代碼')) return 26;
  return Math.max(10, column.length * 2 + 2);
}

/**
 * A roster workbook as ROSTERS §1 has it: first sheet 封面 with a header row and one value row,
 * then one sheet per sub-list, header row of its columns and one row per record. Every sheet of
 * the layout is written, with its header row even when nothing fills it.
 */
export async function rosterWorkbook(layout: RosterLayout, cover: RosterCell[], sheets: SheetRows[], at: Date): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = newWorkbook(at);
  const first = workbook.addWorksheet(COVER_SHEET);
  first.columns = layout.cover.map((header) => ({ header, width: 12, ...(header === '學校代碼' ? { style: { numFmt: '@' } } : {}) }));
  first.addRow(cover);
  first.getRow(1).font = { bold: true };
  for (const part of sheets) addSheet(workbook, part, part.name ?? part.sheet.name);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/**
 * The office's workbook of rows kept back (`(缺)` sheets, ROSTERS §1): a separate file, never
 * submitted — no 封面, so it cannot be mistaken for a roster — each sheet named after the roster
 * sheet the rows belong on with `(缺)`, its columns and the reason last.
 */
export async function reviewWorkbook(sheets: SheetRows[], at: Date): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = newWorkbook(at);
  for (const part of sheets) addSheet(workbook, part, part.name ?? `${part.sheet.name}(缺)`);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

function newWorkbook(at: Date): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Licheng';
  workbook.created = at;
  workbook.modified = at;
  return workbook;
}

/** One sheet: its layout's columns (and any extra), text cells as text, the rows, a bold header. */
function addSheet(workbook: ExcelJS.Workbook, part: SheetRows, name: string): void {
  const sheet = workbook.addWorksheet(name);
  const columns = [...sheetColumns(part.sheet), ...(part.extraColumns ?? [])];
  sheet.columns = columns.map((header) => ({ header, width: widthOf(header), ...(NUMBER_COLUMN.test(header) ? {} : { style: { numFmt: '@' } }) }));
  for (const row of part.rows) sheet.addRow(row);
  sheet.getRow(1).font = { bold: true };
}
