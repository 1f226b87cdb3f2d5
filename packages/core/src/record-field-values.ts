import { z } from 'zod';
import { isoParts, readDate, rocDateOf } from './date-reading.ts';
import type { Locale, MessageParams } from './errors.ts';
import { IMPORT_TEXT_CODES, isBlankText, readFreeText } from './free-text.ts';
import { cellText, type Cell } from './import-cells.ts';
import type { RecordFieldCode, RecordFieldSpec } from './record-fields.ts';
import { freeText } from './free-text.ts';

/**
 * Reading, checking and writing the values a record kind declares (record-fields.ts): the zod
 * schema of `records.data`, a spreadsheet cell read into a value, a value as people read it
 * and as the central database's roster takes it.
 */

/** A stored value of one field; null when an optional field is left empty. */
export type FieldValue = string | number | null;

/** The ROC academic years a record may be filed under. */
export const FIELD_YEAR_RANGE = { min: 100, max: 999 } as const;

function issue(ctx: z.RefinementCtx, code: string, params: MessageParams): never {
  ctx.addIssue({ code: 'custom', message: code, params: { code, ...params } });
  return z.NEVER as never;
}

function numberSchema(spec: RecordFieldSpec & { type: 'integer' | 'decimal' | 'academic-year' | 'semester' }) {
  const { min, max } = numberRange(spec);
  const integer = spec.type !== 'decimal';
  return z.number().transform((value, ctx): number => {
    if (!Number.isFinite(value) || (integer && !Number.isInteger(value)) || value < min || value > max) {
      return issue(ctx, integer ? 'field-integer-range' : 'field-decimal-range', { field: spec.label['zh-TW'], min, max, value });
    }
    return value;
  });
}

function numberRange(spec: RecordFieldSpec): { min: number; max: number } {
  if (spec.type === 'integer' || spec.type === 'decimal') return { min: spec.min, max: spec.max };
  if (spec.type === 'semester') return { min: 1, max: 2 };
  return FIELD_YEAR_RANGE;
}

/** The zod schema of one field's present value. */
function valueSchema(spec: RecordFieldSpec): z.ZodType<string | number> {
  const field = spec.label['zh-TW'];
  switch (spec.type) {
    case 'text':
      return freeText({ max: spec.max, multiline: spec.multiline ?? false });
    case 'date':
      return z.string().transform((value, ctx): string => (isoParts(value) ? value : issue(ctx, 'field-date-invalid', { field, value })));
    case 'code':
      return z.string().transform((value, ctx): string =>
        spec.codes.some((c) => c.code === value) ? value : issue(ctx, 'field-code-invalid', { field, value, codes: codeList(spec.codes) }),
      );
    default:
      return numberSchema(spec);
  }
}

function codeList(codes: readonly RecordFieldCode[]): string {
  return codes.map((c) => `${c.code} ${c.label['zh-TW']}`).join('、');
}

function isEmptyValue(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && isBlankText(value));
}

function fieldSchema(spec: RecordFieldSpec) {
  const present = valueSchema(spec);
  // optional(): a key left out reads as empty.
  return z.unknown().optional().transform((value, ctx): FieldValue => {
    if (isEmptyValue(value)) return spec.required ? issue(ctx, 'field-required', { field: spec.label['zh-TW'] }) : null;
    const result = present.safeParse(value);
    if (result.success) return result.data;
    for (const i of result.error.issues) ctx.addIssue({ ...i, code: 'custom', path: [] } as never);
    return z.NEVER as never;
  });
}

/**
 * The schema of `records.data` for a kind with these fields: every declared key (an optional
 * one null when empty), nothing else. Text follows core's free-text rule, dates are ISO
 * 'YYYY-MM-DD', codes one of the list, numbers within range. Issues carry a catalogue code as
 * their message and `params.code`, with the field's zh-TW label as `params.field`.
 */
export function recordFieldsSchema(fields: readonly RecordFieldSpec[]) {
  return z.strictObject(Object.fromEntries(fields.map((spec) => [spec.key, fieldSchema(spec)])) as Record<string, ReturnType<typeof fieldSchema>>);
}

export type CellReading = { ok: true; value: FieldValue } | { ok: false; code: string; params: MessageParams };

const FULL_WIDTH = /[\uFF01-\uFF5E]/g;

/** Full-width digits and signs as typed with a Chinese input method, as ASCII. */
function halfWidth(text: string): string {
  return text.replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

function readNumberCell(spec: RecordFieldSpec, raw: unknown, column: string): CellReading {
  const { min, max } = numberRange(spec);
  const integer = spec.type !== 'decimal';
  let text = halfWidth(cellText(raw)).replace(/,/g, '');
  if (spec.type === 'semester') text = text.replace(/^(上|一)$/, '1').replace(/^(下|二)$/, '2').replace(/^第?([12])學期$/, '$1');
  if (spec.type === 'integer' || spec.type === 'decimal') {
    for (const unit of [spec.unit?.['zh-TW'], spec.unit?.en]) if (unit && text.endsWith(unit)) text = text.slice(0, -unit.length).trim();
  }
  const value = typeof raw === 'number' ? raw : /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isFinite(value) || (integer && !Number.isInteger(value)) || value < min || value > max) {
    return { ok: false, code: integer ? 'import-number-invalid' : 'import-decimal-invalid', params: { column, min, max, value: cellText(raw) } };
  }
  return { ok: true, value };
}

/** The code a cell names: by its code, its zh-TW or English label, or both ("1 校級"). */
export function findCode(codes: readonly RecordFieldCode[], text: string): RecordFieldCode | undefined {
  const t = halfWidth(text).trim().toLowerCase();
  return codes.find((c) => {
    const names = [c.code, c.label['zh-TW'], c.label.en].map((n) => n.toLowerCase());
    return names.includes(t) || names.slice(1).some((n) => t === `${c.code.toLowerCase()} ${n}` || t === `${c.code.toLowerCase()}${n}`);
  });
}

/**
 * One cell of an imported sheet (Excel or CSV) read as the field's value: dates in 民國
 * (115/11/27, 1151127, 0920315) or Gregorian form, Excel dates and serials; codes by their
 * code or label; numbers from number cells or text (full-width digits, thousands commas, the
 * field's unit after the number). A blank cell is null, or 'import-value-required'.
 */
export function readFieldCell(spec: RecordFieldSpec, cell: Cell | unknown): CellReading {
  const column = spec.label['zh-TW'];
  const text = cellText(cell);
  if (isBlankText(text)) return spec.required ? { ok: false, code: 'import-value-required', params: { column } } : { ok: true, value: null };
  switch (spec.type) {
    case 'text': {
      const result = readFreeText(text, { max: spec.max, multiline: spec.multiline ?? false });
      return result.ok ? { ok: true, value: result.value } : { ok: false, code: IMPORT_TEXT_CODES[result.problem], params: { column, ...result.params } };
    }
    case 'date': {
      const raw = cell instanceof Date || typeof cell === 'number' ? cell : halfWidth(text);
      const reading = readDate(raw);
      return 'iso' in reading ? { ok: true, value: reading.iso } : { ok: false, code: 'import-date-invalid', params: { column, value: text } };
    }
    case 'code': {
      const found = findCode(spec.codes, text);
      return found ? { ok: true, value: found.code } : { ok: false, code: 'import-code-invalid', params: { column, value: text, codes: codeList(spec.codes) } };
    }
    default:
      return readNumberCell(spec, cell, column);
  }
}

/** A value as people read it (lists, exports): a date in 民國 (zh-TW) or ISO (en), a code as its label, '' when empty. */
export function fieldText(spec: RecordFieldSpec, value: unknown, locale: Locale = 'zh-TW'): string {
  if (value === null || value === undefined || value === '') return '';
  if (spec.type === 'date' && typeof value === 'string') return locale === 'zh-TW' ? (rocDateOf(value) ?? value) : value;
  if (spec.type === 'code') return spec.codes.find((c) => c.code === String(value))?.label[locale] ?? String(value);
  return String(value);
}

/**
 * A value as the central database's roster takes it: dates as YYYMMDD (民國, 7 digits), codes as
 * the code, numbers as numbers with -1 for a missing one, text as it is ('' when missing).
 */
export function rosterValue(spec: RecordFieldSpec, value: unknown): string | number {
  const missing = value === null || value === undefined || value === '';
  switch (spec.type) {
    case 'date':
      return missing ? '' : (rocDateOf(String(value), '') ?? '');
    case 'integer':
    case 'decimal':
    case 'academic-year':
    case 'semester':
      return missing || typeof value !== 'number' ? -1 : value;
    default:
      return missing ? '' : String(value);
  }
}
