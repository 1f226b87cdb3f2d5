import { rocDateOf, taipeiDay } from '@licheng/core';

/**
 * A tiny i18n: each package keeps a zh-TW dictionary (the source) and an English one with the
 * same keys; `t(key, params, locale)` picks the text and fills `{name}` placeholders.
 */
export type Locale = 'zh-TW' | 'en';
export const LOCALES: readonly Locale[] = ['zh-TW', 'en'];
export type MessageParams = Record<string, string | number>;

export interface Messages<K extends string> {
  'zh-TW': Record<K, string>;
  en: Record<K, string>;
}

/** Fills `{name}` placeholders; unknown ones stay visible so a missing param is noticed. */
export function fill(text: string, params: MessageParams = {}): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** Declares a package's dictionaries; English must have every zh-TW key. */
export function defineMessages<K extends string>(messages: { 'zh-TW': Record<K, string>; en: Record<NoInfer<K>, string> }): Messages<K> {
  return messages;
}

export type Translate<K extends string> = (key: K, params?: MessageParams, locale?: Locale) => string;

export function createTranslator<K extends string>(messages: Messages<K>): Translate<K> {
  return (key, params, locale = 'zh-TW') => fill(messages[locale]?.[key] ?? messages['zh-TW'][key] ?? key, params);
}

function isoDateOf(value: string | Date): string | null {
  if (value instanceof Date) return taipeiDay(value);
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  return taipeiDay(new Date(value));
}

/**
 * A date for people: 民國 in zh-TW ('114/10/01'), ISO in English ('2025-10-01'). Accepts an
 * ISO date, an ISO timestamp (read in Taipei time) or a Date; '' for nothing.
 */
export function formatDate(value: string | Date | null | undefined, locale: Locale = 'zh-TW'): string {
  if (value === null || value === undefined || value === '') return '';
  const iso = isoDateOf(value);
  if (!iso) return String(value);
  return locale === 'zh-TW' ? (rocDateOf(iso) ?? iso) : iso;
}

/** Date and Taipei time, e.g. '114/10/01 14:05'. */
export function formatDateTime(value: string | Date | null | undefined, locale: Locale = 'zh-TW'): string {
  if (value === null || value === undefined || value === '') return '';
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  const taipei = new Date(date.getTime() + 8 * 3600_000);
  const time = `${String(taipei.getUTCHours()).padStart(2, '0')}:${String(taipei.getUTCMinutes()).padStart(2, '0')}`;
  return `${formatDate(date, locale)} ${time}`;
}

/** Sizes as people read them: '512 KB', '3.2 MB'. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  const mb = bytes / (1024 * 1024);
  return `${mb >= 10 ? Math.round(mb) : mb.toFixed(1)} MB`;
}

/** Characters as people count them (a CJK character or an emoji is one). */
export function charCount(text: string): number {
  return Array.from(text).length;
}
