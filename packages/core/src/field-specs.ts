import type { LocalizedText } from './errors.ts';
import type { RecordFieldCode, RecordFieldSpec } from './record-fields.ts';

/** Short builders for the field declarations of record kinds (performance-kinds.ts, office-kinds.ts). */

const label = (zh: string, en: string): LocalizedText => ({ 'zh-TW': zh, en });

export const textField = (key: string, zh: string, en: string, max: number, required = true, multiline = false): RecordFieldSpec => ({
  key,
  label: label(zh, en),
  required,
  type: 'text',
  max,
  ...(multiline ? { multiline } : {}),
});

export const dateField = (key: string, zh: string, en: string, required = true): RecordFieldSpec => ({ key, label: label(zh, en), required, type: 'date' });

export const numberField = (
  type: 'integer' | 'decimal',
  key: string,
  zh: string,
  en: string,
  range: { min: number; max: number; unit?: [string, string] },
  required = true,
): RecordFieldSpec => ({
  key,
  label: label(zh, en),
  required,
  type,
  min: range.min,
  max: range.max,
  ...(range.unit ? { unit: label(...range.unit) } : {}),
});

export const codeField = (key: string, zh: string, en: string, codes: readonly RecordFieldCode[], required = true): RecordFieldSpec => ({
  key,
  label: label(zh, en),
  required,
  type: 'code',
  codes,
});

export const yearField = (key: string, zh: string, en: string, required = true): RecordFieldSpec => ({ key, label: label(zh, en), required, type: 'academic-year' });

export const semesterField = (key: string, zh: string, en: string, required = true): RecordFieldSpec => ({ key, label: label(zh, en), required, type: 'semester' });

/** A code list from [code, zh-TW, en] triples. */
export const codes = (...list: Array<[string, string, string]>): readonly RecordFieldCode[] => list.map(([code, zh, en]) => ({ code, label: label(zh, en) }));

/** Hours of service, learning or work: up to 9999, in halves. */
export const hoursField = (key = 'hours', zh = '時數', required = true): RecordFieldSpec =>
  numberField('decimal', key, zh, 'Hours', { min: 0, max: 9999, unit: ['小時', 'hours'] }, required);
