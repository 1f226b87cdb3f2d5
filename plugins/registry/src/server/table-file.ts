import { readTableFile as readTable, readTableFileHere as readTableHere, tableTooLarge as tooLarge, tooManyRows as tooMany, type TableFile, type TableLimits } from '@licheng/server';

/**
 * The roster files the registry office (註冊組) imports, read by the platform's spreadsheet
 * reader (`readTableFile` in @licheng/server) within the registry's limits.
 */
export const ROSTER_TABLE_LIMITS: TableLimits = {
  /** A whole school's enrolments fit well below it. */
  maxBytes: 20 * 1024 * 1024,
  maxRows: 50_000,
  /** Rows above the header that files exported by school systems often carry (a title, a date). */
  headerRows: 10,
  /** The widest template has a dozen. */
  maxColumns: 100,
};

export const MAX_TABLE_BYTES = ROSTER_TABLE_LIMITS.maxBytes;
export const MAX_IMPORT_ROWS = ROSTER_TABLE_LIMITS.maxRows;
export const MAX_IMPORT_COLUMNS = ROSTER_TABLE_LIMITS.maxColumns;
export const HEADER_SEARCH_ROWS = ROSTER_TABLE_LIMITS.headerRows;
export { MAX_WORKBOOK_INFLATED_BYTES, type TableFile } from '@licheng/server';

export const readTableFile = (bytes: Uint8Array, fileName = ''): Promise<TableFile> => readTable(bytes, ROSTER_TABLE_LIMITS, fileName);
/** readTableFile on the calling thread, for work that already runs in the worker. */
export const readTableFileHere = (bytes: Uint8Array, fileName = ''): Promise<TableFile> => readTableHere(bytes, ROSTER_TABLE_LIMITS, fileName);
export const tableTooLarge = () => tooLarge(ROSTER_TABLE_LIMITS);
export const tooManyRows = () => tooMany(ROSTER_TABLE_LIMITS);
