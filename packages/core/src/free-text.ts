import { z } from 'zod';
import type { MessageParams } from './errors.ts';

/**
 * The one rule for text people type or paste (names, titles, 簡述, reasons, issue texts, the
 * text cells of an imported sheet):
 *
 * - Normalised: Unicode NFC, line ends as `\n`, surrounding white space and zero-width
 *   spacing characters (U+200B, U+2060, U+FEFF) removed.
 * - No control characters: C0 (U+0000–U+001F, except tab and line feed in multi-line text),
 *   DEL (U+007F), C1 (U+0080–U+009F), and the bidirectional embedding, override and isolate
 *   controls (U+202A–U+202E, U+2066–U+2069) that make text display in another order than it
 *   is stored. Single-line text takes no line break at all (U+000A, U+2028, U+2029).
 * - Well formed: no lone UTF-16 surrogate.
 * - Not blank: something must remain after removing white space and every invisible
 *   character — format characters (\p{Cf}: zero-width space and joiners, word joiner, BOM,
 *   soft hyphen…), default-ignorable code points (Hangul fillers, variation selectors…) and
 *   the braille blank U+2800.
 * - At most `max` characters, counted as people count them (code points).
 *
 * Combining marks, emoji (with their joiners and variation selectors), CJK ideographs
 * including those outside the BMP, and private-use characters (造字 in Taiwanese names) are
 * valid text. See docs/adr/0014-one-rule-for-free-text-and-roster-integrity.md.
 */

export interface FreeTextOptions {
  /** Longest text in characters (code points); no limit when omitted. */
  max?: number;
  /** Whether line breaks and tabs are allowed (a textarea); single-line otherwise. */
  multiline?: boolean;
}

export type FreeTextProblem = 'control-character' | 'line-break' | 'malformed' | 'blank' | 'too-long';

export type FreeTextResult = { ok: true; value: string } | { ok: false; problem: FreeTextProblem; params: MessageParams };

/** The catalogue codes of each problem, for a procedure's input. */
export const FREE_TEXT_CODES: Record<FreeTextProblem, string> = {
  'control-character': 'text-control-character',
  'line-break': 'text-line-break',
  malformed: 'text-malformed',
  blank: 'text-blank',
  'too-long': 'text-too-long',
};

/** The catalogue codes of each problem in a cell of an imported sheet (they name the column). */
export const IMPORT_TEXT_CODES: Record<FreeTextProblem, string> = {
  'control-character': 'import-text-control-character',
  'line-break': 'import-text-line-break',
  malformed: 'import-text-malformed',
  blank: 'import-value-required',
  'too-long': 'import-value-too-long',
};

const EDGE = /^[\s\u200B\u2060\uFEFF]+|[\s\u200B\u2060\uFEFF]+$/gu;
const VISIBLE = /[^\p{White_Space}\p{Cf}\p{Default_Ignorable_Code_Point}\u2800]/u;
const LINE_BREAK = /[\r\n\u2028\u2029]/u;
const CONTROL_SINGLE = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/u;
const CONTROL_MULTI = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/u;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** A code point as people look it up: U+0000. */
export function codePointLabel(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** 1-based position in characters (code points) of the first match of `pattern`. */
function positionOf(text: string, pattern: RegExp): { position: number; char: string } | null {
  if (!pattern.test(text)) return null; // the usual case, without walking the text
  let position = 0;
  for (const char of text) {
    position++;
    if (pattern.test(char)) return { position, char };
  }
  return null;
}

/** Whether nothing visible remains once white space and invisible characters are removed. */
export function isBlankText(text: string): boolean {
  return !VISIBLE.test(text);
}

/**
 * Reads free text by the rule above: the normalised value, or the first problem with its
 * parameters (`char` and `position` of an offending character; `max` and `length` when too
 * long). Blank text is the problem 'blank' — callers that allow an empty value check
 * `isBlankText` first.
 */
export function readFreeText(raw: string, options: FreeTextOptions = {}): FreeTextResult {
  if (LONE_SURROGATE.test(raw)) return { ok: false, problem: 'malformed', params: {} };
  const multiline = options.multiline ?? false;
  let text = raw.normalize('NFC');
  if (multiline) text = text.replace(/\r\n?|[\u2028\u2029]/g, '\n');
  text = text.replace(EDGE, '');
  if (!multiline) {
    const lineBreak = positionOf(text, LINE_BREAK);
    if (lineBreak) return { ok: false, problem: 'line-break', params: { position: lineBreak.position } };
  }
  const control = positionOf(text, multiline ? CONTROL_MULTI : CONTROL_SINGLE);
  if (control) return { ok: false, problem: 'control-character', params: { char: codePointLabel(control.char), position: control.position } };
  if (isBlankText(text)) return { ok: false, problem: 'blank', params: {} };
  // UTF-16 length bounds the count of code points: most texts need no counting.
  if (options.max !== undefined && text.length > options.max) {
    const length = Array.from(text).length;
    if (length > options.max) return { ok: false, problem: 'too-long', params: { max: options.max, length } };
  }
  return { ok: true, value: text };
}

export interface FreeTextSchemaOptions extends FreeTextOptions {
  max: number;
  /** Blank text reads as '' instead of being refused. */
  allowBlank?: boolean;
  /** Catalogue codes to use instead of the general ones, e.g. { blank: 'summary-required' }. */
  codes?: Partial<Record<FreeTextProblem, string>>;
}

/**
 * A zod string read by the free-text rule. Each refusal is an issue whose message is a
 * catalogue code (shown in the caller's language by the server) and whose `params` carry
 * that code and its parameters.
 */
export function freeText(options: FreeTextSchemaOptions) {
  const codes = { ...FREE_TEXT_CODES, ...options.codes };
  const message = (problem: FreeTextProblem) => codes[problem];
  return z
    // A missing value is blank text; any other non-string gets zod's own invalid_type message.
    .string({ error: (issue) => (issue.input === undefined ? message('blank') : undefined) })
    .transform((raw, ctx): string => {
      const result = readFreeText(raw, options);
      if (result.ok) return result.value;
      if (result.problem === 'blank' && options.allowBlank) return '';
      const code = message(result.problem);
      ctx.addIssue({ code: 'custom', message: code, params: { code, ...result.params } });
      return z.NEVER;
    })
    // JSON Schema counts maxLength in code points, as the rule does.
    .meta({ description: `free text, at most ${options.max} characters${options.multiline ? ', line breaks allowed' : ', one line'}`, maxLength: options.max });
}

const FILE_NAME_UNSAFE = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * The name of an uploaded file as it may be kept and shown: the browser sends it, nobody
 * types it, so it is cleaned rather than refused — control characters, line breaks, lone
 * surrogates and bidirectional controls (which would show 「報告\u202Egpj.exe」 as
 * 「報告exe.jpg」) removed, NFC, trimmed, at most `max` characters; `fallback` when blank.
 */
export function cleanFileName(name: string, fallback: string, max = 200): string {
  const cleaned = name.replace(FILE_NAME_UNSAFE, '').normalize('NFC').replace(EDGE, '');
  const capped = Array.from(cleaned).slice(0, max).join('').replace(EDGE, '');
  return isBlankText(capped) ? fallback : capped;
}
