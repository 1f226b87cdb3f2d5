import type { Evidence } from './types.ts';

/** One code list of the rosters (ROSTERS §3–§4): the column(s) it fills, the values, the sources. */
export interface RosterCodeList {
  columns: readonly string[];
  values: ReadonlyArray<readonly [code: string, meaning: string]>;
  sources: readonly Evidence[];
  /** Whether values other than those listed exist but are unknown (補修方式: only 3 is known). */
  partial?: true;
  note?: string;
}

/** Every code list the sources give; a code not here is never written by the platform. */
export const ROSTER_CODES = {
  passFlag: { columns: ['成績及格', '補考及格', '補修及格', '重修及格', '再次修習成績及格', '學年及格', '第一次及格', '第二次及格'], values: [['1', '及格'], ['0', '不及格'], ['-1', '無']], sources: ['V', 'D'] },
  creditCounted: {
    columns: ['是否採計學分', '是否採計學時'],
    values: [['1', '採計'], ['2', '不採計'], ['3', '採計成績但不計學分']],
    sources: ['V'],
    note: 'every code with 課程類別 (char 17) 9 and 科目屬性 (char 19) D is 3',
  },
  method: { columns: ['補修方式', '重修方式'], values: [['3', '專班辦理']], sources: ['V', 'D'], partial: true, note: 'other values unknown' },
  repeatMark: { columns: ['重讀註記'], values: [['1', '列抵'], ['2', '再次修習']], sources: ['V', 'D'] },
  transferIdentity: {
    columns: ['身分別'],
    values: [['1', '轉學生'], ['2', '轉科'], ['3', '跨課綱重新入學']],
    sources: ['V'],
    note: 'from the 學籍異動代碼: 111–115, 121–124, 131, 141–144 → 1; 211, 222, 224, 231–241, 301 → 2; 221, 223 → 3',
  },
  cadreLevel: { columns: ['幹部等級'], values: [['1', '校級'], ['2', '班級'], ['3', '社團'], ['4', '實習'], ['5', '校外自治組織團體'], ['9', '其他']], sources: ['Z'] },
  competitionLevel: { columns: ['競賽等級代碼'], values: [['1', '校級'], ['2', '縣市級'], ['3', '全國'], ['4', '國際']], sources: ['Z'] },
  participation: { columns: ['團體參與代碼'], values: [['1', '個人'], ['2', '團體']], sources: ['Z'] },
  certificateType: { columns: ['證照類型'], values: [['1', '英語能力'], ['2', '其他語言能力'], ['3', '技能檢定及技術士證照'], ['4', '其他']], sources: ['Z'], note: '證照代碼 comes from the national certificate table' },
  flexibleCategory: { columns: ['類別代碼'], values: [['1', '自主學習'], ['2', '選手培訓'], ['3', '充實(增廣)'], ['4', '補強性'], ['5', '學校特色活動']], sources: ['Z'], note: 'sheet 彈性學習時間紀錄' },
  groupCategory: { columns: ['類別代碼'], values: [['1', '班級活動'], ['2', '社團活動'], ['3', '學生自治會活動'], ['4', '週會'], ['5', '講座'], ['6', '其他']], sources: ['Z'], note: 'sheet 團體活動時間紀錄' },
  workplaceCategory: { columns: ['類別代碼'], values: [['1', '職場體驗或參訪'], ['2', '職場實習'], ['3', '職場工作經驗'], ['4', '其他']], sources: ['Z'], note: 'sheet 職場學習紀錄' },
} as const satisfies Record<string, RosterCodeList>;

/** The missing numeric value and the empty pass flag (ROSTERS §1, V and D). */
export const ROSTER_MISSING_NUMBER = -1;

/** 出生日期 is the ROC date as 7 digits, year zero-padded (YYYMMDD, V over ten years). */
export const ROSTER_BIRTH_DATE_FORMAT = 'YYYMMDD';
