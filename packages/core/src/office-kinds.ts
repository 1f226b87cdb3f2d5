import { COMPETITION_LEVELS, PARTICIPATION, WORKPLACE_CATEGORIES } from './performance-kinds.ts';
import { codeField, codes, dateField, hoursField, numberField, textField } from './field-specs.ts';
import type { RecordFieldSpec } from './record-fields.ts';

/**
 * The fields of the records offices keep (SPEC §3.6, seed 000's table). Only 校內幹部經歷
 * (roster 24) has a national layout; for the others no national layout exists — they are
 * not submitted to the central database — so each keeps what an office's own list holds,
 * no more.
 */

const start = dateField('startDate', '開始日期', 'Start date');
const end = dateField('endDate', '結束日期', 'End date', false);

/** 校內幹部經歷名冊 (24), 幹部經歷紀錄: 單位名稱, 開始日期, 結束日期, 擔任職務, 幹部等級 (1 校級, 2 班級, 3 社團). */
export const CADRE_FIELDS: RecordFieldSpec[] = [
  textField('unit', '單位名稱', 'Unit', 100),
  start,
  end,
  textField('position', '擔任職務', 'Position', 50),
  codeField('level', '幹部等級', 'Cadre level', codes(['1', '校級', 'School'], ['2', '班級', 'Class'], ['3', '社團', 'Club'])),
];

/** 社團資料: the club and the student's role in it (社員 when blank); memberships and club cadres alike. */
export const CLUB_FIELDS: RecordFieldSpec[] = [
  textField('club', '社團名稱', 'Club', 50),
  textField('role', '擔任職務', 'Role', 50, false),
  numberField('decimal', 'hours', '參與時數', 'Hours', { min: 0, max: 999, unit: ['小時', 'hours'] }, false),
];

/** 出缺席紀錄: a semester's totals in periods (節) by kind of absence, as 生輔組 keeps them. */
export const ATTENDANCE_FIELDS: RecordFieldSpec[] = (
  [
    ['absent', '曠課', 'Unexcused'],
    ['personalLeave', '事假', 'Personal leave'],
    ['sickLeave', '病假', 'Sick leave'],
    ['officialLeave', '公假', 'Official leave'],
    ['bereavementLeave', '喪假', 'Bereavement leave'],
    ['otherLeave', '其他假別', 'Other leave'],
  ] as const
).map(([key, zh, en]) => numberField('integer', key, `${zh}節數`, en, { min: 0, max: 999, unit: ['節', 'periods'] }, false));

export const REWARD_PUNISHMENT_TYPES = codes(
  ['1', '嘉獎', 'Commendation'],
  ['2', '小功', 'Minor merit'],
  ['3', '大功', 'Major merit'],
  ['4', '警告', 'Warning'],
  ['5', '小過', 'Minor demerit'],
  ['6', '大過', 'Major demerit'],
);

/** 獎勵懲罰紀錄: date, kind (嘉獎 … 大過), times and the reason (事由). */
export const REWARD_PUNISHMENT_FIELDS: RecordFieldSpec[] = [
  dateField('date', '日期', 'Date'),
  codeField('type', '獎懲類別', 'Type', REWARD_PUNISHMENT_TYPES),
  numberField('integer', 'times', '次數', 'Times', { min: 1, max: 99 }),
  textField('reason', '事由', 'Reason', 200),
];

/** 體適能: the test date and the national fitness test's items (all optional: a student may miss one). */
export const FITNESS_FIELDS: RecordFieldSpec[] = [
  dateField('date', '檢測日期', 'Test date'),
  numberField('decimal', 'height', '身高', 'Height', { min: 50, max: 250, unit: ['公分', 'cm'] }, false),
  numberField('decimal', 'weight', '體重', 'Weight', { min: 10, max: 300, unit: ['公斤', 'kg'] }, false),
  numberField('decimal', 'sitAndReach', '坐姿體前彎', 'Sit and reach', { min: 0, max: 100, unit: ['公分', 'cm'] }, false),
  numberField('decimal', 'standingJump', '立定跳遠', 'Standing long jump', { min: 0, max: 400, unit: ['公分', 'cm'] }, false),
  numberField('integer', 'sitUps', '1分鐘屈膝仰臥起坐', 'Sit-ups in a minute', { min: 0, max: 100, unit: ['次', 'times'] }, false),
  numberField('integer', 'run', '心肺耐力跑走', 'Endurance run', { min: 0, max: 3600, unit: ['秒', 'seconds'] }, false),
];

/** 課外課程（含教育旅行）. */
export const EXTRACURRICULAR_FIELDS: RecordFieldSpec[] = [
  codeField('category', '類別', 'Category', codes(['1', '課外課程', 'Extracurricular course'], ['2', '教育旅行', 'Educational trip'])),
  textField('name', '課程或活動名稱', 'Course or trip', 100),
  textField('organiser', '辦理單位', 'Organised by', 100),
  start,
  end,
  hoursField('hours', '時數', false),
];

/** 校內/校外服務時數. */
export const SERVICE_HOURS_FIELDS: RecordFieldSpec[] = [
  textField('name', '服務名稱', 'Service', 100),
  textField('unit', '服務單位', 'Organisation served', 100),
  start,
  end,
  hoursField(),
];

/** 校內外競賽 and 自行參加之校外競賽: the performance type's fields plus the organiser. */
export const COMPETITION_FIELDS: RecordFieldSpec[] = [
  textField('name', '競賽名稱', 'Competition', 100),
  textField('event', '項目', 'Event', 50, false),
  codeField('level', '競賽等級', 'Competition level', COMPETITION_LEVELS),
  textField('award', '獎項', 'Award', 50, false),
  dateField('resultDate', '結果公布日期', 'Results announced'),
  codeField('participation', '團體參與', 'Individual or team', PARTICIPATION),
  textField('organiser', '主辦單位', 'Organiser', 100, false),
];

/** 閱讀紀錄: the book; the summary holds the student's reflection. */
export const READING_FIELDS: RecordFieldSpec[] = [
  textField('title', '書名', 'Title', 100),
  textField('author', '作者', 'Author', 100, false),
  dateField('date', '閱讀日期', 'Date read'),
];

/** 課程諮詢紀錄: 日期/時間/地點 and 諮詢內容及意見 (the summary holds the content, `advice` the advice). */
export const CONSULTATION_FIELDS: RecordFieldSpec[] = [
  dateField('date', '日期', 'Date'),
  textField('time', '時間', 'Time', 20),
  textField('place', '地點', 'Place', 50),
  codeField('form', '諮詢方式', 'Form', codes(['1', '個別', 'Individual'], ['2', '團體', 'Group'])),
  textField('advice', '諮詢意見', 'Advice', 1000, true, true),
];

/** 學群(類群)探索與就業規劃. */
export const CAREER_ASSESSMENT_FIELDS: RecordFieldSpec[] = [
  dateField('date', '評估日期', 'Date'),
  textField('instrument', '評估工具或活動', 'Instrument or activity', 100),
  textField('fields', '探索學群(類群)', 'Fields explored', 200),
  textField('plan', '就業或升學規劃', 'Study or career plan', 1000, false, true),
];

/** 輔導資料: what the student fills in for counseling; only counseling sees it. */
export const COUNSELING_FIELDS: RecordFieldSpec[] = [
  dateField('date', '日期', 'Date'),
  textField('topic', '主題', 'Topic', 100),
  textField('content', '內容', 'Content', 2000, false, true),
];

/** 自傳、學習計畫 (中/英文 for vocational schools): the language; the text goes in the document. */
export const ESSAY_FIELDS: RecordFieldSpec[] = [codeField('language', '語文', 'Language', codes(['zh', '中文', 'Chinese'], ['en', '英文', 'English']))];

/** 工作經歷. */
export const WORK_EXPERIENCE_FIELDS: RecordFieldSpec[] = [
  textField('organisation', '工作單位', 'Employer', 100),
  textField('title', '職稱', 'Title', 100),
  start,
  end,
  hoursField('hours', '時數', false),
];

/** 修課紀錄 as the registry keeps it. */
export const COURSE_RECORD_FIELDS: RecordFieldSpec[] = [
  textField('courseCode', '課程代碼', 'Course code', 23),
  textField('subject', '科目名稱', 'Subject', 100),
  numberField('decimal', 'credits', '修課學分', 'Credits', { min: 0, max: 99 }),
];

/** 檢定證照 the practicum office registers (its data as plugins/practicum keeps it). */
export const SKILL_CERTIFICATE_FIELDS: RecordFieldSpec[] = [
  textField('name', '證照名稱', 'Certificate', 100),
  textField('level', '級別', 'Level', 20),
  textField('number', '證照號碼', 'Certificate number', 50),
  dateField('date', '發證日期', 'Date of issue'),
  textField('issuer', '發證單位', 'Issuer', 100, false),
];

/** 校外實習 as the practicum office registers it (`kind` stored as the code's text, '1'–'4'). */
export const INTERNSHIP_FIELDS: RecordFieldSpec[] = [
  codeField('kind', '類別', 'Category', WORKPLACE_CATEGORIES),
  textField('organisation', '實習單位', 'Workplace', 100),
  textField('title', '職稱', 'Title', 100),
  dateField('start', '開始日期', 'Start date'),
  dateField('end', '結束日期', 'End date'),
  numberField('integer', 'hours', '時數', 'Hours', { min: 1, max: 2000, unit: ['小時', 'hours'] }),
];
