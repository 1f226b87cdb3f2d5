import { readTableFile, tableTooLarge, type TableLimits } from '@licheng/server';
import type { Cell } from '@licheng/core';

/**
 * The skill-test centre's list (技能檢定合格名單) as the office receives it — an Excel workbook
 * (.xlsx, first worksheet) or a CSV file in UTF-8 (with or without BOM) or Big5 — read by the
 * platform's spreadsheet reader within this office's limits. The format is told by the file's
 * bytes, never its name.
 */
export const LIST_LIMITS: TableLimits = {
  /** A whole school's passes fit far below it. */
  maxBytes: 5 * 1024 * 1024,
  maxRows: 4999,
  /** A title line above the header is fine. */
  headerRows: 1,
  maxColumns: 50,
};

export const MAX_LIST_BYTES = LIST_LIMITS.maxBytes;
export const listTooLarge = () => tableTooLarge(LIST_LIMITS);

/** The rows of the file (row 1 of the file is rows[0]), blank rows kept so row numbers match Excel's. */
export async function readTable(bytes: Uint8Array): Promise<Cell[][]> {
  return (await readTableFile(bytes, LIST_LIMITS)).rows;
}
