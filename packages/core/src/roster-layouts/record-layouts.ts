import { col, cols, COVER_COLUMNS, studentSheet } from './columns.ts';
import type { Evidence, LayoutColumn, LayoutSheet, RosterLayout, RosterLayoutVersions } from './types.ts';

/**
 * The rosters of students and records (ROSTERS §2–§3): 學生資料名冊, 校內幹部經歷名冊 (24),
 * 學生自填多元表現名冊 (25), 學生課程學習成果名冊 (26) and its 進修部 form (28).
 */

const D = ['D'] as const;
const Z = ['Z'] as const;
const DZ = ['D', 'Z'] as const;

const fixed = (value: number) => ({ kind: 'fixed' as const, value, sources: Z });

const studentData: RosterLayout = {
  roster: 'student-data',
  name: '學生資料名冊',
  label: '學生資料',
  version: 'd-108',
  date: '108–109',
  source: 'researchers’ cleaning scripts over 108–109 extracts: the columns as stored in the central database',
  sources: D,
  numbers: { regular: { kind: 'setting' } },
  year: false,
  cover: COVER_COLUMNS,
  sheets: [
    {
      name: '學生資料',
      sources: D,
      orderKnown: false,
      columns: cols(D, '身分證號', '性別代碼', '出生日期', '群別代碼', '科班學程別代碼', '部別代碼', '班別', '年級', '班級名稱', '座號', '特殊身分別', '原住民族別', '原住民身分別', '族語認證報考方言', '報考年度', '族語認證有效日期', '實驗班名稱', '入學方式', '學籍狀態', '學籍異動日期'),
    },
    {
      name: '學生借讀資料',
      sources: D,
      orderKnown: false,
      columns: cols(D, '身分證號', '所屬學校代碼', '借讀學校代碼', '群別', '借讀科班學程別', '借讀代碼', '申請開始日期', '申請結束日期'),
    },
  ],
  notes: ['The upload column order is unknown: the columns are listed as the data stores them.'],
};

const cadres: RosterLayout = {
  roster: 'cadres',
  name: '校內幹部經歷名冊',
  label: '校內幹部經歷',
  version: 'z-2021',
  date: '108–2021',
  source: 'the 108–109 data and one vendor’s code agree',
  sources: DZ,
  numbers: { regular: fixed(24), 'grade12-first': fixed(34), 'grade12-second': fixed(74) },
  year: false,
  cover: COVER_COLUMNS,
  sheets: [studentSheet('幹部經歷紀錄', DZ, cols(DZ, '單位名稱', '開始日期', '結束日期', '擔任職務', '幹部等級'))],
};

const PERFORMANCE_NOTE = 'ROSTERS §3 grades the roster (Z) but not each column of its ten sheets';

const performanceSheet = (name: string, ...columns: string[]): LayoutSheet => studentSheet(name, Z, cols(Z, ...columns));

const performances: RosterLayout = {
  roster: 'performances',
  name: '學生自填多元表現名冊',
  label: '多元表現',
  version: 'z-2021',
  date: '2021',
  source: 'one vendor’s code (zeckvan/project)',
  sources: Z,
  numbers: { regular: fixed(25), 'grade12-first': fixed(35), 'grade12-second': fixed(75) },
  year: true,
  cover: COVER_COLUMNS,
  sheets: [
    performanceSheet('幹部經歷暨事蹟紀錄', '單位名稱', '開始日期', '結束日期', '擔任職務', '內容簡述', '幹部等級'),
    performanceSheet('競賽參與紀錄', '競賽名稱', '項目', '競賽等級代碼', '獎項', '結果公布日期', '內容簡述', '團體參與代碼'),
    performanceSheet('檢定證照紀錄', '證照代碼', '證照類型', '分數', '分項結果', '取得證照日期', '證照字號', '檢定組別', '內容簡述'),
    performanceSheet('服務學習紀錄', '服務名稱', '服務單位', '開始日期', '結束日期', '時數', '內容簡述'),
    performanceSheet('彈性學習時間紀錄', '類別代碼', '內容(開設名稱)', '開設單位', '開設學年度', '開設學期', '每週節數', '開設週數', '內容簡述'),
    performanceSheet('團體活動時間紀錄', '類別代碼', '辦理單位', '團體活動內容名稱', '活動學年度', '活動學期', '節數', '內容簡述'),
    performanceSheet('職場學習紀錄', '類別代碼', '職場學習單位', '職場學習職稱', '開始日期', '結束日期', '時數', '內容簡述'),
    performanceSheet('作品成果紀錄', '名稱', '日期', '內容簡述'),
    performanceSheet('大學及技專校院先修課程紀錄', '計畫專案', '開設單位', '課程名稱', '開始日期', '結束日期', '學分數', '總時數', '內容簡述'),
    performanceSheet('其他多元表現紀錄', '名稱', '主辦單位', '開始日期', '結束日期', '時數', '內容簡述'),
  ],
  notes: [
    PERFORMANCE_NOTE,
    'Every item may carry a document, a media file and an external video link (影音檔案外部連結); how they travel is the exporter’s pluggable attachments part, not a column.',
  ],
};

/**
 * The two versions of 課程學習成果 differ (ROSTERS §3 ⚠): the later vendor (Z) adds
 * 實際修課學年度 to the 學期, 補修, 重修 and 重讀 sheets; the 108 data (D) has 補修方式 / 重修方式.
 */
interface OutcomeVariant {
  version: 'z-2021' | 'd-108';
  /** 修課學分, or 修課節數 on the 進修部 學期 sheet. */
  credit: '修課學分' | '修課節數';
}

function actualTerm(v: OutcomeVariant, method?: string): LayoutColumn[] {
  return [
    ...(method && v.version === 'd-108' ? [col(method, D)] : []),
    ...(v.version === 'z-2021' ? [col('實際修課學年度', Z)] : []),
    col('實際修課學期', DZ),
    col('成果簡述', DZ),
  ];
}

const outcomeSheet = (name: string, columns: LayoutColumn[]): LayoutSheet => studentSheet(name, DZ, columns);

function termOutcomes(v: OutcomeVariant): LayoutSheet {
  return outcomeSheet('學期課程學習成果', [...cols(DZ, '課程代碼', '科目名稱', '開課年級', v.credit), ...actualTerm(v)]);
}
function makeUpOutcomes(v: OutcomeVariant): LayoutSheet {
  return outcomeSheet('補修課程學習成果', [...cols(DZ, '應修課學年度', '應修課學期', '課程代碼', '科目名稱', '開課年級', '修課學分'), ...actualTerm(v, '補修方式')]);
}
function retakeOutcomes(v: OutcomeVariant): LayoutSheet {
  return outcomeSheet('重修課程學習成果', [...cols(DZ, '原修課學年度', '原修課學期', '原修課課程代碼', '原修課科目名稱', '原修課開課年級', '原修課修課學分'), ...actualTerm(v, '重修方式')]);
}
function repeatOutcomes(v: OutcomeVariant): LayoutSheet {
  return outcomeSheet('重讀課程學習成果', [...cols(DZ, '課程代碼', '科目名稱', '開課年級', '修課學分'), ...actualTerm(v)]);
}
function transferOutcomes(): LayoutSheet {
  return outcomeSheet('轉學轉科課程學習成果', [
    col('原修課學校代碼', DZ, 'Z shows the school’s 名稱'),
    ...cols(DZ, '原修課學年度', '原修課學期', '原修課課程代碼', '原修課科目名稱', '原修課開課年級', '原修課修課學分', '成果簡述'),
  ]);
}
function borrowedOutcomes(): LayoutSheet {
  return outcomeSheet('借讀課程學習成果', [
    col('借讀學校代碼', DZ, 'Z shows the school’s 名稱'),
    ...cols(DZ, '借讀修課學年度', '借讀修課學期', '借讀校課程代碼', '借讀校科目名稱', '借讀校開課年級', '借讀校修課學分', '成果簡述'),
  ]);
}

const VERSION_OF: Record<OutcomeVariant['version'], { date: string; source: string; sources: readonly Evidence[]; note: string }> = {
  'z-2021': {
    date: '2021',
    source: 'one vendor’s later code (zeckvan/project), with the 108 data for the columns both show',
    sources: DZ,
    note: 'Has 實際修課學年度 (Z only); lacks 補修方式 / 重修方式 (D only).',
  },
  'd-108': {
    date: '108–109',
    source: 'researchers’ cleaning scripts over 108–109 extracts',
    sources: D,
    note: 'Has 補修方式 / 重修方式 (D only); lacks 實際修課學年度 (Z only).',
  },
};

const NO_FILES = 'No source shows file columns (文件檔名 / 影音檔名); attachments are the exporter’s pluggable part, off by default.';

function outcomes(version: OutcomeVariant['version']): RosterLayout {
  const v: OutcomeVariant = { version, credit: '修課學分' };
  const meta = VERSION_OF[version];
  return {
    roster: 'outcomes',
    name: '學生課程學習成果名冊',
    label: '課程學習成果',
    version,
    date: meta.date,
    source: meta.source,
    sources: meta.sources,
    numbers: { regular: fixed(26), 'grade12-first': fixed(36), 'grade12-second': fixed(76) },
    year: true,
    cover: COVER_COLUMNS,
    sheets: [termOutcomes(v), makeUpOutcomes(v), retakeOutcomes(v), repeatOutcomes(v), transferOutcomes(), borrowedOutcomes()],
    notes: [meta.note, NO_FILES],
  };
}

function nightOutcomes(version: OutcomeVariant['version']): RosterLayout {
  const meta = VERSION_OF[version];
  return {
    roster: 'night-outcomes',
    name: '進修部(學校)學生課程學習成果名冊',
    label: '進修部課程學習成果',
    version,
    date: meta.date,
    source: meta.source,
    sources: meta.sources,
    numbers: { regular: fixed(28), 'grade12-first': fixed(38), 'grade12-second': fixed(78) },
    year: true,
    cover: COVER_COLUMNS,
    sheets: [termOutcomes({ version, credit: '修課節數' }), transferOutcomes(), borrowedOutcomes()],
    notes: [meta.note, 'Only the 學期, 轉學轉科 and 借讀 sheets (ROSTERS §3).', NO_FILES],
  };
}

const OUTCOME_DEFAULT_REASON =
  'the later template (Z) is the newer evidence and carries 實際修課學年度, which a course taken in another year needs; 108 (D) stays for a school whose template still has 補修方式 / 重修方式';

export const RECORD_LAYOUTS: readonly RosterLayoutVersions[] = [
  { roster: 'student-data', defaultVersion: 'd-108', defaultReason: 'the only version seen', versions: [studentData] },
  { roster: 'cadres', defaultVersion: 'z-2021', defaultReason: 'the only version seen (D and Z agree)', versions: [cadres] },
  { roster: 'performances', defaultVersion: 'z-2021', defaultReason: 'the only version seen', versions: [performances] },
  { roster: 'outcomes', defaultVersion: 'z-2021', defaultReason: OUTCOME_DEFAULT_REASON, versions: [outcomes('z-2021'), outcomes('d-108')] },
  { roster: 'night-outcomes', defaultVersion: 'z-2021', defaultReason: OUTCOME_DEFAULT_REASON, versions: [nightOutcomes('z-2021'), nightOutcomes('d-108')] },
];
