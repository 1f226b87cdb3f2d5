import { describe, expect, it } from 'vitest';
import { CADRE_FIELDS } from '../office-kinds.ts';
import { PERFORMANCE_TYPES } from '../performance-kinds.ts';
import { layoutSheet, rosterLayout } from './lookup.ts';
import { recordRow, rosterCodeList } from './record-rows.ts';

const person = { nationalId: 'A123456789', birthDate: '2009-03-01' };
const cadreSheet = layoutSheet(rosterLayout('cadres'), '幹部經歷紀錄');
const type = (id: string) => PERFORMANCE_TYPES.find((t) => t.id === id)!;
const sheetOf = (id: string) => layoutSheet(rosterLayout('performances'), type(id).rosterSheet);

describe('recordRow', () => {
  it('writes a cadre in the sheet order: dates as 7-digit ROC, the level code, an open end date blank', () => {
    const got = recordRow(cadreSheet, CADRE_FIELDS, { ...person, summary: '', data: { unit: '學生會', startDate: '2025-09-01', position: '會長', level: '1' } });
    expect(got).toEqual({ row: ['A123456789', '0980301', '學生會', '1140901', '', '會長', '1'], missing: [], badCodes: [] });
  });

  it('names missing required columns and codes the roster’s list does not have', () => {
    const got = recordRow(cadreSheet, CADRE_FIELDS, { nationalId: ' ', birthDate: 'x', summary: '', data: { unit: '101班', level: '8' } });
    expect(got.missing).toEqual(['身分證號', '出生日期', '開始日期', '擔任職務']);
    expect(got.badCodes).toEqual(['幹部等級=8']);
  });

  it('puts 內容簡述 where the sheet has it, a missing optional number as -1, and checks 類別代碼 against its own sheet’s list', () => {
    const flexible = recordRow(sheetOf('performance-flexible'), type('performance-flexible').fields, {
      ...person,
      summary: '自主學習計畫',
      data: { category: '6', content: '程式設計', unit: '資訊科', offeredYear: 114, offeredSemester: 1, periodsPerWeek: 2, weeks: 18 },
    });
    expect(flexible.row).toEqual(['A123456789', '0980301', '6', '程式設計', '資訊科', 114, 1, 2, 18, '自主學習計畫']);
    // 6 is 其他 on 團體活動時間 but not a 彈性學習時間 category.
    expect(flexible.badCodes).toEqual(['類別代碼=6']);
    const other = recordRow(sheetOf('performance-other'), type('performance-other').fields, { ...person, summary: '', data: { name: '志工', startDate: '2025-09-01' } });
    expect(other.row).toEqual(['A123456789', '0980301', '志工', '', '1140901', '', -1, '']);
    expect(other.missing).toEqual(['內容簡述']);
  });

  it('finds the code list of a column, the sheet’s own list first', () => {
    expect(rosterCodeList('團體活動時間紀錄', '類別代碼')?.values.map(([c]) => c)).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(rosterCodeList('職場學習紀錄', '類別代碼')?.values.map(([c]) => c)).toEqual(['1', '2', '3', '4']);
    expect(rosterCodeList('幹部經歷紀錄', '幹部等級')?.values.map(([c]) => c)).toEqual(['1', '2', '3', '4', '5', '9']);
    expect(rosterCodeList('檢定證照紀錄', '證照代碼')).toBeNull();
  });
});
