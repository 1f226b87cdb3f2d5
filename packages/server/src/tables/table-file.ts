import { DomainError, sniffFileType, zipUncompressedSize, type Cell } from '@licheng/core';
import { CsvError, parse } from 'csv-parse/sync';
import { runOffThread, WorkerFailed, type OffThreadTask } from '../workers/off-thread.ts';
import { readWorkbookRows, type WorkbookReadStats } from './workbook-reader.ts';

/**
 * Reading a spreadsheet an office receives — a roster from the school system, the skill-test
 * centre's pass list: an Excel workbook (.xlsx, first worksheet) or a CSV file saved by Excel
 * or the school system, in UTF-8 (with or without BOM), Big5 or UTF-16. The format is
 * recognised by the file's bytes, never by its name. Each office sets its own limits.
 */
export interface TableLimits {
  /** Largest file accepted. */
  maxBytes: number;
  /** Most data rows (below the header). */
  maxRows: number;
  /** Rows above the header that exported files often carry (a title, a date). */
  headerRows: number;
  /** Most columns. */
  maxColumns: number;
}

/**
 * Most rows of the file the reader takes, header and title lines included: the data-row cap
 * plus room for the header. Anything longer is refused before its rows are read.
 */
const fileRows = (limits: TableLimits) => limits.maxRows + limits.headerRows;

export const tooManyRows = (limits: TableLimits) => new DomainError('import-too-many-rows', { max: limits.maxRows });
const tooManyColumns = (limits: TableLimits) => new DomainError('import-too-many-columns', { max: limits.maxColumns });

export type TableEncoding = 'utf-8-bom' | 'utf-8' | 'big5' | 'utf-16le' | 'utf-16be';

export interface TableFile {
  format: 'xlsx' | 'csv';
  /** The text encoding a CSV file was read in. */
  encoding?: TableEncoding;
  /** Cells of the first worksheet, row by row (row 1 of the file is rows[0]); blank rows kept. */
  rows: Cell[][];
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** OLE2 compound file: legacy .xls (and password-protected .xlsx, which is encrypted inside one). */
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const startsWith = (bytes: Uint8Array, head: readonly number[]) => head.every((b, i) => bytes[i] === b);

const SPREADSHEET_SLOT = 'spreadsheet';
const notASpreadsheet = () => new DomainError('file-type-not-allowed', { slot: SPREADSHEET_SLOT, allowed: 'xlsx, csv' });

/**
 * Reads the first worksheet of an .xlsx workbook or the rows of a CSV file, within `limits`,
 * in the worker thread (see runOffThread): the request thread only awaits the rows.
 */
export async function readTableFile(bytes: Uint8Array, limits: TableLimits, fileName = ''): Promise<TableFile> {
  return runOffThread<TableFile>(READ_TABLE_FILE, bytes, limits, fileName).catch((error: unknown) => {
    // The worker ended under the file (its heap cap): the file is refused, the server goes on.
    if (error instanceof WorkerFailed && error.exited) throw new DomainError('import-file-unreadable', {});
    throw error;
  });
}

const READ_TABLE_FILE: OffThreadTask = { module: new URL(import.meta.url), name: 'readTableFileHere' };

/** readTableFile on the calling thread (the worker runs this); `stats` tells how far an xlsx was read. */
export async function readTableFileHere(bytes: Uint8Array, limits: TableLimits, fileName = '', stats?: WorkbookReadStats): Promise<TableFile> {
  if (bytes.length === 0) throw new DomainError('file-empty', {});
  if (bytes.length > limits.maxBytes) throw tableTooLarge(limits);
  if (startsWith(bytes, ZIP)) return { format: 'xlsx', rows: await readWorkbook(bytes, limits, stats) };
  if (startsWith(bytes, OLE2)) throw new DomainError('import-xls-unsupported', { name: fileName });
  if (sniffFileType(bytes.subarray(0, 16))) throw notASpreadsheet();
  const { text, encoding } = decodeText(bytes);
  return { format: 'csv', encoding, rows: parseCsv(text, limits) };
}

export function tableTooLarge(limits: Pick<TableLimits, 'maxBytes'>): DomainError {
  return new DomainError('file-too-large', { slot: SPREADSHEET_SLOT, maxMb: limits.maxBytes / 1024 / 1024 });
}

/** A roster workbook of 50,000 rows is a few tens of MB of XML; far more is an attack or an accident. */
export const MAX_WORKBOOK_INFLATED_BYTES = 256 * 1024 * 1024;

async function readWorkbook(bytes: Uint8Array, limits: TableLimits, stats?: WorkbookReadStats): Promise<Cell[][]> {
  // A workbook declaring more than the limit is refused unopened; one declaring less is still
  // counted while it inflates, since what a zip declares proves nothing.
  const declared = zipUncompressedSize(bytes);
  if (declared === null) throw new DomainError('import-file-unreadable', {});
  if (declared > MAX_WORKBOOK_INFLATED_BYTES) throw tooManyRows(limits);
  return readWorkbookRows(
    bytes,
    { maxRows: fileRows(limits), maxColumns: limits.maxColumns, maxInflatedBytes: MAX_WORKBOOK_INFLATED_BYTES },
    {
      tooManyRows: () => tooManyRows(limits),
      tooManyColumns: () => tooManyColumns(limits),
      tooLarge: () => tooManyRows(limits),
      // A zip that is not a workbook (a .docx, a damaged download) lands here too.
      unreadable: () => new DomainError('import-file-unreadable', {}),
      notASheet: notASpreadsheet,
    },
    stats,
  );
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
function parseCsv(text: string, limits: TableLimits): string[][] {
  let records: string[][];
  try {
    // `to` stops the parser one record past the cap, so a huge file is never read whole.
    records = parse(text, { delimiter: delimiterOf(text), relax_column_count: true, relax_quotes: true, skip_empty_lines: false, to: fileRows(limits) + 1 }) as string[][];
  } catch (error) {
    if (error instanceof CsvError) throw new DomainError('import-csv-invalid', { line: Number((error as { lines?: number }).lines ?? 0) });
    throw error;
  }
  if (records.length > fileRows(limits)) throw tooManyRows(limits);
  if (records.some((record) => record.length > limits.maxColumns)) throw tooManyColumns(limits);
  return records;
}
