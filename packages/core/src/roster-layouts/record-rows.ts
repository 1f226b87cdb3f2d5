import { rocDateOf } from '../date-reading.ts';
import { isBlankText } from '../free-text.ts';
import { rosterValue } from '../record-field-values.ts';
import type { RecordFieldSpec } from '../record-fields.ts';
import { ROSTER_CODES, type RosterCodeList } from './codes.ts';
import { sheetColumns } from './lookup.ts';
import type { RosterCell } from './outcome-placement.ts';
import type { LayoutSheet } from './types.ts';

/**
 * The row of one record kept in `records.data` (校內幹部經歷 24, the ten 多元表現 of 25) on its
 * roster sheet (ROSTERS §1, §3): 身分證號, 出生日期, then the kind's fields in the sheet's order,
 * '內容簡述' from the record's summary. Values as the roster takes them (`rosterValue`): dates
 * as the 7-digit ROC date like 出生日期, codes as the code, a missing optional number -1, a
 * missing optional text or date ''. A row whose required value is missing, or whose code is
 * not in the roster's code list, is not submittable: it says which columns.
 */

export interface RecordRowInput {
  nationalId: string;
  /** ISO date; written as the 7-digit ROC date. */
  birthDate: string;
  summary: string;
  data: Readonly<Record<string, unknown>>;
}

export interface RecordRow {
  /** The sheet's cells in order (a column that cannot be filled is ''). */
  row: RosterCell[];
  /** Columns a value is required for and missing (身分證號, 出生日期, required fields, 內容簡述). */
  missing: string[];
  /** Columns whose code is not in the roster's code list (ROSTER_CODES), as 'column=value'. */
  badCodes: string[];
}

export const SUMMARY_COLUMN = '內容簡述';

/** The code list of a column on a sheet: a list naming the sheet in its note wins over a general one. */
export function rosterCodeList(sheet: string, column: string): RosterCodeList | null {
  const lists = (Object.values(ROSTER_CODES) as RosterCodeList[]).filter((l) => l.columns.includes(column));
  return lists.find((l) => l.note?.includes(`sheet ${sheet}`)) ?? lists.find((l) => !l.note?.startsWith('sheet ')) ?? null;
}

/**
 * The row of a record on `sheet`. `fields` are the kind's fields; each column after 身分證號,
 * 出生日期 is the field whose roster column (or zh-TW label) is its name, or the summary.
 */
export function recordRow(sheet: LayoutSheet, fields: readonly RecordFieldSpec[], input: RecordRowInput): RecordRow {
  const missing: string[] = [];
  const badCodes: string[] = [];
  const row = sheetColumns(sheet).map((column): RosterCell => {
    if (column === '身分證號') {
      if (isBlankText(input.nationalId)) missing.push(column);
      return input.nationalId;
    }
    if (column === '出生日期') {
      const roc = rocDateOf(input.birthDate, '');
      if (roc === null) missing.push(column);
      return roc ?? '';
    }
    if (column === SUMMARY_COLUMN) {
      if (isBlankText(input.summary)) missing.push(column);
      return input.summary;
    }
    const spec = fields.find((f) => (f.rosterColumn ?? f.label['zh-TW']) === column);
    if (!spec) {
      missing.push(column);
      return '';
    }
    const value = input.data[spec.key];
    const cell = rosterValue(spec, value);
    const empty = cell === '' || (cell === -1 && (value === null || value === undefined || value === ''));
    if (empty && spec.required) missing.push(column);
    if (spec.type === 'code' && !empty) {
      const list = rosterCodeList(sheet.name, column);
      if (list && !list.values.some(([code]) => code === String(cell))) badCodes.push(`${column}=${cell}`);
    }
    return cell;
  });
  return { row, missing, badCodes };
}
