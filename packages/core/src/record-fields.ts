import type { LocalizedText } from './errors.ts';

/**
 * The fields a record kind declares (SPEC §3; ROSTERS.md §3). Plain data, no zod, so a screen
 * can render a kind's form, list and import template from the same declaration the server
 * validates with (`recordFieldsSchema`) and the roster exporter writes from.
 *
 * Values are stored in `records.data` under `key`:
 * - text: a string (free text, see freeText); `max` in characters as people count them;
 * - date: an ISO date `YYYY-MM-DD`; shown and typed as a 民國 date (115/11/27), written to
 *   rosters as YYYMMDD;
 * - integer / decimal: a number within [min, max]; `unit` words the number (時數 → 小時);
 * - code: one of `codes[].code` (a national or school code list), shown as its label;
 * - academic-year: a ROC academic year (e.g. 114); semester: 1 or 2.
 */
export type RecordFieldSpec =
  | (FieldBase & { type: 'text'; max: number; multiline?: boolean })
  | (FieldBase & { type: 'date' })
  | (FieldBase & { type: 'integer' | 'decimal'; min: number; max: number; unit?: LocalizedText })
  | (FieldBase & { type: 'code'; codes: readonly RecordFieldCode[] })
  | (FieldBase & { type: 'academic-year' })
  | (FieldBase & { type: 'semester' });

export interface FieldBase {
  /** The key in `records.data` (ASCII, camelCase). */
  key: string;
  /** The label on screens and the column header in an office's Excel template; zh-TW is the national column name where one exists. */
  label: LocalizedText;
  required: boolean;
  /** The column name in the central database's roster, when it differs from label['zh-TW']. */
  rosterColumn?: string;
  /** A short hint shown under the field. */
  hint?: LocalizedText;
}

export interface RecordFieldCode {
  code: string;
  label: LocalizedText;
}

export type RecordFieldType = RecordFieldSpec['type'];
