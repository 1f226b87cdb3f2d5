import { describe, expect, it } from 'vitest';
import { receivedValueText } from './receipt-codes.ts';

describe('receivedValueText', () => {
  it('shows codes as their words, in either language', () => {
    expect(receivedValueText('幹部經歷', '幹部等級', 2)).toBe('班級幹部');
    expect(receivedValueText('幹部經歷', '幹部等級', '2', 'en')).toBe('Class officer');
    expect(receivedValueText('競賽參與紀錄', '競賽等級代碼', 3)).toBe('全國');
    expect(receivedValueText('學期成績', '成績及格', -1)).toBe('無');
  });

  it('reads 類別代碼 by its sheet', () => {
    expect(receivedValueText('彈性學習時間紀錄', '類別代碼', 1)).toBe('自主學習');
    expect(receivedValueText('團體活動時間紀錄', '類別代碼', 1)).toBe('班級活動');
    expect(receivedValueText('其他多元表現紀錄', '類別代碼', 1)).toBe('1');
  });

  it('shows date columns in 民國 (ISO in English), whatever form they came in', () => {
    expect(receivedValueText('', '出生日期', '0980101')).toBe('098/01/01');
    expect(receivedValueText('', '出生日期', '0980101', 'en')).toBe('2009-01-01');
    expect(receivedValueText('幹部經歷', '開始日期', '2025/09/01')).toBe('114/09/01');
    expect(receivedValueText('', '出生日期', 920315)).toBe('092/03/15');
  });

  it('shows an unknown code or an unreadable date as received', () => {
    expect(receivedValueText('補修成績', '補修方式', 1)).toBe('1');
    expect(receivedValueText('', '課程代碼', '108011302H11101A1010101')).toBe('108011302H11101A1010101');
    expect(receivedValueText('', '出生日期', '0980230')).toBe('0980230');
    expect(receivedValueText('', '科目名稱', null)).toBe('');
  });
});
