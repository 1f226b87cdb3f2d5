import { layoutSheet, rosterLayout, sheetColumns } from './roster-layouts/lookup.ts';
import { describe, expect, it } from 'vitest';
import { PERFORMANCE_TYPES } from './performance-kinds.ts';
import { countsTowardPerformanceCap, officeRecordKinds, performanceCapStanding, recordSummaryLabel, RECORD_KINDS, type RecordKindDefinition } from './records.ts';
import type { RecordFieldSpec } from './record-fields.ts';

const codesOf = (f: RecordFieldSpec | undefined) => (f?.type === 'code' ? f.codes.map((c) => `${c.code} ${c.label['zh-TW']}`) : null);
const kinds = Object.values(RECORD_KINDS as Record<string, RecordKindDefinition>);

describe('the ten performance types (ROSTERS.md §3, roster 25)', () => {
  it('keep the national sheets and their columns in order, 內容簡述 as the summary', () => {
    const sheets = Object.fromEntries(PERFORMANCE_TYPES.map((t) => [t.rosterSheet, t.rosterColumns.join(', ')]));
    expect(sheets).toEqual({
      幹部經歷暨事蹟紀錄: '單位名稱, 開始日期, 結束日期, 擔任職務, 內容簡述, 幹部等級',
      競賽參與紀錄: '競賽名稱, 項目, 競賽等級代碼, 獎項, 結果公布日期, 內容簡述, 團體參與代碼',
      檢定證照紀錄: '證照代碼, 證照類型, 分數, 分項結果, 取得證照日期, 證照字號, 檢定組別, 內容簡述',
      服務學習紀錄: '服務名稱, 服務單位, 開始日期, 結束日期, 時數, 內容簡述',
      彈性學習時間紀錄: '類別代碼, 內容(開設名稱), 開設單位, 開設學年度, 開設學期, 每週節數, 開設週數, 內容簡述',
      團體活動時間紀錄: '類別代碼, 辦理單位, 團體活動內容名稱, 活動學年度, 活動學期, 節數, 內容簡述',
      職場學習紀錄: '類別代碼, 職場學習單位, 職場學習職稱, 開始日期, 結束日期, 時數, 內容簡述',
      作品成果紀錄: '名稱, 日期, 內容簡述',
      大學及技專校院先修課程紀錄: '計畫專案, 開設單位, 課程名稱, 開始日期, 結束日期, 學分數, 總時數, 內容簡述',
      其他多元表現紀錄: '名稱, 主辦單位, 開始日期, 結束日期, 時數, 內容簡述',
    });
  });

  it('use exactly the national code lists', () => {
    const field = (kind: keyof typeof RECORD_KINDS, key: string) => codesOf(RECORD_KINDS[kind].fields.find((f) => f.key === key));
    expect(field('performance-cadre', 'level')).toEqual(['1 校級', '2 班級', '3 社團', '4 實習', '5 校外自治組織團體', '9 其他']);
    expect(field('performance-competition', 'level')).toEqual(['1 校級', '2 縣市級', '3 全國', '4 國際']);
    expect(field('performance-competition', 'participation')).toEqual(['1 個人', '2 團體']);
    expect(field('performance-certificate', 'certificateType')).toEqual(['1 英語能力', '2 其他語言能力', '3 技能檢定及技術士證照', '4 其他']);
    expect(field('performance-flexible', 'category')).toEqual(['1 自主學習', '2 選手培訓', '3 充實(增廣)', '4 補強性', '5 學校特色活動']);
    expect(field('performance-group', 'category')).toEqual(['1 班級活動', '2 社團活動', '3 學生自治會活動', '4 週會', '5 講座', '6 其他']);
    expect(field('performance-workplace', 'category')).toEqual(['1 職場體驗或參訪', '2 職場實習', '3 職場工作經驗', '4 其他']);
    expect(field('cadre', 'level')).toEqual(['1 校級', '2 班級', '3 社團']);
  });

  it('are kinds the student enters with files, in the performance family, and replace the single performance kind', () => {
    const performances = kinds.filter((k) => k.family === 'performance');
    expect(performances.map((k) => k.id)).toEqual(PERFORMANCE_TYPES.map((t) => t.id));
    expect(performances).toHaveLength(10);
    for (const k of performances) expect(k).toMatchObject({ defaultEnterers: ['student'], defaultCertifiers: [], files: true, office: 'student' });
    expect(Object.hasOwn(RECORD_KINDS, 'performance')).toBe(false);
  });
});

describe('every kind', () => {
  it('declares unique ASCII keys, an office and defaults that name someone to enter it', () => {
    for (const k of kinds) {
      const keys = k.fields.map((f) => f.key);
      expect(new Set(keys).size, k.id).toBe(keys.length);
      for (const key of keys) expect(key, k.id).toMatch(/^[a-z][A-Za-z0-9]*$/);
      expect(k.office, k.id).toMatch(/^[a-z][a-z-]*$/);
      expect(k.defaultEnterers.length, k.id).toBeGreaterThan(0);
      expect(k.certified, k.id).toBe(k.defaultCertifiers.length > 0);
    }
  });

  it('gives 學務處 its sections and keeps consultation in the school and counseling data to counseling', () => {
    expect(officeRecordKinds('student-affairs').map((k) => [k.id, k.subOffice])).toEqual([
      ['cadre', 'activities'],
      ['club', 'clubs'],
      ['attendance', 'discipline'],
      ['reward-punishment', 'discipline'],
      ['fitness', 'pe'],
      ['extracurricular', 'activities'],
      ['service-hours-in', 'activities'],
      ['service-hours-out', 'activities'],
    ]);
    expect(RECORD_KINDS.consultation.visibility).toBe('school-only');
    expect(RECORD_KINDS.counseling.visibility).toBe('counseling-only');
  });
});

describe('countsTowardPerformanceCap', () => {
  it('counts a standing performance the student entered', () => {
    expect(countsTowardPerformanceCap({ kind: 'performance-service', status: 'passed', enteredRole: 'student' })).toBe(true);
    expect(countsTowardPerformanceCap({ kind: 'performance-cadre', status: 'pending', enteredRole: 'student' })).toBe(true);
  });

  it('leaves out what the school or an outside body registered, withdrawn records and other kinds', () => {
    expect(countsTowardPerformanceCap({ kind: 'performance-competition', status: 'passed', enteredRole: 'activities-staff' })).toBe(false);
    expect(countsTowardPerformanceCap({ kind: 'cadre', status: 'passed', enteredRole: 'activities-staff' })).toBe(false);
    expect(countsTowardPerformanceCap({ kind: 'competition-in', status: 'passed', enteredRole: 'library-staff' })).toBe(false);
    expect(countsTowardPerformanceCap({ kind: 'skill-certificate', status: 'passed', enteredRole: 'practicum-staff' })).toBe(false);
    expect(countsTowardPerformanceCap({ kind: 'skill-certificate', status: 'passed', enteredRole: 'student' })).toBe(false);
    expect(countsTowardPerformanceCap({ kind: 'performance-work', status: 'withdrawn', enteredRole: 'student' })).toBe(false);
    expect(countsTowardPerformanceCap({ kind: 'outcome', status: 'passed', enteredRole: 'student' })).toBe(false);
  });
});

describe('performanceCapStanding', () => {
  it('agrees with countsTowardPerformanceCap and names what an office registered as exempt', () => {
    expect(performanceCapStanding({ kind: 'performance-service', status: 'pending', enteredRole: 'student' })).toBe('counts');
    expect(performanceCapStanding({ kind: 'performance-competition', status: 'passed', enteredRole: 'activities-staff' })).toBe('exempt');
    expect(performanceCapStanding({ kind: 'cadre', status: 'passed', enteredRole: 'activities-staff' })).toBe('exempt');
    expect(performanceCapStanding({ kind: 'competition-in', status: 'pending', enteredRole: 'library-staff' })).toBe('exempt');
    expect(performanceCapStanding({ kind: 'skill-certificate', status: 'passed', enteredRole: 'practicum-staff' })).toBe('exempt');
  });

  it('leaves out withdrawn records, what the student entered outside the ten types, and other kinds', () => {
    expect(performanceCapStanding({ kind: 'cadre', status: 'withdrawn', enteredRole: 'activities-staff' })).toBe(null);
    expect(performanceCapStanding({ kind: 'performance-work', status: 'withdrawn', enteredRole: 'student' })).toBe(null);
    expect(performanceCapStanding({ kind: 'skill-certificate', status: 'passed', enteredRole: 'student' })).toBe(null);
    expect(performanceCapStanding({ kind: 'reading', status: 'passed', enteredRole: 'library-staff' })).toBe(null);
    expect(performanceCapStanding({ kind: 'outcome', status: 'passed', enteredRole: 'student' })).toBe(null);
  });
});

describe('recordSummaryLabel', () => {
  it('is 內容簡述 unless the kind names its summary otherwise (ROSTERS.md, seed 000)', () => {
    expect(recordSummaryLabel(RECORD_KINDS['performance-service'])).toEqual({ 'zh-TW': '內容簡述', en: 'Summary' });
    expect(recordSummaryLabel(RECORD_KINDS.cadre)['zh-TW']).toBe('內容簡述');
    expect(recordSummaryLabel(RECORD_KINDS.outcome)['zh-TW']).toBe('成果簡述');
    expect(recordSummaryLabel(RECORD_KINDS.consultation)['zh-TW']).toBe('諮詢內容');
    // The national sheets that have a 內容簡述 column keep that name.
    for (const k of Object.values(RECORD_KINDS)) if (k.rosterColumns?.includes('內容簡述')) expect(recordSummaryLabel(k)['zh-TW']).toBe('內容簡述');
  });
});

describe('the performance types and roster 25’s layout', () => {
  it('fill the layout’s columns of each sheet, in order, after 身分證號 and 出生日期', () => {
    for (const t of PERFORMANCE_TYPES) {
      expect(t.rosterColumns, t.rosterSheet).toEqual(sheetColumns(layoutSheet(rosterLayout('performances'), t.rosterSheet)).slice(2));
    }
  });
});
