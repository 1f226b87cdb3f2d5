import { readDate, rocDateOf } from './date-reading.ts';

/**
 * The words of the codes a 收訖明細 (receipt) carries, so a student reads 「班級幹部」 rather
 * than 幹部等級 2. Only code lists the roster formats show (docs: the central database's roster
 * sheets, as seen in vendors' code and real extracts) are here; a column not listed, or a value
 * a list does not name (補修方式 other than 3, for one), is shown as received.
 */
type Words = Record<string, { 'zh-TW': string; en: string }>;
type WordLocale = 'zh-TW' | 'en';

const w = (zh: string, en: string) => ({ 'zh-TW': zh, en });

const PASS: Words = { '1': w('及格', 'passed'), '0': w('不及格', 'not passed'), '-1': w('無', 'none') };

/** Code lists by column name, the same in every sheet that has the column. */
const BY_COLUMN: Record<string, Words> = {
  幹部等級: {
    '1': w('校級幹部', 'School-level officer'),
    '2': w('班級幹部', 'Class officer'),
    '3': w('社團幹部', 'Club officer'),
    '4': w('實習幹部', 'Practicum officer'),
    '5': w('校外自治組織團體幹部', 'Officer of an outside self-governing body'),
    '9': w('其他', 'Other'),
  },
  競賽等級代碼: { '1': w('校級', 'School'), '2': w('縣市級', 'City or county'), '3': w('全國', 'National'), '4': w('國際', 'International') },
  團體參與代碼: { '1': w('個人', 'Individual'), '2': w('團體', 'Team') },
  證照類型: {
    '1': w('英語能力', 'English proficiency'),
    '2': w('其他語言能力', 'Other language proficiency'),
    '3': w('技能檢定及技術士證照', 'Skills test or technician certificate'),
    '4': w('其他', 'Other'),
  },
  是否採計學分: { '1': w('採計', 'counted'), '2': w('不採計', 'not counted'), '3': w('計分不計學分', 'scored, no credit') },
  是否採計學時: { '1': w('採計', 'counted'), '2': w('不採計', 'not counted'), '3': w('計分不計學時', 'scored, no hours') },
  重讀註記: { '1': w('列抵', 'credited'), '2': w('再次修習', 'taken again') },
  補修方式: { '3': w('專班辦理', 'special class') },
  重修方式: { '3': w('專班辦理', 'special class') },
  成績及格: PASS,
  補考及格: PASS,
  補修及格: PASS,
  重修及格: PASS,
  學年及格: PASS,
  再次修習成績及格: PASS,
  第一次及格: PASS,
  第二次及格: PASS,
};

/** 類別代碼 means a different list in each sheet. */
const BY_SHEET: Record<string, Record<string, Words>> = {
  彈性學習時間紀錄: {
    類別代碼: { '1': w('自主學習', 'Self-directed learning'), '2': w('選手培訓', 'Contest training'), '3': w('充實(增廣)', 'Enrichment'), '4': w('補強性', 'Remedial'), '5': w('學校特色活動', 'School feature activity') },
  },
  團體活動時間紀錄: {
    類別代碼: { '1': w('班級活動', 'Class activity'), '2': w('社團活動', 'Club activity'), '3': w('學生自治會活動', 'Student council activity'), '4': w('週會', 'Weekly assembly'), '5': w('講座', 'Lecture'), '6': w('其他', 'Other') },
  },
  職場學習紀錄: {
    類別代碼: { '1': w('職場體驗或參訪', 'Workplace visit'), '2': w('職場實習', 'Workplace internship'), '3': w('職場工作經驗', 'Work experience'), '4': w('其他', 'Other') },
  },
};

/**
 * A received value as people read it: a known code as its words, a date column (名稱 ending in
 * 日期: 出生日期 0920315, 開始日期 …) as 民國 in zh-TW and ISO in English, anything else as
 * received ('' for nothing).
 */
export function receivedValueText(sheet: string, column: string, value: unknown, locale: WordLocale = 'zh-TW'): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  const raw = String(value).trim();
  const words = (BY_SHEET[sheet]?.[column] ?? BY_COLUMN[column])?.[raw];
  if (words) return words[locale];
  if (column.endsWith('日期') && raw !== '') {
    const reading = readDate(typeof value === 'number' ? value : raw);
    if ('iso' in reading) return locale === 'zh-TW' ? (rocDateOf(reading.iso) ?? raw) : reading.iso;
  }
  return String(value);
}
