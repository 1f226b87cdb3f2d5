import { cellText, formatMessage, importTemplates, resolveColumns, validateImportRows, type ImportIssue, type ImportKind, type ImportRow, type MessageParams } from '@licheng/core';
import { HEADER_SEARCH_ROWS, MAX_IMPORT_ROWS, tooManyRows } from './table-file.ts';

/** An issue of an import, with its zh-TW text (the screen shows it as it is, the CLI prints it). */
export function importIssue(row: number | null, column: string | null, code: string, params: MessageParams = {}): ImportIssue {
  return { row, column, code, params, message: formatMessage(code, params, 'zh-TW') };
}

export interface ImportSheet<K extends ImportKind> {
  /** Row number of the header row in the file. */
  headerRow: number;
  /** Non-blank rows below the header. */
  totalRows: number;
  rows: Array<{ rowNumber: number; value: ImportRow<K> }>;
  issues: ImportIssue[];
}

/**
 * Finds the header row among the first rows (a title line above it is common), maps the
 * template's columns onto it and checks every row below it. More than MAX_IMPORT_ROWS data
 * rows below the header and the file is refused before any row is checked.
 */
export function readImportSheet<K extends ImportKind>(kind: K, rows: readonly (readonly unknown[])[], mapping: Record<string, string> = {}): ImportSheet<K> {
  const header = findHeader(kind, rows, mapping);
  const headerRow = header.index + 1;
  const issues = header.errors.map((i) => (i.row === 1 ? { ...i, row: headerRow } : i));
  const dataRows = rows.slice(header.index + 1);
  const mapped = Object.values(header.columns);
  const totalRows = dataRows.filter((cells) => (mapped.length ? mapped : cells.map((_, i) => i)).some((i) => cellText(cells[i]) !== '')).length;
  if (totalRows > MAX_IMPORT_ROWS) throw tooManyRows();

  const missingRequired = importTemplates[kind].columns.some((c) => c.required && header.columns[c.key] === undefined);
  if (missingRequired) return { headerRow, totalRows, rows: [], issues };
  const checked = validateImportRows(kind, dataRows, header.columns, headerRow + 1);
  return { headerRow, totalRows, rows: checked.rows, issues: [...issues, ...checked.issues] };
}

function findHeader(kind: ImportKind, rows: readonly (readonly unknown[])[], mapping: Record<string, string>) {
  let best: { index: number; columns: Record<string, number>; errors: ImportIssue[] } | null = null;
  for (let index = 0; index < Math.min(rows.length, HEADER_SEARCH_ROWS); index++) {
    const cells = rows[index] ?? [];
    if (cells.every((c) => cellText(c) === '')) continue;
    const resolved = resolveColumns(kind, cells, mapping);
    if (!best || resolved.errors.length < best.errors.length) best = { index, ...resolved };
    if (resolved.errors.length === 0) break;
  }
  return best ?? { index: 0, ...resolveColumns(kind, rows[0] ?? [], mapping) };
}
