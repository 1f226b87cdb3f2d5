import { col, cols, COVER_COLUMNS, studentSheet } from './columns.ts';
import type { LayoutColumn, RosterLayout, RosterLayoutVersions } from './types.ts';

/**
 * The grade rosters (ROSTERS §3): 學生成績名冊, 學生重修重讀成績名冊, 進修部(學校)學生成績名冊, and
 * the pre-check roster 41 / 42 built on the grade layout. Their 名冊別 (except 41 / 42) are
 * per-school settings: no source names them.
 */

const V = ['V'] as const;
const VD = ['V', 'D'] as const;

/** 學期成績 (4.2): the first six columns are the pre-check roster's. */
const TERM_COURSE = cols(VD, '課程代碼', '科目名稱', '開課年級', '修課學分');
const TERM_GRADES: LayoutColumn[] = [...TERM_COURSE, ...cols(VD, '學期學業成績', '成績及格', '補考成績', '補考及格', '是否採計學分', '質性文字描述')];

const transferColumns = (credit: string, counted: string, sources: readonly ('V' | 'D')[]): LayoutColumn[] =>
  cols(sources, '對應學年度', '對應學期', '課程代碼', '科目名稱', '對應年級', credit, '身分別', '抵免後成績', '成績及格', counted, '質性文字描述');

const grades: RosterLayout = {
  roster: 'grades',
  name: '學生成績名冊',
  label: '學生成績',
  version: 'v-2025',
  date: '2025',
  source: 'ischool 2025 code numbering each column (4.2–4.4); the same order in the 108–109 data',
  sources: VD,
  numbers: { regular: { kind: 'setting' } },
  year: false,
  cover: COVER_COLUMNS,
  sheets: [
    studentSheet('學期成績', VD, TERM_GRADES, '4.2'),
    studentSheet(
      '補修成績',
      VD,
      cols(VD, '應修課學年度', '應修課學期', '課程代碼', '科目名稱', '開課年級', '修課學分', '補修成績', '補修及格', '補考成績', '補考及格', '補修方式', '是否採計學分', '質性文字描述'),
      '4.3',
    ),
    studentSheet('轉學轉科成績', VD, transferColumns('修課學分', '是否採計學分', VD), '4.4'),
  ],
};

const RETAKE = studentSheet(
  '重修成績',
  V,
  cols(V, '原修課學年度', '原修課學期', '原修課課程代碼', '原修課科目名稱', '原修課開課年級', '原修課修課學分', '重修方式', '重修成績', '重修及格', '質性文字描述'),
  '5.2',
);

const repeatColumns = (again: boolean): LayoutColumn[] => [
  ...cols(['V', 'D'], '課程代碼', '科目名稱', '開課年級', '修課學分'),
  ...(again ? cols(V, '再次修習成績', '再次修習成績及格') : []),
  ...cols(['V', 'D'], '補考成績', '補考及格', '重讀成績', '成績及格', '重讀註記', '是否採計學分', '質性文字描述'),
];

const retakeRepeat2025: RosterLayout = {
  roster: 'retake-repeat',
  name: '學生重修重讀成績名冊',
  label: '重修重讀成績',
  version: 'v-2025',
  date: '2025',
  source: 'ischool 2025 code (5.2, 5.3)',
  sources: V,
  numbers: { regular: { kind: 'setting' } },
  year: false,
  cover: COVER_COLUMNS,
  sheets: [RETAKE, studentSheet('重讀成績', V, repeatColumns(true), '5.3')],
};

const retakeRepeat108: RosterLayout = {
  ...retakeRepeat2025,
  version: 'd-108',
  date: '108–109',
  source: 'researchers’ cleaning scripts over 108–109 extracts (重讀成績); 重修成績 as the 2025 code',
  sources: ['D', 'V'],
  sheets: [RETAKE, studentSheet('重讀成績', ['D'], repeatColumns(false), '5.3')],
  notes: ['108 (D) 重讀成績 lacks 再次修習成績 and 再次修習成績及格 (ROSTERS §3 ⚠).'],
};

const nightGrades: RosterLayout = {
  roster: 'night-grades',
  name: '進修部(學校)學生成績名冊',
  label: '進修部成績',
  version: 'v-2025',
  date: '2025',
  source: 'ischool 2025 code (6.2–6.4)',
  sources: V,
  numbers: { regular: { kind: 'setting' } },
  year: false,
  cover: COVER_COLUMNS,
  sheets: [
    studentSheet('學期成績', V, cols(V, '課程代碼', '科目名稱', '開課年級', '修課節數', '學期學業成績', '成績及格', '學年學業成績', '學年及格', '是否採計學時', '質性文字描述'), '6.2'),
    studentSheet('補考成績', V, cols(V, '課程代碼', '科目名稱', '開課年級', '第一學期開設修課節數', '第二學期開設修課節數', '第一次補考成績', '第一次及格', '第二次補考成績', '第二次及格'), '6.3'),
    studentSheet('轉學轉科成績', V, transferColumns('修課節數', '是否採計學時', ['V']), '6.4'),
  ],
};

/** 預檢成績名冊: the grade-roster workbook with only the first six columns, no grades (V). */
function precheck(roster: 'precheck-day' | 'precheck-night', number: 41 | 42, label: string): RosterLayout {
  return {
    roster,
    name: '預檢成績名冊',
    label,
    version: 'v-2025',
    date: '2025',
    source: 'ischool 2025 code: 開課預檢, the grade-roster layout with its first six columns filled',
    sources: V,
    numbers: { regular: { kind: 'fixed', value: number, sources: V } },
    year: false,
    cover: COVER_COLUMNS,
    sheets: [studentSheet('學期成績', V, [...cols(V, '課程代碼'), col('科目名稱', V, 'the course plan’s 報部科目名稱'), ...cols(V, '開課年級', '修課學分')], '4.2')],
    notes: ['The sources give the same six columns for day (41) and night (42); whether 42 writes 修課節數 is not known.'],
  };
}

export const GRADE_LAYOUTS: readonly RosterLayoutVersions[] = [
  { roster: 'grades', defaultVersion: 'v-2025', defaultReason: 'the only version seen; 108 data has the same order', versions: [grades] },
  {
    roster: 'retake-repeat',
    defaultVersion: 'v-2025',
    defaultReason: 'the 2025 vendor code is the newest evidence; 108 (D) is kept for schools whose template still lacks 再次修習',
    versions: [retakeRepeat2025, retakeRepeat108],
  },
  { roster: 'night-grades', defaultVersion: 'v-2025', defaultReason: 'the only version seen', versions: [nightGrades] },
  { roster: 'precheck-day', defaultVersion: 'v-2025', defaultReason: 'the only version seen', versions: [precheck('precheck-day', 41, '預檢成績（日間部）')] },
  { roster: 'precheck-night', defaultVersion: 'v-2025', defaultReason: 'the only version seen', versions: [precheck('precheck-night', 42, '預檢成績（進修部）')] },
];
