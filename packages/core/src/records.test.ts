import { describe, expect, it } from 'vitest';
import { DomainError } from './errors.ts';
import {
  OUTCOME_SUMMARY_MAX,
  RECORD_KINDS,
  RECORD_STATUSES,
  assertEditable,
  decideTransition,
  outcomeSummarySchema,
  recordKindPolicy,
  recordStatusLabels,
  correctionNeeds,
  withdrawTransition,
  resubmitTransition,
} from './records.ts';
import { parseSchoolConfig } from './school.ts';

const codeOf = (fn: () => unknown) => {
  try {
    fn();
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return (error as DomainError).code;
  }
};

describe('record statuses', () => {
  it('are labelled 認證中 / 通過 / 未通過 / 已撤銷', () => {
    expect(RECORD_STATUSES).toEqual(['pending', 'passed', 'failed', 'withdrawn']);
    expect(RECORD_STATUSES.map((s) => recordStatusLabels[s]['zh-TW'])).toEqual(['認證中', '通過', '未通過', '已撤銷']);
  });
});

describe('recordKindPolicy', () => {
  const defaults = parseSchoolConfig({ code: '120401', name: 'x', type: 'general' });

  it('gives the defaults of a kind', () => {
    expect(recordKindPolicy(defaults, 'outcome')).toEqual({ enterers: ['student'], certifiers: ['subject-teacher'] });
    expect(RECORD_KINDS.outcome.certified).toBe(true);
    expect(RECORD_KINDS['performance-work'].certified).toBe(false);
    expect(recordKindPolicy(defaults, 'performance-work').certifiers).toEqual([]);
  });

  it('prefers the school override', () => {
    const config = parseSchoolConfig({
      code: '120401',
      name: 'x',
      type: 'general',
      recordKinds: {
        autobiography: { enterers: ['student'], certifiers: ['homeroom-teacher', 'counseling-staff'] },
        'trip': { enterers: ['student-affairs-staff'], certifiers: [] },
      },
    });
    expect(recordKindPolicy(config, 'autobiography').certifiers).toEqual(['homeroom-teacher', 'counseling-staff']);
    expect(recordKindPolicy(config, 'trip')).toEqual({ enterers: ['student-affairs-staff'], certifiers: [] });
  });

  it('does not hand out its own arrays', () => {
    recordKindPolicy(defaults, 'outcome').enterers.push('admin');
    expect(RECORD_KINDS.outcome.defaultEnterers).toEqual(['student']);
  });

  it('takes extra definitions and refuses unknown kinds', () => {
    expect(codeOf(() => recordKindPolicy(defaults, 'nope'))).toBe('record-kind-unknown');
    expect(codeOf(() => recordKindPolicy(defaults, 'toString'))).toBe('record-kind-unknown');
    const extra = { x: { id: 'x', label: { 'zh-TW': 'X', en: 'X' }, certified: false, defaultEnterers: ['admin' as const], defaultCertifiers: [], fields: [], office: 'x', files: false } };
    expect(recordKindPolicy(defaults, 'x', extra).enterers).toEqual(['admin']);
  });
});

describe('certification transitions', () => {
  it('passes or fails a pending record', () => {
    expect(decideTransition('pending', 'pass')).toBe('passed');
    expect(decideTransition('pending', 'fail', '檔案與課程無關')).toBe('failed');
  });
  it('needs a non-blank reason to fail', () => {
    expect(codeOf(() => decideTransition('pending', 'fail'))).toBe('reason-required');
    expect(codeOf(() => decideTransition('pending', 'fail', ' \u3000 '))).toBe('reason-required');
  });
  it('refuses a second decision', () => {
    expect(codeOf(() => decideTransition('passed', 'fail', 'x'))).toBe('already-decided');
    expect(codeOf(() => decideTransition('failed', 'pass'))).toBe('already-decided');
  });
  it('resubmits only failed records', () => {
    expect(resubmitTransition('failed')).toBe('pending');
    expect(codeOf(() => resubmitTransition('pending'))).toBe('not-failed');
    expect(codeOf(() => resubmitTransition('passed'))).toBe('not-failed');
  });
  it('freezes passed records', () => {
    expect(codeOf(() => assertEditable('passed'))).toBe('record-frozen');
    expect(codeOf(() => assertEditable('pending'))).toBeNull();
    expect(codeOf(() => assertEditable('failed'))).toBeNull();
  });
});

describe('outcomeSummarySchema', () => {
  const messageOf = (input: unknown) => {
    const result = outcomeSummarySchema.safeParse(input);
    return result.success ? null : result.error.issues[0]?.message;
  };

  it('trims and accepts up to 100 characters counted by code points', () => {
    expect(OUTCOME_SUMMARY_MAX).toBe(100);
    expect(outcomeSummarySchema.parse('  我的專題報告  ')).toBe('我的專題報告');
    expect(messageOf('字'.repeat(100))).toBeNull();
    expect(messageOf('𠮷'.repeat(100))).toBeNull();
  });
  it('refuses blank and missing summaries', () => {
    expect(messageOf('   ')).toBe('summary-required');
    expect(messageOf(undefined)).toBe('summary-required');
  });
  it('refuses 101 characters', () => {
    expect(messageOf('字'.repeat(101))).toBe('summary-too-long');
    const issue = outcomeSummarySchema.safeParse('a'.repeat(101)).error?.issues[0] as { params?: unknown };
    expect(issue.params).toEqual({ code: 'summary-too-long', max: 100, length: 101 });
  });
});

describe('correction and withdrawal', () => {
  it('corrects pending, failed and uncertified records freely, an office-registered passed one with a reason, nothing withdrawn', () => {
    const own = { registeredByOffice: true, certified: true };
    const student = { registeredByOffice: false, certified: true };
    expect(correctionNeeds('pending', student)).toBe('free');
    expect(correctionNeeds('failed', student)).toBe('free');
    expect(correctionNeeds('passed', { registeredByOffice: false, certified: false })).toBe('free');
    expect(correctionNeeds('passed', own)).toBe('with-reason');
    expect(codeOf(() => correctionNeeds('passed', student))).toBe('record-frozen');
    expect(codeOf(() => correctionNeeds('withdrawn', own))).toBe('record-withdrawn');
  });

  it('withdraws a standing record with a reason, once', () => {
    expect(withdrawTransition('passed', '重複登錄')).toBe('withdrawn');
    expect(withdrawTransition('pending', '登錄錯誤')).toBe('withdrawn');
    expect(codeOf(() => withdrawTransition('failed', ' \u200B '))).toBe('reason-required');
    expect(codeOf(() => withdrawTransition('withdrawn', '再撤一次'))).toBe('record-withdrawn');
    expect(codeOf(() => assertEditable('withdrawn'))).toBe('record-withdrawn');
  });
});
