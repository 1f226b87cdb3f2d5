import { describe, expect, it } from 'vitest';
import { formatMessage } from './errors.ts';
import {
  assertConfirmationOpen,
  assertConfirmationWindow,
  confirmationRequired,
  daysLeft,
  maskNationalId,
  receiptReminder,
  receiptStatus,
  windowLength,
  windowPhase,
} from './receipt.ts';

describe('confirmation window', () => {
  it('counts both ends', () => {
    expect(windowLength('2025-10-01', '2025-10-03')).toBe(3);
    expect(windowLength('2025-10-01', '2025-10-01')).toBe(1);
    expect(windowLength('2024-02-28', '2024-03-01')).toBe(3);
  });

  it('takes three days or more', () => {
    expect(() => assertConfirmationWindow({ start: '2025-10-01', end: '2025-10-03' })).not.toThrow();
    expect(() => assertConfirmationWindow({ start: '2025-10-01', end: '2025-10-02' })).toThrow(
      expect.objectContaining({ code: 'receipt-window-too-short', params: { days: 2, min: 3 } }),
    );
  });

  it('refuses an end before the start and dates that are not ISO or do not exist', () => {
    expect(() => assertConfirmationWindow({ start: '2025-10-05', end: '2025-10-01' })).toThrow(expect.objectContaining({ code: 'receipt-window-order' }));
    expect(() => assertConfirmationWindow({ start: '2025/10/01', end: '2025-10-05' })).toThrow(expect.objectContaining({ code: 'date-invalid' }));
    expect(() => assertConfirmationWindow({ start: '2025-02-27', end: '2025-02-30' })).toThrow(expect.objectContaining({ code: 'date-invalid' }));
  });

  it('places a day before, inside or after the window, and counts the days left', () => {
    const w = { start: '2025-10-01', end: '2025-10-05' };
    expect(windowPhase(w, '2025-09-30')).toBe('before');
    expect(windowPhase(w, '2025-10-01')).toBe('open');
    expect(windowPhase(w, '2025-10-05')).toBe('open');
    expect(windowPhase(w, '2025-10-06')).toBe('after');
    expect(daysLeft(w, '2025-10-04')).toBe(2);
    expect(daysLeft(w, '2025-10-05')).toBe(1);
    expect(daysLeft(w, '2025-10-06')).toBe(0);
    expect(() => assertConfirmationOpen(w, '2025-09-30')).toThrow(expect.objectContaining({ code: 'receipt-window-not-open' }));
    expect(() => assertConfirmationOpen(w, '2025-10-06')).toThrow(expect.objectContaining({ code: 'receipt-window-closed' }));
    expect(() => assertConfirmationOpen(w, '2025-10-05')).not.toThrow();
  });
});

describe('receiptStatus', () => {
  const w = { start: '2025-10-01', end: '2025-10-05' };
  it('reads a pending item as deemed confirmed only after the window', () => {
    expect(receiptStatus('pending', w, '2025-10-05')).toBe('pending');
    expect(receiptStatus('pending', w, '2025-10-06')).toBe('deemed-confirmed');
    expect(receiptStatus('confirmed', w, '2025-10-06')).toBe('confirmed');
    expect(receiptStatus('issue', w, '2025-10-06')).toBe('issue');
  });
});

describe('receiptReminder', () => {
  it('says what is confirmed and what is not, in both languages', () => {
    expect(receiptReminder(['修課紀錄', '幹部經歷'], ['課程學習成果', '多元表現'])).toBe(
      '您已完成確認：修課紀錄、幹部經歷。您尚未完成確認：課程學習成果、多元表現。',
    );
    expect(receiptReminder(['Cadres'], ['Outcomes', 'Performances'], 'en')).toBe('You have confirmed: Cadres. You have not yet confirmed: Outcomes, Performances.');
  });

  it('leaves out an empty part', () => {
    expect(receiptReminder([], ['多元表現'])).toBe('您尚未完成確認：多元表現。');
    expect(receiptReminder(['多元表現'], [])).toBe('您已完成確認：多元表現。');
    expect(receiptReminder([], [])).toBe('');
  });
});

describe('confirmationRequired and maskNationalId', () => {
  it('spares graduated grade-12 course records only', () => {
    expect(confirmationRequired(36, { grade: 3, status: 'graduated' })).toBe(false);
    expect(confirmationRequired(26, { grade: 3, status: 'graduated' })).toBe(false);
    expect(confirmationRequired(25, { grade: 3, status: 'graduated' })).toBe(true);
    expect(confirmationRequired(26, { grade: 3, status: 'enrolled' })).toBe(true);
    expect(confirmationRequired(26, { grade: 2, status: 'graduated' })).toBe(true);
  });

  it('masks the middle of an ID', () => {
    expect(maskNationalId('A123456789')).toBe('A12****789');
    expect(maskNationalId('AB12')).toBe('****');
    expect(maskNationalId('AB12345')).toBe('A*****5');
  });

  it('has catalogue texts for its refusals', () => {
    expect(formatMessage('receipt-window-too-short', { days: 2, min: 3 })).toBe('確認期間至少須 3 天（目前 2 天）');
    expect(formatMessage('receipt-sha-line-invalid', { line: 4 }, 'en')).toContain('line 4');
  });
});
