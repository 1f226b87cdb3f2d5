import { formatMessage } from './errors.ts';
import type { Locale, MessageParams } from './errors.ts';
import { cellText } from './import-cells.ts';
import { importRowSchemas } from './import-schemas.ts';
import type { ImportRow } from './import-schemas.ts';
import { importTemplates } from './import-templates.ts';
import type { ImportColumn, ImportKind } from './import-templates.ts';

/**
 * Reading an imported sheet: find the template's columns in the header row, then check
 * every data row, reporting each problem with its row number and column so the office can
 * fix the file in one pass.
 */

export interface ImportIssue {
  /** Row number in the file (1 = the header row); null for the file as a whole. */
  row: number | null;
  /** zh-TW header of the column concerned, or null. */
  column: string | null;
  code: string;
  params: MessageParams;
  /** The issue in words: zh-TW as the rules word it; `inLocale` words it for the caller. */
  message: string;
}

/** The issues worded in `locale` (the screen shows `message` as it comes from the server). */
export function inLocale(issues: readonly ImportIssue[], locale: Locale): ImportIssue[] {
  return locale === 'zh-TW' ? [...issues] : issues.map((i) => ({ ...i, message: formatMessage(i.code, i.params, locale) }));
}

function issue(row: number | null, column: string | null, code: string, params: MessageParams = {}): ImportIssue {
  return { row, column, code, params, message: formatMessage(code, params, 'zh-TW') };
}

/** Header text compared loosely: full-width → half-width, case, spaces, '.', '_', '-', a '*' marker and a trailing (note). */
export function normalizeHeader(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s._\-]+/g, '')
    .replace(/\*+/g, '')
    .replace(/\([^()]*\)$/, '');
}

function namesOf(column: ImportColumn): Set<string> {
  return new Set([column.header, column.headerEn, column.key, ...column.aliases].map(normalizeHeader));
}

/**
 * Maps the template's column keys to indexes of `headerRow`. `mapping` (key → header text
 * in the file) takes precedence over automatic matching. Reports a missing required
 * column ('import-header-missing'), a column found more than once
 * ('import-header-duplicate') and a mapping naming a header not in the row
 * ('import-mapping-invalid').
 */
export function resolveColumns(
  kind: ImportKind,
  headerRow: readonly unknown[],
  mapping: Record<string, string> = {},
): { columns: Record<string, number>; errors: ImportIssue[] } {
  const template = importTemplates[kind].columns;
  const headers = headerRow.map((cell) => normalizeHeader(cellText(cell)));
  const columns: Record<string, number> = {};
  const errors: ImportIssue[] = [];
  const used = new Set<number>();

  for (const [key, header] of Object.entries(mapping)) {
    const column = template.find((c) => c.key === key);
    const index = headers.indexOf(normalizeHeader(header));
    if (!column || index < 0 || header.trim() === '') {
      errors.push(issue(1, column?.header ?? key, 'import-mapping-invalid', { column: column?.header ?? key, header }));
      continue;
    }
    columns[key] = index;
    used.add(index);
  }

  for (const column of template) {
    if (columns[column.key] !== undefined || Object.hasOwn(mapping, column.key)) continue;
    const names = namesOf(column);
    const matches = headers.flatMap((h, i) => (h !== '' && !used.has(i) && names.has(h) ? [i] : []));
    const [first] = matches;
    if (first === undefined) {
      if (column.required) errors.push(issue(1, column.header, 'import-header-missing', { column: column.header }));
      continue;
    }
    if (matches.length > 1) errors.push(issue(1, column.header, 'import-header-duplicate', { column: column.header }));
    columns[column.key] = first;
    used.add(first);
  }
  return { columns, errors };
}

/**
 * The keys that must be unique within one file, each with the zh-TW column it is reported on.
 * A value one person may hold (a 身分證號, a 系統帳號) repeated for another person is reported
 * as held by the first row's person (`taken`: the code and the field naming the holder).
 */
const UNIQUE_KEYS: Record<ImportKind, Array<{ fields: string[]; column: string | null; taken?: { code: string; holder: string } }>> = {
  students: [
    { fields: ['studentNo'], column: '學號' },
    { fields: ['nationalId'], column: '身分證號', taken: { code: 'roster-national-id-taken', holder: 'studentNo' } },
    { fields: ['hostUserId'], column: '系統帳號', taken: { code: 'import-host-user-taken', holder: 'studentNo' } },
  ],
  teachers: [
    { fields: ['teacherNo'], column: '教師代號' },
    { fields: ['hostUserId'], column: '系統帳號', taken: { code: 'import-host-user-taken', holder: 'teacherNo' } },
  ],
  courses: [{ fields: ['academicYear', 'semester', 'code', 'className'], column: null }],
  enrolments: [{ fields: ['studentNo', 'academicYear', 'semester', 'code', 'className'], column: null }],
  classes: [{ fields: ['academicYear', 'className'], column: '班級' }],
  grades: [{ fields: ['studentNo', 'academicYear', 'semester', 'take', 'code'], column: null }],
  'status-changes': [{ fields: ['studentNo', 'date', 'kind'], column: null }],
  placements: [{ fields: ['studentNo', 'academicYear', 'semester'], column: '學號' }],
};

/**
 * Checks the data rows (everything below the header). Wholly blank rows are skipped; every
 * other row either becomes a value or yields issues for each bad cell. A row repeating an
 * earlier row's key is reported ('import-duplicate-row') and left out. No non-blank row at
 * all gives 'import-empty'; a required column missing from `columns` gives one
 * 'import-header-missing' instead of an issue per row.
 */
export function validateImportRows<K extends ImportKind>(
  kind: K,
  dataRows: readonly (readonly unknown[])[],
  columns: Record<string, number>,
  firstRowNumber = 2,
): { rows: Array<{ rowNumber: number; value: ImportRow<K> }>; issues: ImportIssue[] } {
  const template = importTemplates[kind].columns;
  const schema = importRowSchemas[kind];
  const rows: Array<{ rowNumber: number; value: ImportRow<K> }> = [];
  const issues: ImportIssue[] = [];

  const missing = template.filter((c) => c.required && columns[c.key] === undefined);
  if (missing.length > 0) {
    return { rows, issues: missing.map((c) => issue(null, c.header, 'import-header-missing', { column: c.header })) };
  }

  const seen = UNIQUE_KEYS[kind].map(() => new Map<string, { row: number; holder: string }>());
  let nonBlank = 0;
  dataRows.forEach((cells, index) => {
    const rowNumber = firstRowNumber + index;
    const indexes = Object.values(columns);
    if (indexes.every((i) => cellText(cells[i]) === '')) return;
    nonBlank++;

    const input = Object.fromEntries(Object.entries(columns).map(([key, i]) => [key, cells[i]]));
    const result = schema.safeParse(input);
    if (!result.success) {
      for (const zodIssue of result.error.issues) {
        const key = String(zodIssue.path[0] ?? '');
        const { code = 'import-value-invalid', ...params } = (zodIssue as { params?: MessageParams }).params ?? {};
        const column = template.find((c) => c.key === key)?.header ?? null;
        issues.push(issue(rowNumber, column, String(code), { ...(column ? { column } : {}), ...params }));
      }
      return;
    }

    const value = result.data as ImportRow<K>;
    const record = value as unknown as Record<string, unknown>;
    const keys = UNIQUE_KEYS[kind].map(({ fields }) => fields.map((f) => String(record[f] ?? '')).join(' / '));
    const clash = keys.findIndex((key, k) => seen[k]?.has(key));
    if (clash >= 0) {
      const key = keys[clash] ?? '';
      const first = seen[clash]?.get(key) ?? { row: 0, holder: '' };
      const { column = null, taken } = UNIQUE_KEYS[kind][clash] ?? {};
      const params = { key, firstRow: first.row };
      if (taken) issues.push(issue(rowNumber, column, taken.code, { ...params, value: key, holder: first.holder }));
      else issues.push(issue(rowNumber, column, 'import-duplicate-row', params));
      return;
    }
    keys.forEach((key, k) => seen[k]?.set(key, { row: rowNumber, holder: String(record[UNIQUE_KEYS[kind][k]?.taken?.holder ?? ''] ?? '') }));
    rows.push({ rowNumber, value });
  });

  if (nonBlank === 0) issues.push(issue(null, null, 'import-empty'));
  return { rows, issues };
}
