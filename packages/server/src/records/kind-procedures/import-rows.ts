import { cellText, formatMessage, isBlankCell, normalizeHeader, readFieldCell, recordFieldsSchema, type Cell, type MessageParams, type RecordFieldSpec, type RecordKindDefinition } from '@licheng/core';
import type { RecordData, RecordImportIssue } from './types.ts';

/**
 * The sheet of one kind an office imports (and its template): 學號, 學年度, 學期, 內容簡述, then
 * the kind's fields by their zh-TW label (the national column name, or the English label, is
 * read too). Each problem is reported with the row Excel shows, the column and a zh-TW message.
 */

export interface ImportColumn {
  header: string;
  aliases: string[];
  required: boolean;
  field: RecordFieldSpec | null;
  key: 'studentNo' | 'academicYear' | 'semester' | 'summary' | 'field';
}

const YEAR: RecordFieldSpec = { key: 'academicYear', label: { 'zh-TW': '學年度', en: 'Academic year' }, required: true, type: 'academic-year' };
const SEMESTER: RecordFieldSpec = { key: 'semester', label: { 'zh-TW': '學期', en: 'Semester' }, required: true, type: 'semester' };
const SUMMARY: RecordFieldSpec = { key: 'summary', label: { 'zh-TW': '內容簡述', en: 'Summary' }, required: false, type: 'text', max: 100, multiline: true };

/** The columns of a kind's sheet, in template order. */
export function importColumns(kind: RecordKindDefinition): ImportColumn[] {
  return [
    { header: '學號', aliases: ['studentNo', '學生學號'], required: true, field: null, key: 'studentNo' },
    { header: '學年度', aliases: ['academicYear'], required: true, field: YEAR, key: 'academicYear' },
    { header: '學期', aliases: ['semester'], required: true, field: SEMESTER, key: 'semester' },
    { header: '內容簡述', aliases: ['summary', '簡述'], required: false, field: SUMMARY, key: 'summary' },
    ...kind.fields.map((f) => ({ header: f.label['zh-TW'], aliases: [f.label.en, f.key, ...(f.rosterColumn ? [f.rosterColumn] : [])], required: f.required, field: f, key: 'field' as const })),
  ];
}

export interface ImportRow {
  row: number;
  studentNo: string;
  academicYear: number;
  semester: number;
  summary: string;
  data: RecordData;
}

export function importIssue(row: number | null, column: string | null, code: string, params: MessageParams = {}): RecordImportIssue {
  return { row, column, code, params, message: formatMessage(code, params, 'zh-TW') };
}

const HEADER_SEARCH_ROWS = 10;

/** Reads every data row of the sheet: good rows, issues, and how many data rows there were. */
export function checkImportRows(kind: RecordKindDefinition, rows: readonly Cell[][]): { dataRows: number; rows: ImportRow[]; issues: RecordImportIssue[] } {
  const columns = importColumns(kind);
  let headerAt = -1;
  let positions = new Map<ImportColumn, number>();
  for (let i = 0; i < Math.min(rows.length, HEADER_SEARCH_ROWS) && headerAt === -1; i++) {
    const headers = (rows[i] ?? []).map((c) => normalizeHeader(cellText(c)));
    const found = new Map<ImportColumn, number>();
    for (const column of columns) {
      const names = new Set([column.header, ...column.aliases].map(normalizeHeader));
      const at = headers.findIndex((h) => names.has(h));
      if (at !== -1) found.set(column, at);
    }
    if (found.has(columns[0]!)) [headerAt, positions] = [i, found];
  }
  if (headerAt === -1) return { dataRows: 0, rows: [], issues: [importIssue(null, '學號', 'import-header-missing', { column: '學號' })] };
  const missing = columns.filter((c) => c.required && !positions.has(c));
  if (missing.length) return { dataRows: 0, rows: [], issues: missing.map((c) => importIssue(null, c.header, 'import-header-missing', { column: c.header })) };

  const schema = recordFieldsSchema(kind.fields);
  const issues: RecordImportIssue[] = [];
  const good: ImportRow[] = [];
  let dataRows = 0;
  for (let i = headerAt + 1; i < rows.length; i++) {
    const cells = rows[i] ?? [];
    if (cells.every(isBlankCell)) continue;
    dataRows++;
    const row = i + 1;
    const before = issues.length;
    const values: Record<string, unknown> = {};
    for (const column of columns) {
      const at = positions.get(column);
      const cell = at === undefined ? null : (cells[at] ?? null);
      if (column.key === 'studentNo') {
        const text = cellText(cell);
        if (!text) issues.push(importIssue(row, column.header, 'import-value-required', { column: column.header }));
        values.studentNo = text;
        continue;
      }
      const reading = readFieldCell(column.field!, cell);
      if (!reading.ok) issues.push(importIssue(row, column.header, reading.code, reading.params));
      else values[column.key === 'field' ? column.field!.key : column.key] = reading.value;
    }
    if (issues.length > before) continue;
    const { studentNo, academicYear, semester, summary, ...data } = values;
    const checked = schema.safeParse(data);
    if (!checked.success) {
      const first = checked.error.issues[0] as { params?: MessageParams; message: string } | undefined;
      const params = first?.params ?? {};
      issues.push(importIssue(row, String(params.field ?? '') || null, String(params.code ?? first?.message ?? 'import-value-invalid'), params));
      continue;
    }
    good.push({ row, studentNo: String(studentNo), academicYear: Number(academicYear), semester: Number(semester), summary: typeof summary === 'string' ? summary : '', data: checked.data });
  }
  if (dataRows === 0) issues.push(importIssue(null, null, 'import-empty'));
  return { dataRows, rows: good, issues };
}
