import { describe, expect, it } from 'vitest';
import { actionLabel, changeText, fieldChanges } from '../../audit-labels.ts';

describe('the audit trail as people read it', () => {
  it('names actions by record kind and verb, unknown ones as stored', () => {
    expect(actionLabel('outcome.certify.fail', 'zh-TW')).toBe('課程學習成果 認證未通過');
    expect(actionLabel('skill-certificate.enter', 'en')).toBe('Skill certificate Entered');
    expect(actionLabel('roster.import.courses', 'zh-TW')).toBe('名冊匯入');
    expect(actionLabel('receipt.item.deem-confirmed', 'zh-TW')).toBe('視同確認');
    expect(actionLabel('receipt.correction.mark', 'en')).toBe('Corrected, for the next submission');
    expect(actionLabel('receipt.paper-return.record', 'zh-TW')).toBe('登錄紙本確認單回條');
    expect(actionLabel('receipt.paper-return.withdraw', 'en')).toBe('Returned paper form record withdrawn');
    expect(actionLabel('file.download', 'zh-TW')).toBe('下載檔案');
    expect(actionLabel('something.new', 'zh-TW')).toBe('something.new');
  });

  it('shows a decision field by field, statuses, roles and Taipei times by name', () => {
    const text = changeText(
      { status: 'pending', decided_role: null, decided_at: null },
      { status: 'passed', decided_role: 'subject-teacher', decided_at: '2026-11-27T03:05:09.000Z' },
      'zh-TW',
    );
    expect(text).toBe('狀態：認證中 → 通過\n認證身分：— → 任課教師\n認證時間：— → 115/11/27 11:05:09');
  });

  it('names a status change by its kind and shows its date as 民國 in Chinese', () => {
    const after = { student_no: '113024', date: '2026-11-28', kind: 'suspend' };
    expect(changeText(null, after, 'zh-TW', 'status-change')).toContain('115/11/28');
    expect(changeText(null, after, 'zh-TW', 'status-change')).toContain('休學');
    expect(changeText(null, after, 'en', 'status-change')).toContain('Suspension');
    expect(changeText(null, after, 'en', 'status-change')).toContain('2026-11-28');
  });

  it('reads a status by the entity it belongs to', () => {
    expect(changeText({ status: 'pending' }, { status: 'confirmed' }, 'zh-TW', 'receipt-item')).toBe('狀態：尚未確認 → 已確認');
    expect(changeText({ status: 'open' }, { status: 'resolved' }, 'en', 'receipt-issue')).toBe('Status: Open → Resolved');
    // The routed issue's steps, the correction marked for the next submission, the item deemed confirmed when the window closed.
    expect(changeText({ status: 'open' }, { status: 'answered' }, 'zh-TW', 'receipt-issue')).toBe('狀態：處理中 → 已回覆');
    expect(changeText({ status: 'answered' }, { status: 'closed' }, 'en', 'receipt-issue')).toBe('Status: Answered → Closed');
    expect(changeText({ status: 'pending-submission' }, { status: 'received' }, 'zh-TW', 'receipt-correction')).toBe('狀態：待下次提交 → 已收訖');
    expect(changeText({ status: 'pending' }, { status: 'deemed-confirmed' }, 'zh-TW', 'receipt-item')).toBe('狀態：尚未確認 → 視同確認');
    // A confirmation recorded from the student's returned paper form says so.
    expect(changeText({ status: 'pending' }, { status: 'confirmed', source: 'paper' }, 'zh-TW', 'receipt-item')).toBe('狀態：尚未確認 → 已確認\n來源：— → 紙本確認單');
  });

  it('leaves a new row’s own id, school and empty fields out, and keeps unknown fields by their stored name', () => {
    const lines = fieldChanges(null, { id: 'r1', school_code: '999901', kind: 'outcome', summary: '報告', media_file_id: null, data: '{}', extra: 3 }, 'zh-TW');
    expect(lines).toEqual([
      { field: 'kind', label: '種類', before: null, after: '課程學習成果' },
      { field: 'summary', label: '簡述', before: null, after: '報告' },
      { field: 'extra', label: 'extra', before: null, after: '3' },
    ]);
  });

  it('shows lists joined and a removed value as removed', () => {
    expect(changeText({ teachers: ['T001'] }, { teachers: ['T001', 'T002'] }, 'zh-TW')).toBe('授課教師：T001 → T001、T002');
    expect(changeText({ memo: 'x' }, null, 'zh-TW')).toBe('memo：x → （刪除）');
  });
});
