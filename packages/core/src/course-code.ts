import { z } from 'zod';
import { DomainError } from './errors.ts';

/**
 * 課程代碼 — the 23-character course code of the 108 curriculum (SPEC §5).
 *
 * | chars | field        |
 * |-------|--------------|
 * | 1–3   | entryYear    | curriculum entry year, 108 or later
 * | 4–9   | schoolCode   | 6 digits
 * | 10    | courseType   | day / night / practical-skills programme …
 * | 11–12 | group        | 群別
 * | 13–15 | department   | 科別
 * | 16    | classGroup   | 班群: 0 none, 1–4 建教合作 kinds, letters school-defined
 * | 17    | category     | 課程類別: 1–9, A–F (COURSE_CATEGORIES)
 * | 18    | offeringMode |
 * | 19    | attribute    | 科目屬性: 0–6, A–I (SUBJECT_ATTRIBUTES)
 * | 20–21 | domain       | 01 語文 … 09 全民國防 (00 outside the domains)
 * | 22–23 | subject      |
 */
export interface CourseCode {
  raw: string;
  entryYear: number;
  schoolCode: string;
  courseType: string;
  group: string;
  department: string;
  classGroup: string;
  category: string;
  offeringMode: string;
  attribute: string;
  domain: string;
  subject: string;
}

export const COURSE_CODE_LENGTH = 23;
/** The 23-character code came with the 108 curriculum: no earlier entry year exists. */
export const FIRST_ENTRY_YEAR = 108;

function fail(reason: string, extra: Record<string, string | number> = {}): never {
  throw new DomainError('course-code-invalid', { reason, ...extra });
}

/**
 * Parses a course code exactly as written: 23 characters, A-Z and 0-9 only (no trimming,
 * no lowercase; `courseCodeSchema` normalises user input first). Throws
 * DomainError('course-code-invalid', { reason, … }) where reason is one of 'length',
 * 'characters', 'entry-year', 'school-code', 'class-group' (班群 is 0–4 or a school-defined letter).
 */
export function parseCourseCode(raw: string): CourseCode {
  const chars = Array.from(raw);
  if (chars.length !== COURSE_CODE_LENGTH) fail('length', { length: chars.length });
  const bad = chars.findIndex((c) => !/^[A-Z0-9]$/.test(c));
  if (bad >= 0) fail('characters', { position: bad + 1, char: chars[bad] ?? '' });

  const part = (from: number, to: number) => raw.slice(from - 1, to);
  const entryYear = part(1, 3);
  if (!/^\d{3}$/.test(entryYear) || Number(entryYear) < FIRST_ENTRY_YEAR) fail('entry-year', { value: entryYear });
  const schoolCode = part(4, 9);
  if (!/^\d{6}$/.test(schoolCode)) fail('school-code', { value: schoolCode });
  const classGroup = part(16, 16);
  if (!/^[0-4A-Z]$/.test(classGroup)) fail('class-group', { value: classGroup });

  return {
    raw,
    entryYear: Number(entryYear),
    schoolCode,
    courseType: part(10, 10),
    group: part(11, 12),
    department: part(13, 15),
    classGroup,
    category: part(17, 17),
    offeringMode: part(18, 18),
    attribute: part(19, 19),
    domain: part(20, 21),
    subject: part(22, 23),
  };
}

export function isCourseCode(s: unknown): boolean {
  if (typeof s !== 'string') return false;
  try {
    parseCourseCode(s);
    return true;
  } catch {
    return false;
  }
}

/**
 * A course code from user input: trimmed, upper-cased (full-width letters and digits made
 * ASCII), then checked. The zod issue's message is the English reason; its params carry
 * `code: 'course-code-invalid'` and the DomainError's params for localised display.
 */
export const courseCodeSchema = z
  .string()
  .transform((s) => s.normalize('NFKC').trim().toUpperCase())
  .superRefine((value, ctx) => {
    try {
      parseCourseCode(value);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      ctx.addIssue({ code: 'custom', message: error.message, params: { code: error.code, ...error.params } });
    }
  });

/** Kinds of course by the category and attribute characters (SPEC §5). */
export type CourseCategoryKind = 'national-required' | 'school-required' | 'school-elective' | 'activity-time';

/** 1 部定必修, 2 校訂必修, 9 with attribute D 團體活動/彈性學習時間, anything else 校訂選修. */
export function courseCategoryKind(code: Pick<CourseCode, 'category' | 'attribute'>): CourseCategoryKind {
  if (code.category === '1') return 'national-required';
  if (code.category === '2') return 'school-required';
  if (code.category === '9' && code.attribute === 'D') return 'activity-time';
  return 'school-elective';
}

type Labelled = { 'zh-TW': string; en: string };

/** 課程類別 (character 17), the full list (ROSTERS.md §6). */
export const COURSE_CATEGORIES: Readonly<Record<string, Labelled>> = {
  '1': { 'zh-TW': '部定必修', en: 'National required' },
  '2': { 'zh-TW': '校訂必修', en: 'School required' },
  '3': { 'zh-TW': '加深加廣選修', en: 'Advanced elective' },
  '4': { 'zh-TW': '補強性選修', en: 'Remedial elective' },
  '5': { 'zh-TW': '多元選修', en: 'Diverse elective' },
  '6': { 'zh-TW': '其他選修', en: 'Other elective' },
  '7': { 'zh-TW': '校訂選修', en: 'School elective' },
  '8': { 'zh-TW': '團體活動時間', en: 'Group activity time' },
  '9': { 'zh-TW': '彈性學習時間', en: 'Flexible learning time' },
  A: { 'zh-TW': '大學預修', en: 'University preparatory' },
  B: { 'zh-TW': '基礎訓練', en: 'Basic training' },
  C: { 'zh-TW': '職前訓練', en: 'Pre-employment training' },
  D: { 'zh-TW': '寒暑假課程', en: 'Holiday course' },
  E: { 'zh-TW': '返校課程', en: 'Return-to-school course' },
  F: { 'zh-TW': '職業技能訓練', en: 'Vocational skills training' },
};

/** 科目屬性 (character 19), the full list (ROSTERS.md §6; F–I are the 專精 variants it names without detail). */
export const SUBJECT_ATTRIBUTES: Readonly<Record<string, Labelled>> = {
  '0': { 'zh-TW': '不分', en: 'Unspecified' },
  '1': { 'zh-TW': '一般', en: 'General' },
  '2': { 'zh-TW': '專業', en: 'Professional' },
  '3': { 'zh-TW': '實習', en: 'Practical' },
  '4': { 'zh-TW': '專精', en: 'Specialised' },
  '5': { 'zh-TW': '專精(核心)', en: 'Specialised (core)' },
  '6': { 'zh-TW': '特殊需求領域', en: 'Special needs domain' },
  A: { 'zh-TW': '自主學習', en: 'Self-directed learning' },
  B: { 'zh-TW': '選手培訓', en: 'Competitor training' },
  C: { 'zh-TW': '充實、補強性教學', en: 'Enrichment or remedial teaching' },
  D: { 'zh-TW': '充實、補強性教學（採計學分）', en: 'Enrichment or remedial teaching (credited)' },
  E: { 'zh-TW': '學校特色活動', en: 'School feature activity' },
  F: { 'zh-TW': '專精（F）', en: 'Specialised (F)' },
  G: { 'zh-TW': '專精（G）', en: 'Specialised (G)' },
  H: { 'zh-TW': '專精（H）', en: 'Specialised (H)' },
  I: { 'zh-TW': '專精（I）', en: 'Specialised (I)' },
};

/** 領域 (characters 20–21): 00 outside the domains, 01–09 (SPEC §5). */
export const COURSE_DOMAINS: Readonly<Record<string, Labelled>> = {
  '00': { 'zh-TW': '不分領域', en: 'No domain' },
  '01': { 'zh-TW': '語文', en: 'Language' },
  '02': { 'zh-TW': '數學', en: 'Mathematics' },
  '03': { 'zh-TW': '社會', en: 'Social studies' },
  '04': { 'zh-TW': '自然科學', en: 'Natural sciences' },
  '05': { 'zh-TW': '藝術', en: 'Arts' },
  '06': { 'zh-TW': '綜合活動', en: 'Integrative activities' },
  '07': { 'zh-TW': '科技', en: 'Technology' },
  '08': { 'zh-TW': '健康與體育', en: 'Health and PE' },
  '09': { 'zh-TW': '全民國防', en: 'National defence' },
};

/** What a 班群 character (16) means: none, a 建教合作 kind (1–4), or a group the school defines (a letter). */
export function classGroupKind(group: string): 'none' | 'cooperative' | 'school-defined' {
  if (group === '0') return 'none';
  return /^[1-4]$/.test(group) ? 'cooperative' : 'school-defined';
}

/** A part of a parsed code outside the full lists: the plan import reports each as a row problem. */
export interface CourseCodeListIssue {
  field: 'category' | 'attribute' | 'domain';
  position: string;
  value: string;
}

/** Checks 課程類別, 科目屬性 and 領域 of a parsed code against the full lists; empty when all are known. */
export function courseCodeListIssues(code: Pick<CourseCode, 'category' | 'attribute' | 'domain'>): CourseCodeListIssue[] {
  const issues: CourseCodeListIssue[] = [];
  if (!(code.category in COURSE_CATEGORIES)) issues.push({ field: 'category', position: '17', value: code.category });
  if (!(code.attribute in SUBJECT_ATTRIBUTES)) issues.push({ field: 'attribute', position: '19', value: code.attribute });
  if (!(code.domain in COURSE_DOMAINS)) issues.push({ field: 'domain', position: '20-21', value: code.domain });
  return issues;
}
