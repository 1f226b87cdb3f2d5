import type { LocalizedText } from '@licheng/core';
import { rt } from '../record-fields/messages.ts';
import { readFieldValue, type RecordKindScreen } from '../record-fields/record-fields.ts';

/** The form's own inputs beside the kind's fields, keyed apart from any field key. */
export const STUDENT = '_studentNo';
export const SUMMARY = '_summary';
export const LINK = '_videoLink';
export const FILES = '_files';
export const REASON = '_reason';
export const REASON_MAX = 200;

/** A record-form text in both languages (labels the field readers take). */
export const both = (key: Parameters<typeof rt>[0]): LocalizedText => ({ 'zh-TW': rt(key, {}, 'zh-TW'), en: rt(key, {}, 'en') });

/** What is wrong with the summary (內容簡述 or the kind's name for it) and the correction's reason, by input key. */
export function noteErrors(kind: RecordKindScreen | null, values: Readonly<Record<string, string>>, needsReason: boolean, locale: 'zh-TW' | 'en'): Record<string, string> {
  const errors: Record<string, string> = {};
  const summary = kind?.summary;
  if (summary) {
    const read = readFieldValue({ key: SUMMARY, type: 'text', multiline: true, max: summary.max, required: summary.required, label: summary.label ?? both('form.summary') }, values[SUMMARY] ?? '', locale);
    if (read.error) errors[SUMMARY] = read.error;
  }
  if (needsReason) {
    const read = readFieldValue({ key: REASON, type: 'text', multiline: true, max: REASON_MAX, required: true, label: both('form.reason') }, values[REASON] ?? '', locale);
    if (read.error) errors[REASON] = read.error;
  }
  return errors;
}
