import { DomainError, sniffFileType, unwrapCell, zipUncompressedSize, type Cell } from '@licheng/core';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';

/**
 * Reading the skill-test centre's list (技能檢定合格名單) as the office receives it: an Excel
 * workbook (.xlsx, first worksheet) or a CSV file in UTF-8 (with or without BOM) or Big5.
 * The format is told by the file's bytes, never its name.
 */

/** Largest list accepted; a whole school's passes fit far below it. */
export const MAX_LIST_BYTES = 5 * 1024 * 1024;
/** Most rows read, header included. */
export const MAX_LIST_ROWS = 5000;
const MAX_INFLATED_BYTES = 64 * 1024 * 1024;
const SLOT = 'spreadsheet';

export const listTooLarge = () => new DomainError('file-too-large', { slot: SLOT, maxMb: MAX_LIST_BYTES / 1024 / 1024 });
const tooManyRows = () => new DomainError('import-too-many-rows', { max: MAX_LIST_ROWS - 1 });
const notATable = () => new DomainError('file-type-not-allowed', { slot: SLOT, allowed: 'xlsx, csv' });

const startsWith = (bytes: Uint8Array, head: number[]) => head.every((b, i) => bytes[i] === b);

/** The rows of the file (row 1 of the file is rows[0]), blank rows kept so row numbers match Excel's. */
export async function readTable(bytes: Uint8Array): Promise<Cell[][]> {
  if (bytes.length === 0) throw new DomainError('file-empty', {});
  if (bytes.length > MAX_LIST_BYTES) throw listTooLarge();
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return readWorkbook(bytes);
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) throw new DomainError('import-xls-unsupported', {});
  if (sniffFileType(bytes.subarray(0, 16))) throw notATable();
  return readCsv(decodeText(bytes));
}

async function readWorkbook(bytes: Uint8Array): Promise<Cell[][]> {
  const inflated = zipUncompressedSize(bytes);
  if (inflated === null) throw new DomainError('import-file-unreadable', {});
  if (inflated > MAX_INFLATED_BYTES) throw tooManyRows();
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new DomainError('import-file-unreadable', {});
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw notATable();
  if (sheet.rowCount > MAX_LIST_ROWS) throw tooManyRows();
  const rows: Cell[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: Cell[] = [];
    for (let c = 1; c <= Math.min(row.cellCount, 50); c++) cells.push(unwrapCell(row.getCell(c).value));
    rows.push(cells);
  }
  return rows;
}

function decode(label: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** UTF-8 (a BOM, or bytes that are valid UTF-8), else Big5; binary content is not a list. */
export function decodeText(bytes: Uint8Array): string {
  if (bytes.some((b) => (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) || b === 0x7f)) throw notATable();
  const text = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? decode('utf-8', bytes.subarray(3)) : (decode('utf-8', bytes) ?? decode('big5', bytes));
  if (text === null) throw new DomainError('import-encoding-unknown', {});
  return text;
}

function readCsv(text: string): Cell[][] {
  let rows: string[][];
  try {
    rows = parse(text, { relax_column_count: true, relax_quotes: true, skip_empty_lines: false, to: MAX_LIST_ROWS + 1 }) as string[][];
  } catch (error) {
    throw new DomainError('import-csv-invalid', { line: Number((error as { lines?: number }).lines ?? 0) });
  }
  if (rows.length > MAX_LIST_ROWS) throw tooManyRows();
  return rows;
}
