import { codeField, codes, dateField, hoursField, numberField, semesterField, textField, yearField } from './field-specs.ts';
import type { RecordFieldSpec } from './record-fields.ts';

/**
 * The ten types of 多元表現 (diverse performance) of 學生自填多元表現名冊 (roster 25), exactly as
 * the central database takes them (ROSTERS.md §3): the sheet name, the fields in the sheet's
 * column order after 身分證號 and 出生日期, and the national code lists. 內容簡述 is the
 * record's summary (its position among the columns is kept in `rosterColumns`). Lengths are the
 * platform's limits; the national format sets none that is known.
 */
export interface PerformanceType {
  id: string;
  label: { 'zh-TW': string; en: string };
  rosterSheet: string;
  fields: RecordFieldSpec[];
  /** The sheet's columns after 身分證號, 出生日期, in order; '內容簡述' is the summary. */
  rosterColumns: string[];
}

const SUMMARY = '內容簡述';

/** 幹部等級 (roster 24 uses 1–3 of it for the school's own cadres). */
export const CADRE_LEVELS = codes(
  ['1', '校級', 'School'],
  ['2', '班級', 'Class'],
  ['3', '社團', 'Club'],
  ['4', '實習', 'Internship'],
  ['5', '校外自治組織團體', 'Outside self-governing body'],
  ['9', '其他', 'Other'],
);
export const COMPETITION_LEVELS = codes(['1', '校級', 'School'], ['2', '縣市級', 'County or city'], ['3', '全國', 'National'], ['4', '國際', 'International']);
export const PARTICIPATION = codes(['1', '個人', 'Individual'], ['2', '團體', 'Team']);
export const CERTIFICATE_TYPES = codes(
  ['1', '英語能力', 'English proficiency'],
  ['2', '其他語言能力', 'Other language proficiency'],
  ['3', '技能檢定及技術士證照', 'Skills test and technician certificate'],
  ['4', '其他', 'Other'],
);
export const FLEXIBLE_CATEGORIES = codes(
  ['1', '自主學習', 'Self-directed learning'],
  ['2', '選手培訓', 'Athlete or contestant training'],
  ['3', '充實(增廣)', 'Enrichment'],
  ['4', '補強性', 'Remedial'],
  ['5', '學校特色活動', 'School feature activity'],
);
export const GROUP_CATEGORIES = codes(
  ['1', '班級活動', 'Class activity'],
  ['2', '社團活動', 'Club activity'],
  ['3', '學生自治會活動', 'Student council activity'],
  ['4', '週會', 'Weekly assembly'],
  ['5', '講座', 'Lecture'],
  ['6', '其他', 'Other'],
);
export const WORKPLACE_CATEGORIES = codes(
  ['1', '職場體驗或參訪', 'Workplace experience or visit'],
  ['2', '職場實習', 'Workplace internship'],
  ['3', '職場工作經驗', 'Work experience'],
  ['4', '其他', 'Other'],
);

const NAME = 100;
const UNIT = 100;
const start = dateField('startDate', '開始日期', 'Start date');
const end = dateField('endDate', '結束日期', 'End date', false);

/**
 * A type of 多元表現 and the roster columns its fields fill. They must be roster 25's layout's
 * columns in order (performance-kinds.test.ts ties them): kept apart from the layouts so that
 * screens using these fields do not carry the roster layouts and the error catalogue.
 */
function type(id: string, zh: string, en: string, rosterSheet: string, columns: Array<RecordFieldSpec | typeof SUMMARY>): PerformanceType {
  const fields = columns.filter((c): c is RecordFieldSpec => c !== SUMMARY);
  return { id, label: { 'zh-TW': zh, en }, rosterSheet, fields, rosterColumns: columns.map((c) => (c === SUMMARY ? SUMMARY : (c.rosterColumn ?? c.label['zh-TW']))) };
}

export const PERFORMANCE_TYPES: readonly PerformanceType[] = [
  type('performance-cadre', '幹部經歷暨事蹟', 'Cadre experience', '幹部經歷暨事蹟紀錄', [
    textField('unit', '單位名稱', 'Unit', UNIT),
    start,
    end,
    textField('position', '擔任職務', 'Position', 50),
    SUMMARY,
    codeField('level', '幹部等級', 'Cadre level', CADRE_LEVELS),
  ]),
  type('performance-competition', '競賽參與', 'Competition', '競賽參與紀錄', [
    textField('name', '競賽名稱', 'Competition', NAME),
    textField('event', '項目', 'Event', 50, false),
    { ...codeField('level', '競賽等級', 'Competition level', COMPETITION_LEVELS), rosterColumn: '競賽等級代碼' },
    textField('award', '獎項', 'Award', 50, false),
    dateField('resultDate', '結果公布日期', 'Results announced'),
    SUMMARY,
    { ...codeField('participation', '團體參與', 'Individual or team', PARTICIPATION), rosterColumn: '團體參與代碼' },
  ]),
  type('performance-certificate', '檢定證照', 'Test or certificate', '檢定證照紀錄', [
    textField('certificateCode', '證照代碼', 'Certificate code', 20),
    codeField('certificateType', '證照類型', 'Certificate type', CERTIFICATE_TYPES),
    numberField('decimal', 'score', '分數', 'Score', { min: 0, max: 10000 }, false),
    textField('partResults', '分項結果', 'Part results', 100, false),
    dateField('date', '取得證照日期', 'Date obtained'),
    textField('number', '證照字號', 'Certificate number', 50, false),
    textField('group', '檢定組別', 'Test group', 50, false),
    SUMMARY,
  ]),
  type('performance-service', '服務學習', 'Service learning', '服務學習紀錄', [
    textField('name', '服務名稱', 'Service', NAME),
    textField('unit', '服務單位', 'Organisation served', UNIT),
    start,
    end,
    hoursField(),
    SUMMARY,
  ]),
  type('performance-flexible', '彈性學習時間', 'Flexible learning time', '彈性學習時間紀錄', [
    { ...codeField('category', '類別', 'Category', FLEXIBLE_CATEGORIES), rosterColumn: '類別代碼' },
    textField('content', '內容(開設名稱)', 'Content (as offered)', NAME),
    textField('unit', '開設單位', 'Offered by', UNIT),
    yearField('offeredYear', '開設學年度', 'Academic year offered'),
    semesterField('offeredSemester', '開設學期', 'Semester offered'),
    numberField('integer', 'periodsPerWeek', '每週節數', 'Periods a week', { min: 1, max: 40 }),
    numberField('integer', 'weeks', '開設週數', 'Weeks', { min: 1, max: 25 }),
    SUMMARY,
  ]),
  type('performance-group', '團體活動時間', 'Group activity time', '團體活動時間紀錄', [
    { ...codeField('category', '類別', 'Category', GROUP_CATEGORIES), rosterColumn: '類別代碼' },
    textField('unit', '辦理單位', 'Organised by', UNIT),
    textField('content', '團體活動內容名稱', 'Activity', NAME),
    yearField('activityYear', '活動學年度', 'Academic year'),
    semesterField('activitySemester', '活動學期', 'Semester'),
    numberField('integer', 'periods', '節數', 'Periods', { min: 1, max: 999 }),
    SUMMARY,
  ]),
  type('performance-workplace', '職場學習', 'Workplace learning', '職場學習紀錄', [
    { ...codeField('category', '類別', 'Category', WORKPLACE_CATEGORIES), rosterColumn: '類別代碼' },
    textField('unit', '職場學習單位', 'Workplace', UNIT),
    textField('title', '職場學習職稱', 'Title', 50),
    start,
    end,
    hoursField(),
    SUMMARY,
  ]),
  type('performance-work', '作品成果', 'Work', '作品成果紀錄', [textField('name', '名稱', 'Title', NAME), dateField('date', '日期', 'Date'), SUMMARY]),
  type('performance-precourse', '大學及技專校院先修課程', 'University advanced-placement course', '大學及技專校院先修課程紀錄', [
    textField('programme', '計畫專案', 'Programme', NAME, false),
    textField('unit', '開設單位', 'Offered by', UNIT),
    textField('course', '課程名稱', 'Course', NAME),
    start,
    end,
    numberField('decimal', 'credits', '學分數', 'Credits', { min: 0, max: 99 }),
    hoursField('totalHours', '總時數'),
    SUMMARY,
  ]),
  type('performance-other', '其他多元表現', 'Other performance', '其他多元表現紀錄', [
    textField('name', '名稱', 'Title', NAME),
    textField('organiser', '主辦單位', 'Organiser', UNIT, false),
    start,
    end,
    hoursField('hours', '時數', false),
    SUMMARY,
  ]),
];

/** 內容簡述: at most 100 characters, as the outcome's 簡述. */
export const PERFORMANCE_SUMMARY_MAX = 100;
