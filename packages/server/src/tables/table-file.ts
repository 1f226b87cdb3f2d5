import { DomainError, sniffFileType, zipUncompressedSize } from '@licheng/core';
import { readLimited as readStreamLimited } from '@licheng/server';
import { CsvError, parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';

/**
 * Reading a roster file the registry office (註冊組) receives: an Excel workbook (.xlsx) or a
 * CSV file saved by Excel or the school system, in UTF-8 (with or without BOM), Big5 or
 * UTF-16. The format is recognised by the file's bytes, never by its name.
 */

/** Largest roster file accepted (a whole school's enrolments fit well below it). */
export const MAX_TABLE_BYTES = 20 * 1024 * 1024;

/** Most data rows (below the header) one import reads: a whole school's enrolments fit well below it. */
export const MAX_IMPORT_ROWS = 50_000;
/** Most columns one import reads (the widest template has a dozen). */
export const MAX_IMPORT_COLUMNS = 100;
/** Rows above the header that files exported by school systems often carry (a title, a date). */
export const HEADER_SEARCH_ROWS = 10;
/**
 * Most rows of the file the reader takes, header and title lines included: the data-row cap
 * plus room for the header. Anything longer is refused before its rows are read.
 */
const MAX_FILE_ROWS = MAX_IMPORT_ROWS + HEADER_SEARCH_ROWS;

export const tooManyRows = () => new DomainError('import-too-many-rows', { max: MAX_IMPORT_ROWS });
const tooManyColumns = () => new DomainError('import-too-many-columns', { max: MAX_IMPORT_COLUMNS });

export type TableEncoding = 'utf-8-bom' | 'utf-8' | 'big5' | 'utf-16le' | 'utf-16be';

export interface TableFile {
  format: 'xlsx' | 'csv';
  /** The text encoding a CSV file was read in. */
  encoding?: TableEncoding;
  /** Cells of the first worksheet, row by row (row 1 of the file is rows[0]); blank rows kept. */
  rows: unknown[][];
}

/** A plain cell value: what the import rules read. */
export type PlainCell = string | number | boolean | Date | null;

const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** OLE2 compound file: legacy .xls (and password-protected .xlsx, which is encrypted inside one). */
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const startsWith = (bytes: Uint8Array, head: readonly number[]) => head.every((b, i) => bytes[i] === b);

export const SPREADSHEET_SLOT = 'spreadsheet';
const notASpreadsheet = () => new DomainError('file-type-not-allowed', { slot: SPREADSHEET_SLOT, allowed: 'xlsx, csv' });

/** Reads the first worksheet of an .xlsx workbook or the rows of a CSV file. */
export async function readTableFile(bytes: Uint8Array, fileName = ''): Promise<TableFile> {
  if (bytes.length === 0) throw new DomainError('file-empty', {});
  if (bytes.length > MAX_TABLE_BYTES) throw tableTooLarge();
  if (startsWith(bytes, ZIP)) return { format: 'xlsx', rows: await readWorkbook(bytes) };
  if (startsWith(bytes, OLE2)) throw new DomainError('import-xls-unsupported', { name: fileName });
  if (sniffFileType(bytes.subarray(0, 16))) throw notASpreadsheet();
  const { text, encoding } = decodeText(bytes);
  return { format: 'csv', encoding, rows: parseCsv(text) };
}

export function tableTooLarge(): DomainError {
  return new DomainError('file-too-large', { slot: SPREADSHEET_SLOT, maxMb: MAX_TABLE_BYTES / 1024 / 1024 });
}

/** Reads an uploaded spreadsheet into memory, refusing it as soon as it passes `maxBytes`. */
export function readLimited(stream: ReadableStream<Uint8Array>, maxBytes = MAX_TABLE_BYTES): Promise<Uint8Array> {
  return readStreamLimited(stream, maxBytes, tableTooLarge);
}

/** A roster workbook of 50,000 rows is a few tens of MB of XML; far more is an attack or an accident. */
export const MAX_WORKBOOK_INFLATED_BYTES = 256 * 1024 * 1024;

async function readWorkbook(bytes: Uint8Array): Promise<unknown[][]> {
  const inflated = zipUncompressedSize(bytes);
  if (inflated === null) throw new DomainError('import-file-unreadable', {});
  if (inflated > MAX_WORKBOOK_INFLATED_BYTES) throw tooManyRows();
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    // A zip that is not a workbook (a .docx, a damaged download) lands here too.
    throw new DomainError('import-file-unreadable', {});
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw notASpreadsheet();
  // rowCount is the last used row's number (a lone cell at row 60,000 counts 60,000 rows to read).
  if (Math.max(sheet.rowCount, sheet.actualRowCount) > MAX_FILE_ROWS) throw tooManyRows();
  if (sheet.columnCount > MAX_IMPORT_COLUMNS) throw tooManyColumns();
  const rows: unknown[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: PlainCell[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(plainCell(row.getCell(c).value));
    rows.push(cells);
  }
  return rows;
}

/** An exceljs cell value as a plain value: rich text joined, a formula's cached result, a hyperlink's text. */
export function plainCell(value: unknown): PlainCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (Array.isArray(o.richText)) return o.richText.map((run) => String((run as { text?: unknown }).text ?? '')).join('');
    if ('formula' in o || 'sharedFormula' in o || 'result' in o) return plainCell(o.result);
    if ('text' in o) return plainCell(o.text);
    if ('error' in o) return String(o.error);
  }
  return String(value);
}

/** C0 control bytes other than tab, line feed and carriage return never occur in a text file. */
function looksBinary(bytes: Uint8Array): boolean {
  for (const b of bytes) if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) || b === 0x7f) return true;
  return false;
}

function decode(label: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** The text of a CSV file: a BOM decides; else strict UTF-8; else Big5 (what older Taiwanese systems and Excel save). */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TableEncoding } {
  const utf16 = startsWith(bytes, [0xff, 0xfe]) ? 'utf-16le' : startsWith(bytes, [0xfe, 0xff]) ? 'utf-16be' : null;
  if (utf16) {
    const text = decode(utf16, bytes.subarray(2));
    if (text === null || /[\0-\x08\x0b-\x0c\x0e-\x1f\x7f]/.test(text)) throw notASpreadsheet();
    return { text, encoding: utf16 };
  }
  if (looksBinary(bytes)) throw notASpreadsheet();
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    const text = decode('utf-8', bytes.subarray(3));
    if (text === null) throw new DomainError('import-encoding-unknown', {});
    return { text, encoding: 'utf-8-bom' };
  }
  const utf8 = decode('utf-8', bytes);
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8' };
  const big5 = decode('big5', bytes);
  if (big5 !== null) return { text: big5, encoding: 'big5' };
  throw new DomainError('import-encoding-unknown', {});
}

/** Tab-separated text (Excel's "Unicode text") or comma-separated, judged by the first line. */
function delimiterOf(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const count = (ch: string) => firstLine.split(ch).length - 1;
  return count('\t') > count(',') ? '\t' : ',';
}

/** The records of a CSV text; past the row cap parsing stops at once and the file is refused. */
export function parseCsv(text: string): string[][] {
  let records: string[][];
  try {
    // `to` stops the parser one record past the cap, so a huge file is never read whole.
    records = parse(text, { delimiter: delimiterOf(text), relax_column_count: true, relax_quotes: true, skip_empty_lines: false, to: MAX_FILE_ROWS + 1 }) as string[][];
  } catch (error) {
    if (error instanceof CsvError) throw new DomainError('import-csv-invalid', { line: Number((error as { lines?: number }).lines ?? 0) });
    throw error;
  }
  if (records.length > MAX_FILE_ROWS) throw tooManyRows();
  if (records.some((record) => record.length > MAX_IMPORT_COLUMNS)) throw tooManyColumns();
  return records;
}
