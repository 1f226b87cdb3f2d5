import { cellText, DomainError, formatMessage, importTextMessage, isBlankText, isDomainError, normalizeHeader, parseFlexibleDate, readFreeText, taipeiDate, type Cell, type MessageParams } from '@licheng/core';
import { DEFAULT_ISSUER, LIMITS, certificateNumberKey, type CertificateFields } from './certificate-fields.ts';

/**
 * Checking the rows of a skill-test centre list (技能檢定合格名單): find the header row, then
 * read every data row, reporting each problem with the row number Excel shows, the column and
 * a zh-TW message, so the office fixes the file in one pass.
 */

export interface ListColumn {
  key: 'studentNo' | 'name' | 'level' | 'number' | 'date' | 'issuer';
  header: string;
  required: boolean;
  aliases: string[];
  max: number;
}

/** The list's columns in template order. */
export const LIST_COLUMNS: ListColumn[] = [
  { key: 'studentNo', header: '學號', required: true, aliases: ['studentNo', '學生學號'], max: 20 },
  { key: 'name', header: '證照名稱', required: true, aliases: ['name', '職類名稱', '職類', '證照'], max: LIMITS.name },
  { key: 'level', header: '級別', required: true, aliases: ['level', '等級'], max: LIMITS.level },
  { key: 'number', header: '證照號碼', required: true, aliases: ['number', '證號', '證書號碼', '證照字號'], max: LIMITS.number },
  { key: 'date', header: '發證日期', required: true, aliases: ['date', '發證日', '合格日期'], max: 20 },
  { key: 'issuer', header: '發證單位', required: false, aliases: ['issuer', '發證機關'], max: LIMITS.issuer },
];

export interface RowIssue {
  /** The row number as Excel shows it (1 = the file's first row); null for the file as a whole. */
  row: number | null;
  /** The column's zh-TW header, or null. */
  column: string | null;
  code: string;
  params: MessageParams;
  /** zh-TW text. */
  message: string;
}

export function rowIssue(row: number | null, column: string | null, code: string, params: MessageParams = {}): RowIssue {
  return { row, column, code, params, message: formatMessage(code, params, 'zh-TW') };
}

/** One good row: its Excel row number, student number and certificate fields. */
export interface ListRow {
  row: number;
  studentNo: string;
  fields: CertificateFields;
}

const HEADER_SEARCH_ROWS = 10;

function findHeader(rows: Cell[][]): { index: number; columns: Map<ListColumn, number> } | null {
  for (let index = 0; index < Math.min(rows.length, HEADER_SEARCH_ROWS); index++) {
    const headers = (rows[index] ?? []).map((cell) => normalizeHeader(cellText(cell)));
    const columns = new Map<ListColumn, number>();
    for (const column of LIST_COLUMNS) {
      const names = new Set([column.header, ...column.aliases].map(normalizeHeader));
      const at = headers.findIndex((h) => names.has(h));
      if (at !== -1) columns.set(column, at);
    }
    if (columns.has(LIST_COLUMNS[0]!)) return { index, columns };
  }
  return null;
}

function readDate(cell: Cell, row: number, column: string, today: string, issues: RowIssue[]): string | null {
  try {
    const date = parseFlexibleDate(cell instanceof Date || typeof cell === 'number' ? cell : cellText(cell));
    if (date > today) {
      issues.push(rowIssue(row, column, 'certificate-date-future', { date }));
      return null;
    }
    return date;
  } catch (error) {
    if (!isDomainError(error)) throw error;
    issues.push(rowIssue(row, column, 'date-invalid', { value: cellText(cell) }));
    return null;
  }
}

/**
 * The list's rows, checked: every good row, and every issue by row and column. Blank rows are
 * skipped; a certificate (學號 + 證照號碼) listed twice is reported at its second row.
 * Throws 'import-empty' when no data row remains.
 */
export function checkListRows(rows: Cell[][], now: Date): { rows: ListRow[]; issues: RowIssue[]; dataRows: number } {
  const header = findHeader(rows);
  if (!header) return { rows: [], issues: [rowIssue(null, '學號', 'import-header-missing', { column: '學號' })], dataRows: 0 };
  const missing = LIST_COLUMNS.filter((c) => c.required && !header.columns.has(c));
  if (missing.length) return { rows: [], issues: missing.map((c) => rowIssue(null, c.header, 'import-header-missing', { column: c.header })), dataRows: 0 };
  const today = taipeiDate(now);
  const issues: RowIssue[] = [];
  const good: ListRow[] = [];
  const seen = new Map<string, number>();
  let dataRows = 0;
  for (let index = header.index + 1; index < rows.length; index++) {
    const cells = rows[index] ?? [];
    if (cells.every((cell) => cellText(cell) === '')) continue;
    dataRows++;
    const row = index + 1;
    const before = issues.length;
    const values: Partial<Record<ListColumn['key'], string>> = {};
    let date: string | null = null;
    for (const [column, at] of header.columns) {
      const cell = cells[at] ?? null;
      const text = cellText(cell);
      if (isBlankText(text)) {
        if (column.required) issues.push(rowIssue(row, column.header, 'import-value-required', { column: column.header }));
        continue;
      }
      if (column.key === 'date') {
        date = readDate(cell, row, column.header, today, issues);
        continue;
      }
      // Free text by the platform's rule: no control characters or line breaks, NFC, at most `max` characters.
      const read = readFreeText(text, { max: column.max });
      if (read.ok) values[column.key] = read.value;
      else {
        const problem = importTextMessage(read.problem, column.header, read.params);
        issues.push(rowIssue(row, column.header, problem.code, problem.params));
      }
    }
    if (issues.length > before || !date) continue;
    const key = `${values.studentNo}\u0000${certificateNumberKey(values.number!)}`;
    const first = seen.get(key);
    if (first !== undefined) {
      issues.push(rowIssue(row, '證照號碼', 'import-duplicate-row', { firstRow: first, key: `${values.studentNo} ${values.number}` }));
      continue;
    }
    seen.set(key, row);
    good.push({
      row,
      studentNo: values.studentNo!,
      fields: { code: '', category: 3, origin: 'domestic', issuer: values.issuer ?? DEFAULT_ISSUER, name: values.name!, level: values.level!, number: values.number!, date },
    });
  }
  if (dataRows === 0) throw new DomainError('import-empty', {});
  return { rows: good, issues, dataRows };
}
