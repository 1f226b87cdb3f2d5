import { readFreeText, type LocalizedText, type RecordFieldSpec } from '@licheng/core';
import { formatDate, type Locale } from '../i18n/i18n.ts';
import { rt } from './messages.ts';

/**
 * What the record screens need to know of a kind: its name, its fields (RecordFieldSpec, the
 * same plain data the server validates with) and what else its form offers. The server's
 * `<office>.records.kinds` answer (id, label, files, mayEnter) plus the kind's declared fields
 * fits it as it is.
 */
export interface RecordKindScreen {
  id: string;
  label: LocalizedText;
  fields: readonly RecordFieldSpec[];
  /** A 內容簡述 field with its length limit, when the kind has one; `label` when the kind names it otherwise (the server's `summaryLabel`). */
  summary?: { max: number; required: boolean; label?: LocalizedText };
  /** File slots the form offers, under the same limits as course outcomes; `true` is all three. */
  files?: boolean | { document?: boolean; media?: boolean; videoLink?: boolean };
  /** false: the caller may not enter this kind (the form is disabled with the reason). */
  mayEnter?: boolean;
}

/** The kind's name for its summary: its own label, else 內容簡述. */
export function summaryLabelOf(kind: RecordKindScreen | null | undefined, locale: Locale): string {
  return kind?.summary?.label ? localized(kind.summary.label, locale) : rt('form.summary', {}, locale);
}

/** The file slots a kind offers. */
export function fileSlotsOf(kind: RecordKindScreen | null | undefined): { document: boolean; media: boolean; videoLink: boolean } {
  const f = kind?.files;
  if (f === true) return { document: true, media: true, videoLink: true };
  return { document: Boolean(f && f.document), media: Boolean(f && f.media), videoLink: Boolean(f && f.videoLink) };
}

/**
 * One record as the list shows it: a structural subset of the server's RecordListRow
 * (`<office>.records.list`), so its rows pass as they are.
 */
export interface RecordRow {
  id: string;
  kind: string;
  academicYear: number;
  semester: number;
  status: RecordListStatus;
  data: Readonly<Record<string, unknown>>;
  summary?: string | null;
  statusReason?: string | null;
  student?: { studentNo: string; name: string; className?: string | null; seatNo?: number | null } | null;
  videoUrl?: string | null;
  /** The stored document and media file, for kinds with files (the list says which are there). */
  documentFileId?: string | null;
  mediaFileId?: string | null;
  /** Whether 更正 is offered, and whether it needs a reason; offered when absent. */
  correctable?: 'no' | 'yes' | 'with-reason';
  /** Whether 撤銷 is offered; offered when absent. */
  withdrawable?: boolean;
  /** Whether 撤回決定 is offered: the caller certified it and may take that back; not offered when absent. */
  reopenable?: boolean;
  version?: number;
}

/**
 * What the form sends: `data` keyed by field key (ISO dates, numbers, codes), plus summary,
 * files and link; with `ask-student` the 學號 and the record's 學年度/學期 (RecordEnterInput),
 * and a correction's reason when the record needs one (RecordCorrectInput).
 */
export interface RecordSubmission {
  data: Record<string, string | number | null>;
  summary: string;
  files: { document: File | null; media: File | null };
  videoLink: string;
  studentNo?: string;
  academicYear?: number;
  semester?: 1 | 2;
  reason?: string;
}

/** The national file limits of the document and media slots (hints; the server decides). */
export const RECORD_FILE_LIMITS = {
  document: { accept: '.pdf,.jpg,.jpeg,.png', maxBytes: 4 * 1024 * 1024 },
  media: { accept: '.mp3,.mp4', maxBytes: 10 * 1024 * 1024 },
} as const;

export const localized = (text: LocalizedText | undefined, locale: Locale): string => (text ? (text[locale] ?? text['zh-TW']) : '');

/** The statuses a list filters by: the certification statuses and 撤銷 (withdrawn). */
export const RECORD_LIST_STATUSES = ['pending', 'passed', 'failed', 'withdrawn'] as const;
export type RecordListStatus = (typeof RECORD_LIST_STATUSES)[number];

/** ROC academic years a record may be filed under (as the server's field rule). */
export const YEAR_RANGE = { min: 100, max: 999 } as const;

/** A code list shows as radios when it has at most this many codes, else as a select. */
export const RADIO_MAX = 4;

/** A field's value as people read it: 民國 dates in zh-TW, code labels, numbers with their unit. */
export function displayValue(field: RecordFieldSpec, value: unknown, locale: Locale): string {
  if (value === null || value === undefined || value === '') return '';
  switch (field.type) {
    case 'date':
      return formatDate(String(value), locale);
    case 'code': {
      const code = field.codes.find((c) => c.code === String(value));
      return code ? localized(code.label, locale) : String(value);
    }
    case 'integer':
    case 'decimal':
      return field.unit ? `${value} ${unitText(field.unit, Number(value), locale)}` : String(value);
    case 'semester':
      return locale === 'zh-TW' ? (String(value) === '1' ? '上' : '下') : String(value);
    default:
      return String(value);
  }
}

/**
 * A unit as it reads after `n`: in English the singular when Intl.PluralRules says 'one'
 * ("1 period", "1 hour"; the units are declared in the plural, a final s dropped), else as declared.
 */
export function unitText(unit: LocalizedText, n: number, locale: Locale): string {
  const text = localized(unit, locale);
  if (locale !== 'en' || new Intl.PluralRules('en').select(n) !== 'one') return text;
  return /[^s]s$/.test(text) ? text.slice(0, -1) : text;
}

/** The words that name a record in messages: its student and its first field. */
export function recordTitle(kind: RecordKindScreen | undefined, row: RecordRow, locale: Locale): string {
  const first = kind?.fields[0];
  const what = first ? displayValue(first, row.data[first.key], locale) : '';
  return [row.student?.name, what].filter(Boolean).join(' ');
}

/** A value from the form as the record stores it, or an error message. */
export function readFieldValue(field: RecordFieldSpec, raw: string, locale: Locale): { value?: string | number; error?: string } {
  const label = localized(field.label, locale);
  const text = raw.trim();
  if (text === '') {
    if (!field.required) return {};
    return { error: rt(field.type === 'code' || field.type === 'semester' ? 'error.choose' : 'error.required', { field: label }, locale) };
  }
  switch (field.type) {
    case 'text': {
      const read = readFreeText(raw, { multiline: field.multiline ?? false, max: field.max });
      if (read.ok) return { value: read.value };
      if (read.problem === 'too-long') return { error: rt('error.too-long', { field: label, max: field.max, length: read.params.length ?? '' }, locale) };
      if (read.problem === 'line-break') return { error: rt('error.line-break', { field: label }, locale) };
      if (read.problem === 'blank') return field.required ? { error: rt('error.required', { field: label }, locale) } : {};
      return { error: rt('error.control', { field: label }, locale) };
    }
    case 'integer':
    case 'decimal': {
      const n = Number(text);
      const ok = Number.isFinite(n) && (field.type === 'decimal' || Number.isInteger(n)) && n >= field.min && n <= field.max;
      if (ok) return { value: n };
      const kind = rt(field.type === 'integer' ? 'error.integer' : 'error.decimal', {}, locale);
      return { error: rt('error.number', { field: label, min: field.min, max: field.max, kind }, locale) };
    }
    case 'academic-year': {
      const n = Number(text);
      return Number.isInteger(n) && n >= YEAR_RANGE.min && n <= YEAR_RANGE.max ? { value: n } : { error: rt('error.year', { field: label }, locale) };
    }
    case 'semester':
      return text === '1' || text === '2' ? { value: Number(text) } : { error: rt('error.choose', { field: label }, locale) };
    case 'code':
      return field.codes.some((c) => c.code === text) ? { value: text } : { error: rt('error.choose', { field: label }, locale) };
    case 'date':
      return /^\d{4}-\d{2}-\d{2}$/.test(text) ? { value: text } : { error: rt('error.date', { field: label }, locale) };
  }
}

/** An external video link must be an https address (the server checks the host list). */
export function videoLinkError(link: string, locale: Locale): string {
  if (!link.trim()) return '';
  try {
    return new URL(link.trim()).protocol === 'https:' ? '' : rt('error.video-link', {}, locale);
  } catch {
    return rt('error.video-link', {}, locale);
  }
}
