import { describe, expect, it } from 'vitest';
import { activityText, dateText, daysText, gradesText, semesterText, stateText } from './schedule-text.ts';

describe('the schedule’s words', () => {
  it('names activities, semesters and grades in both languages', () => {
    expect(activityText('outcome-upload', 'zh-TW')).toBe('課程學習成果上傳');
    expect(activityText('outcome-upload', 'en')).toBe('Outcome upload');
    expect([0, 1, 2].map((s) => semesterText(s as 0 | 1 | 2, 'zh-TW'))).toEqual(['全學年', '第 1 學期', '第 2 學期']);
    expect(semesterText(0, 'en')).toBe('Whole year');
    expect(gradesText(null, 'zh-TW')).toBe('全年級');
    expect(gradesText([3, 1], 'zh-TW')).toBe('1、3 年級');
    expect(gradesText([2], 'en')).toBe('Grade 2');
    expect(gradesText(null, 'en')).toBe('All grades');
  });

  it('says where a window stands in words, with the days counted', () => {
    expect(stateText('open', 'zh-TW')).toBe('開放中');
    expect(stateText('unscheduled', 'zh-TW')).toBe('另行公告');
    expect(stateText('not-yet', 'en')).toBe('Not open yet');
    expect(daysText({ state: 'open', daysLeft: 12, daysUntilOpen: null }, 'zh-TW')).toBe('剩 12 天');
    expect(daysText({ state: 'open', daysLeft: 1, daysUntilOpen: null }, 'zh-TW')).toBe('今天截止');
    expect(daysText({ state: 'not-yet', daysLeft: null, daysUntilOpen: 5 }, 'en')).toBe('Opens in 5 days');
    expect(daysText({ state: 'not-yet', daysLeft: null, daysUntilOpen: 1 }, 'zh-TW')).toBe('明天開放');
    expect(daysText({ state: 'closed', daysLeft: null, daysUntilOpen: null }, 'zh-TW')).toBe('');
  });

  it('writes dates in the 民國 calendar or ISO', () => {
    expect(dateText('2025-08-01', 'roc')).toBe('114/08/01');
    expect(dateText('2025-08-01', 'iso')).toBe('2025-08-01');
  });
});
