import { z } from 'zod';
import { parseFlexibleDate } from './calendar.ts';
import { courseCodeSchema } from './course-code.ts';
import { DomainError, formatMessage } from './errors.ts';
import { IMPORT_TEXT_CODES, isBlankText, readFreeText, type FreeTextProblem } from './free-text.ts';
import type { MessageParams } from './errors.ts';
import { nationalIdKind, normalizeNationalId } from './national-id.ts';

/**
 * Cells of an imported sheet and the zod field types that read them. Cells arrive as
 * strings (CSV), numbers, booleans, Date objects or spreadsheet-reader objects (rich text,
 * hyperlinks, formula results). Each field reports a failure as a custom zod issue whose
 * `params.code` is a catalogue code and whose message is its zh-TW text.
 */

export type Cell = string | number | boolean | Date | null;

/** Unwraps spreadsheet-reader cell objects ({richText}, {text}, {result}) to a plain cell. */
export function unwrapCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (Array.isArray(o.richText)) return o.richText.map((run) => (run as { text?: unknown }).text ?? '').join('');
    if ('result' in o) return unwrapCell(o.result);
    if ('text' in o) return unwrapCell(o.text);
  }
  return String(value);
}

/** A cell as trimmed text ('' when blank). Whole numbers print without a decimal point. */
export function cellText(value: unknown): string {
  const cell = unwrapCell(value);
  if (cell === null) return '';
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString();
  return String(cell).replace(/^\uFEFF/, '').trim();
}

export function isBlankCell(value: unknown): boolean {
  return cellText(value) === '';
}

type Parsed<T> = { ok: true; value: T } | { ok: false; code: string; params: MessageParams };
const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = <T>(code: string, params: MessageParams): Parsed<T> => ({ ok: false, code, params });

function field<T>(parse: (raw: unknown) => Parsed<T>) {
  // optional(): a column absent from the file leaves its key out, which reads as blank.
  return z.unknown().optional().transform((raw, ctx): T => {
    const result = parse(raw);
    if (result.ok) return result.value;
    ctx.addIssue({
      code: 'custom',
      message: formatMessage(result.code, result.params, 'zh-TW'),
      params: { code: result.code, ...result.params },
    });
    return z.NEVER;
  });
}

/**
 * A cell as free text (see readFreeText: no control characters, single line, NFC): '' when
 * blank, white space and invisible characters counting as blank.
 */
function cellFreeText(raw: unknown, column: string, max?: number): Parsed<string> {
  const text = cellText(raw);
  if (isBlankText(text)) return ok('');
  const result = readFreeText(text, max === undefined ? {} : { max });
  return result.ok ? ok(result.value) : bad<string>(IMPORT_TEXT_CODES[result.problem], { column, ...result.params });
}

/** Required text. */
export function textField(column: string) {
  return field((raw) => {
    const text = cellFreeText(raw, column);
    return text.ok && text.value === '' ? bad<string>('import-value-required', { column }) : text;
  });
}

/** Optional single-line text of at most `max` characters: null when blank. */
export function cappedTextField(column: string, max: number) {
  return field((raw): Parsed<string | null> => {
    const text = cellFreeText(raw, column, max);
    return text.ok && text.value === '' ? ok<string | null>(null) : text;
  });
}

/** Optional text: `fallback` when blank. */
export function optionalTextField<F extends string | null>(column: string, fallback: F) {
  return field((raw): Parsed<string | F> => {
    const text = cellFreeText(raw, column);
    return text.ok && text.value === '' ? ok<string | F>(fallback) : text;
  });
}

interface IntegerOptions {
  min: number;
  max: number;
  /** Words read as numbers, e.g. { 一: 1 }. */
  words?: Record<string, number>;
  /** Text removed before reading, e.g. /^高|年級$/g. */
  strip?: RegExp;
  /** Value when blank; without it a blank cell is an error. */
  fallback?: number;
}

/** A whole number within [min, max], from a number cell or text such as '3' or '3.0'. */
export function integerField(column: string, options: IntegerOptions) {
  return field((raw) => {
    const cell = unwrapCell(raw);
    const text = cellText(cell).normalize('NFKC').replace(/\s+/g, '');
    if (text === '') {
      return options.fallback === undefined ? bad<number>('import-value-required', { column }) : ok(options.fallback);
    }
    const core = options.strip ? text.replace(options.strip, '') : text;
    let n = options.words?.[core];
    if (n === undefined && /^\d+(\.0+)?$/.test(core)) n = Number(core);
    if (n === undefined || !Number.isInteger(n) || n < options.min || n > options.max) {
      return bad<number>('import-number-invalid', { column, value: cellText(cell), min: options.min, max: options.max });
    }
    return ok(n);
  });
}

/** A national ID or resident certificate number, upper-cased and checksum-checked. */
export function nationalIdField(column: string) {
  return field((raw) => {
    const text = cellText(raw);
    if (text === '') return bad<string>('import-value-required', { column });
    const id = normalizeNationalId(text);
    return nationalIdKind(id) ? ok(id) : bad<string>('import-national-id-invalid', { column, value: text });
  });
}

/** A date in any form `parseFlexibleDate` reads, as ISO. */
export function dateField(column: string) {
  return field((raw) => {
    const cell = unwrapCell(raw);
    if (cellText(cell) === '') return bad<string>('import-value-required', { column });
    try {
      return ok(parseFlexibleDate(typeof cell === 'boolean' ? String(cell) : (cell as string | number | Date)));
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return bad<string>('date-invalid', { column, value: cellText(cell) });
    }
  });
}

/**
 * An optional national school code (學校代碼: 6 digits, SPEC §5): null when blank. Full-width
 * digits and spaces are normalised; a number cell of fewer digits is a code whose leading zeros
 * the spreadsheet dropped (013402 → 13402), so it is padded back.
 */
export function schoolCodeField(column: string) {
  return field((raw): Parsed<string | null> => {
    const cell = unwrapCell(raw);
    const checked = cellFreeText(cell, column);
    if (!checked.ok) return checked;
    if (checked.value === '') return ok<string | null>(null);
    let code = checked.value.normalize('NFKC').replace(/\s+/g, '');
    if (typeof cell === 'number' && /^\d{1,5}$/.test(code)) code = code.padStart(6, '0');
    return /^\d{6}$/.test(code) ? ok<string | null>(code) : bad<string | null>('import-school-code-invalid', { column, value: checked.value });
  });
}

/** A course code, normalised and checked (see courseCodeSchema). */
export function courseCodeField(column: string) {
  return field((raw) => {
    const text = cellText(raw);
    if (text === '') return bad<string>('import-value-required', { column });
    const result = courseCodeSchema.safeParse(text);
    if (result.success) return ok(result.data);
    const { code = 'course-code-invalid', ...params } = (result.error.issues[0] as { params?: MessageParams }).params ?? {};
    return bad<string>(String(code), { column, ...params });
  });
}

/** Words mapped to values; `fallback` when blank. */
export function choiceField<T>(code: string, words: Record<string, T>, fallback: T) {
  return field((raw) => {
    const text = cellText(raw);
    if (text === '') return ok(fallback);
    const key = text.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
    const value = Object.hasOwn(words, key) ? words[key] : undefined;
    return value === undefined ? bad<T>(code, { value: text }) : ok(value);
  });
}

/** An optional e-mail address (null when blank). */
export function emailField(column: string) {
  return field((raw) => {
    const checked = cellFreeText(raw, column);
    if (!checked.ok) return checked;
    const text = checked.value.normalize('NFKC');
    if (text === '') return ok<string | null>(null);
    return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text) ? ok<string | null>(text) : bad<string | null>('import-email-invalid', { value: text });
  });
}

/** One or more codes in one cell, separated by 、 , ; / or spaces; duplicates dropped. */
export function listField(column: string) {
  return field((raw) => {
    const checked = cellFreeText(raw, column);
    if (!checked.ok) return checked;
    const items = checked.value
      .normalize('NFKC')
      .split(/[、,;/\s]+/)
      .filter((s) => s !== '');
    return items.length === 0 ? bad<string[]>('import-value-required', { column }) : ok([...new Set(items)]);
  });
}

/** The zh-TW text of a free-text problem in an imported sheet's `column`. */
export function importTextMessage(problem: FreeTextProblem, column: string, params: MessageParams): { code: string; params: MessageParams; message: string } {
  const code = IMPORT_TEXT_CODES[problem];
  const all = { column, ...params };
  return { code, params: all, message: formatMessage(code, all, 'zh-TW') };
}
