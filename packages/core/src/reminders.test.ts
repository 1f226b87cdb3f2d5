import { describe, expect, it } from 'vitest';
import { dueReminderLead, reminderLeadDaysSchema, reminderMessage } from './reminders.ts';

describe('reminder lead times', () => {
  const window = { start: '2025-10-01', end: '2025-10-15' };

  it('is due at the smallest lead reached while the window is open', () => {
    expect(dueReminderLead(window, '2025-10-07')).toBeNull();
    expect(dueReminderLead(window, '2025-10-08')).toBe(7);
    expect(dueReminderLead(window, '2025-10-13')).toBe(7);
    expect(dueReminderLead(window, '2025-10-14')).toBe(1);
    expect(dueReminderLead(window, '2025-10-15')).toBe(1);
    expect(dueReminderLead(window, '2025-10-16')).toBeNull();
  });

  it('follows the window’s own lead times, and sends nothing before the window opens', () => {
    expect(dueReminderLead({ ...window, reminderLeadDays: [3, 0] }, '2025-10-12')).toBe(3);
    expect(dueReminderLead({ ...window, reminderLeadDays: [3, 0] }, '2025-10-15')).toBe(0);
    expect(dueReminderLead({ ...window, reminderLeadDays: [] }, '2025-10-15')).toBeNull();
    expect(dueReminderLead({ start: '2025-10-10', end: '2025-10-12' }, '2025-10-05')).toBeNull();
  });

  it('refuses lead times out of range or repeated', () => {
    expect(reminderLeadDaysSchema.safeParse([14, 7, 1]).success).toBe(true);
    expect(reminderLeadDaysSchema.safeParse([-1]).success).toBe(false);
    expect(reminderLeadDaysSchema.safeParse([7, 7]).success).toBe(false);
    expect(reminderLeadDaysSchema.safeParse([1, 2, 3, 4, 5, 6]).success).toBe(false);
  });
});

describe('the reminder’s words', () => {
  it('name the window, the ROC deadline, the days left and the work left, in zh-TW then English', () => {
    const m = reminderMessage({ schoolName: '測試高中', recipientName: '王小明', activity: 'outcome-selection', end: '2025-10-15', today: '2025-10-08', work: [{ kind: 'unselected', count: 3 }, { kind: 'failed', count: 1 }] });
    expect(m.subject).toBe('【測試高中】提醒：課程學習成果勾選將於民國 114/10/15 截止（還有 7 天）');
    expect(m.body).toContain('王小明 您好');
    expect(m.body).toContain('尚有 3 件已通過認證的項目可勾選');
    expect(m.body).toContain('有 1 件項目未通過認證');
    expect(m.body).toContain('closes on 2025-10-15 (ROC 114/10/15), in 7 day(s)');
  });

  it('says “today” on the last day and names a qualifier', () => {
    const m = reminderMessage({ schoolName: '測試高中', recipientName: '李老師', activity: 'outcome-certification', qualifier: '第 2 梯次', end: '2025-10-15', today: '2025-10-15', work: [{ kind: 'certification-queue', count: 4 }] });
    expect(m.subject).toContain('課程學習成果認證（第 2 梯次）將於民國 114/10/15 截止（今天截止）');
    expect(m.body).toContain('尚有 4 件學生上傳的項目待您認證');
  });
});
