import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DomainError, formatMessage, isDomainError, messageCodes, messages } from './errors.ts';

/** Codes core throws or reports, and codes the server relies on. */
const USED_CODES = [
  'unauthenticated', 'token-expired', 'forbidden', 'not-found', 'invalid-input', 'internal-error', 'storage-full', 'storage-unavailable', 'storage-unreadable',
  'window-closed', 'window-not-open', 'window-unscheduled', 'upload-cap-reached', 'selection-cap-reached',
  'file-too-large', 'file-type-not-allowed', 'file-missing', 'file-empty', 'summary-required', 'summary-too-long',
  'already-decided', 'record-frozen', 'not-failed', 'not-passed', 'not-decided', 'record-in-roster', 'reason-required', 'record-kind-unknown',
  'course-code-invalid', 'credits-pattern-invalid', 'course-plan-line-invalid', 'date-invalid', 'semester-invalid',
  'school-code-invalid', 'import-header-missing', 'import-header-duplicate', 'import-mapping-invalid', 'import-empty',
  'import-value-required', 'import-value-invalid', 'import-number-invalid', 'import-national-id-invalid',
  'import-email-invalid', 'import-division-invalid', 'import-take-kind-invalid', 'import-duplicate-row',
  'roster-kind-unknown',
  'text-control-character', 'text-line-break', 'text-malformed', 'text-blank', 'text-too-long',
  'import-text-control-character', 'import-text-line-break', 'import-text-malformed',
  'roster-national-id-taken', 'roster-seat-taken', 'roster-host-user-student', 'roster-host-user-teacher',
];

const SAMPLE_PARAMS = {
  activity: 'outcome-upload', start: '2025-08-01', end: '2026-01-31', cap: 3, slot: 'document', maxMb: 4,
  allowed: 'pdf, jpg, png', max: 100, kind: 'x', reason: 'length', length: 22, value: 'v', column: '學號',
  header: 'h', min: 1, firstRow: 2, key: 'k', position: 1, char: 'a', holder: 'S001', className: '101', seatNo: 5,
};

describe('message catalogue', () => {
  it.each(USED_CODES)('%s formats in both locales with no placeholder left', (code) => {
    expect(messageCodes).toContain(code);
    for (const locale of ['zh-TW', 'en'] as const) {
      const text = formatMessage(code, SAMPLE_PARAMS, locale);
      expect(text).not.toBe(code);
      expect(text).not.toMatch(/\{[A-Za-z]/);
    }
  });

  it('has the same placeholders in both locales of every entry', () => {
    const names = (s: string) => [...s.matchAll(/\{([\w-]+)\}/g)].map((m) => m[1]).sort();
    for (const [code, text] of Object.entries(messages)) {
      expect(names(text['zh-TW']), code).toEqual(names(text.en));
      expect(text['zh-TW'].trim(), code).not.toBe('');
    }
  });

  it('covers every code thrown or reported by core source files', () => {
    const dir = fileURLToPath(new URL('.', import.meta.url));
    const found = new Set<string>();
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
      const text = readFileSync(dir + file, 'utf8');
      for (const m of text.matchAll(/(?:DomainError|issue|bad<[^>]*>|choiceField<[^>]*>)\(\s*(?:[\w?.]+,\s*){0,2}'([a-z][a-z-]+)'/g)) {
        if (m[1]) found.add(m[1]);
      }
    }
    expect(found.size).toBeGreaterThan(20);
    for (const code of found) expect(messageCodes, code).toContain(code);
  });
});

describe('formatMessage', () => {
  it('fills placeholders and translates values that have their own entry', () => {
    expect(formatMessage('window-closed', { activity: 'outcome-upload', end: '2026-01-31' }, 'zh-TW')).toBe('「課程學習成果上傳」的作業期間已於 115/01/31 結束');
    expect(formatMessage('upload-cap-reached', { cap: 3 }, 'zh-TW')).toBe('上傳數量已達上限（3 件）');
    expect(formatMessage('file-too-large', { slot: 'media', maxMb: 10 }, 'en')).toBe('The media file exceeds the 10 MB limit.');
  });

  it('translates a code-scoped reason with its own parameters', () => {
    expect(formatMessage('course-code-invalid', { reason: 'length', length: 22 }, 'zh-TW')).toBe(
      '課程代碼錯誤：應為 23 碼（目前為 22 碼）',
    );
  });

  it('shows a value without an entry as it is, and an unknown code as the code', () => {
    expect(formatMessage('course-code-invalid', { reason: '不在課程計畫中' }, 'zh-TW')).toBe('課程代碼錯誤：不在課程計畫中');
    expect(formatMessage('no-such-code', {}, 'en')).toBe('no-such-code');
    expect(formatMessage('window-closed', {}, 'en')).toContain('{activity}');
  });

  it('shows dates in 民國 in zh-TW and as ISO in English', () => {
    expect(formatMessage('window-not-open', { activity: 'outcome-upload', start: '2026-09-01' }, 'zh-TW')).toBe('「課程學習成果上傳」尚未開放，將於 115/09/01 開始');
    expect(formatMessage('receipt-window-closed', { end: '2025-10-06' }, 'zh-TW')).toBe('收訖確認已於 114/10/06 結束');
    expect(formatMessage('audit-date-range', { from: '2026-11-28', to: '2026-11-27' }, 'en')).toBe('The start date 2026-11-28 is after the end date 2026-11-27.');
    // A typed value stays as it was typed.
    expect(formatMessage('date-invalid', { value: '2026-02-30' }, 'zh-TW')).toBe('日期「2026-02-30」無法辨識或不存在');
  });
});

describe('DomainError', () => {
  it('carries code, params and an English message', () => {
    const error = new DomainError('selection-cap-reached', { cap: 6 });
    expect(error).toBeInstanceOf(Error);
    expect(isDomainError(error)).toBe(true);
    expect(error.code).toBe('selection-cap-reached');
    expect(error.params).toEqual({ cap: 6 });
    expect(error.message).toBe('The selection limit of 6 items for this academic year has been reached.');
    expect(error.format('zh-TW')).toBe('本學年度勾選數量已達上限（6 件）');
    expect(new DomainError('forbidden').params).toEqual({});
  });
});
