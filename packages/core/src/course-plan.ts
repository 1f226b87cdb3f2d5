import { courseCategoryKind, courseCodeListIssues, parseCourseCode } from './course-code.ts';
import type { CourseCode } from './course-code.ts';
import { DomainError } from './errors.ts';

/**
 * Credits of one semester from a six-character credits string (one character per
 * semester, grade 1 semester 1 first). `null` means the course is not offered that
 * semester ('0'); 'Z' means offered with 0 credits; A–I are 1–9 credits offered split
 * (對開: the course runs in only one of the parallel semesters); R/S/T are 10/11/12.
 */
export type SemesterCredits = { credits: number; split: boolean } | null;

const BIG: Record<string, number> = { R: 10, S: 11, T: 12 };

function creditsOf(ch: string): SemesterCredits | undefined {
  if (ch === '0') return null;
  if (ch === 'Z') return { credits: 0, split: false };
  if (/^[1-9]$/.test(ch)) return { credits: Number(ch), split: false };
  if (/^[A-I]$/.test(ch)) return { credits: ch.charCodeAt(0) - 64, split: true };
  const big = BIG[ch];
  return big === undefined ? undefined : { credits: big, split: false };
}

/** Reads a six-semester credits string; throws DomainError('credits-pattern-invalid'). */
export function parseSemesterCredits(six: string): SemesterCredits[] {
  const value = six.normalize('NFKC').trim().toUpperCase();
  const chars = Array.from(value);
  if (chars.length !== 6) throw new DomainError('credits-pattern-invalid', { value: six });
  return chars.map((ch) => {
    const credits = creditsOf(ch);
    if (credits === undefined) throw new DomainError('credits-pattern-invalid', { value: six });
    return credits;
  });
}

/** One line of the course plan platform's code export. */
export interface CoursePlanLine {
  code: CourseCode;
  subjectName: string;
  credits: SemesterCredits[];
  /** Set when this line modifies or deletes an earlier code. */
  originalCode: CourseCode | null;
  originalName: string | null;
}

/** Splits one CSV line; fields may be double-quoted with "" for a quote. */
function splitCsv(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field.trim() === '') {
      quoted = true;
      field = '';
    } else if (ch === ',') {
      fields.push(field.trim());
      field = '';
    } else field += ch;
  }
  fields.push(field.trim());
  return fields;
}

function lineError(reason: string): DomainError {
  return new DomainError('course-plan-line-invalid', { reason });
}

/**
 * Parses `code,subject name,six-semester credits,original code,original name`. The last
 * two fields may be empty or absent. Codes are upper-cased; a bad code throws
 * 'course-code-invalid', bad credits 'credits-pattern-invalid', anything else
 * 'course-plan-line-invalid' with reason 'empty' | 'fields' | 'subject-name'.
 */
export function parseCoursePlanLine(line: string): CoursePlanLine {
  const text = line.replace(/^\uFEFF/, '').replace(/\r?\n$/, '');
  if (text.trim() === '') throw lineError('empty');
  const [code = '', subjectName = '', credits = '', originalCode = '', originalName = ''] = splitCsv(text);
  if (credits === '') throw lineError('fields');
  if (subjectName === '') throw lineError('subject-name');
  return {
    code: parseCourseCode(code.normalize('NFKC').toUpperCase()),
    subjectName,
    credits: parseSemesterCredits(credits),
    originalCode: originalCode === '' ? null : parseCourseCode(originalCode.normalize('NFKC').toUpperCase()),
    originalName: originalName === '' ? null : originalName,
  };
}

// ---------------------------------------------------------------------------
// The approved course plan (課程計畫平臺) as the platform gives it per school and year
// (ROSTERS.md §6): 實施學年度, 課程類型 and per course 課程代碼, 科目名稱, 授課學期學分節數,
// 授課學期開課方式, 課程屬性. The JSON and the downloaded sheet carry the same columns.

/** The plan's columns, as the platform and its sheet name them. */
export const COURSE_PLAN_COLUMNS = ['實施學年度', '課程類型', '課程代碼', '科目名稱', '授課學期學分節數', '授課學期開課方式', '課程屬性'] as const;
export type CoursePlanColumn = (typeof COURSE_PLAN_COLUMNS)[number];

/** One approved plan line, as stored: the code's parts are read again from `code` with parseCourseCode. */
export interface ApprovedPlanLine {
  /** 實施學年度 — the year the plan applies from: the cohort entering that year. */
  planYear: number;
  /** 課程類型 — kept as the platform writes it (its list of values is not known). */
  courseType: string;
  code: string;
  /** 報部科目名稱 — the official subject name. */
  subjectName: string;
  /** 授課學期學分節數: six characters, one per semester (parseSemesterCredits). */
  credits: string;
  /** 授課學期開課方式: six characters, '-' where not offered (the other characters' meaning is not known). */
  offeringModes: string;
  /** 課程屬性: four characters — 課程類別, 科目屬性, 領域 ×2 — the same as code characters 17, 19, 20–21. */
  attributes: string;
}

/** Why a plan row was refused: the column, a reason code (messages in the office's screens) and the value read. */
export interface CoursePlanRowIssue {
  column: CoursePlanColumn;
  reason: string;
  value: string;
}

export type CoursePlanRowResult = { line: ApprovedPlanLine; issues: [] } | { line: null; issues: CoursePlanRowIssue[] };

const SUBJECT_NAME_MAX = 60;

/**
 * Checks one plan row (cells by column, as text) and returns the line or every problem of
 * the row: code not 23 characters or outside the code lists (課程類別, 科目屬性, 領域), credits
 * string invalid, 開課方式 not six characters, 課程屬性 not agreeing with the code, a missing
 * subject name, 實施學年度 not a year of the 108 curriculum or not the year being imported.
 */
export function readCoursePlanRow(cells: Partial<Record<CoursePlanColumn, string>>, expectedYear?: number): CoursePlanRowResult {
  const issues: CoursePlanRowIssue[] = [];
  const text = (column: CoursePlanColumn) => (cells[column] ?? '').normalize('NFKC').trim();
  const add = (column: CoursePlanColumn, reason: string) => issues.push({ column, reason, value: text(column) });

  const yearText = text('實施學年度');
  const planYear = Number(yearText);
  if (!/^\d{3}$/.test(yearText) || planYear < FIRST_PLAN_YEAR) add('實施學年度', yearText === '' ? 'missing' : 'year');
  else if (expectedYear !== undefined && planYear !== expectedYear) add('實施學年度', 'other-year');

  const codeText = text('課程代碼').toUpperCase();
  let code: CourseCode | null = null;
  if (codeText === '') add('課程代碼', 'missing');
  else {
    try {
      code = parseCourseCode(codeText);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      add('課程代碼', `code-${String(error.params.reason)}`);
    }
  }
  if (code) for (const issue of courseCodeListIssues(code)) add('課程代碼', `code-${issue.field}`);

  const subjectName = text('科目名稱');
  if (subjectName === '') add('科目名稱', 'missing');
  else if (Array.from(subjectName).length > SUBJECT_NAME_MAX) add('科目名稱', 'too-long');

  const credits = text('授課學期學分節數').toUpperCase();
  try {
    parseSemesterCredits(credits);
  } catch {
    add('授課學期學分節數', credits === '' ? 'missing' : 'credits');
  }

  const offeringModes = text('授課學期開課方式').toUpperCase();
  if (Array.from(offeringModes).length !== 6) add('授課學期開課方式', offeringModes === '' ? 'missing' : 'modes');

  const attributes = text('課程屬性').toUpperCase();
  if (attributes !== '' && code && attributes !== `${code.category}${code.attribute}${code.domain}`) add('課程屬性', 'attributes-mismatch');
  else if (attributes !== '' && !/^[0-9A-Z]{4}$/.test(attributes)) add('課程屬性', 'attributes');

  const courseType = text('課程類型');
  if (Array.from(courseType).length > 20) add('課程類型', 'too-long');

  if (issues.length || !code) return { line: null, issues };
  return {
    line: { planYear, courseType, code: code.raw, subjectName, credits, offeringModes, attributes: attributes || `${code.category}${code.attribute}${code.domain}` },
    issues: [],
  };
}

/** 實施學年度 of the 108 curriculum start at 108. */
export const FIRST_PLAN_YEAR = 108;

/**
 * The platform's JSON as ROSTERS.md §6 shows it: `[{ 實施學年度, 課程類型, 課程資料: [{ 課程代碼, 科目名稱,
 * 授課學期學分節數, 授課學期開課方式, 課程屬性 }] }]` — flattened into rows with the columns of the sheet.
 * A single object instead of the array is accepted too. Anything else throws 'course-plan-json-invalid'.
 */
export function coursePlanJsonRows(data: unknown): Array<Partial<Record<CoursePlanColumn, string>>> {
  const groups = Array.isArray(data) ? data : [data];
  const rows: Array<Partial<Record<CoursePlanColumn, string>>> = [];
  const str = (v: unknown) => (v === undefined || v === null ? '' : String(v));
  for (const group of groups) {
    if (!group || typeof group !== 'object' || !Array.isArray((group as Record<string, unknown>)['課程資料'])) {
      throw new DomainError('course-plan-json-invalid', {});
    }
    const g = group as Record<string, unknown>;
    for (const course of g['課程資料'] as unknown[]) {
      const c = (course && typeof course === 'object' ? course : {}) as Record<string, unknown>;
      rows.push({
        實施學年度: str(g['實施學年度']),
        課程類型: str(g['課程類型']),
        課程代碼: str(c['課程代碼']),
        科目名稱: str(c['科目名稱']),
        授課學期學分節數: str(c['授課學期學分節數']),
        授課學期開課方式: str(c['授課學期開課方式']),
        課程屬性: str(c['課程屬性']),
      });
    }
  }
  return rows;
}

/** The fields a re-imported plan line can change. */
export const PLAN_LINE_FIELDS = ['courseType', 'subjectName', 'credits', 'offeringModes', 'attributes'] as const;
export type PlanLineField = (typeof PLAN_LINE_FIELDS)[number];

export interface PlanLineChange {
  code: string;
  fields: Array<{ field: PlanLineField; before: string; after: string }>;
}

export interface PlanDiff {
  added: ApprovedPlanLine[];
  removed: ApprovedPlanLine[];
  changed: PlanLineChange[];
}

type DiffableLine = Pick<ApprovedPlanLine, 'code' | PlanLineField>;

/** What a re-imported plan changed against the previous version, line by course code. */
export function diffCoursePlans<L extends DiffableLine>(before: readonly L[], after: readonly L[]): { added: L[]; removed: L[]; changed: PlanLineChange[] } {
  const old = new Map(before.map((l) => [l.code, l]));
  const now = new Map(after.map((l) => [l.code, l]));
  const added = after.filter((l) => !old.has(l.code));
  const removed = before.filter((l) => !now.has(l.code));
  const changed: PlanLineChange[] = [];
  for (const line of after) {
    const prev = old.get(line.code);
    if (!prev) continue;
    const fields = PLAN_LINE_FIELDS.filter((f) => prev[f] !== line[f]).map((field) => ({ field, before: prev[field], after: line[field] }));
    if (fields.length) changed.push({ code: line.code, fields });
  }
  const byCode = (a: { code: string }, b: { code: string }) => a.code.localeCompare(b.code);
  return { added: added.sort(byCode), removed: removed.sort(byCode), changed: changed.sort(byCode) };
}

/** Index (0–5) of a grade's semester in the six-character credits string: grade 1 semester 1 is 0. */
export function semesterIndex(grade: number, semester: number): number {
  return (grade - 1) * 2 + (semester - 1);
}

/** 實施學年度 of the plan a class follows: the year its cohort entered (academic year − grade + 1). */
export function cohortPlanYear(academicYear: number, grade: number): number {
  return academicYear - grade + 1;
}

/** First day of a semester in the school calendar (calendar.ts: semester 1 from 1 August, semester 2 from 1 February). */
export function semesterStartDate(academicYear: number, semester: number): string {
  const year = academicYear + 1911;
  return semester === 1 ? `${year}-08-01` : `${year + 1}-02-01`;
}

/** The pre-check must first run within 4 weeks (28 days) of the semester start (SPEC §4). */
export const PRECHECK_WEEKS = 4;

/** The last day (ISO) the first pre-check of a term counts as on time. */
export function precheckDeadline(academicYear: number, semester: number): string {
  const start = new Date(`${semesterStartDate(academicYear, semester)}T00:00:00Z`);
  start.setUTCDate(start.getUTCDate() + PRECHECK_WEEKS * 7 - 1);
  return start.toISOString().slice(0, 10);
}

// ---------------------------------------------------------------------------
// 開課預檢及比對 — offerings and enrolments of a term compared with the approved plan.

export interface PrecheckOffering {
  courseId: string;
  code: string;
  subjectName: string;
  gradeLevel: number;
  credits: number;
  className: string;
}

export interface PrecheckStudent {
  studentId: string;
  studentNo: string;
  name: string;
  className: string;
  grade: number;
}

export type PrecheckKind = 'plan-missing' | 'unknown-code' | 'credits' | 'subject-name' | 'class-group' | 'required-missing';
export const PRECHECK_KINDS: readonly PrecheckKind[] = ['plan-missing', 'unknown-code', 'credits', 'subject-name', 'class-group', 'required-missing'];

/** Who fixes a difference: 教學組 the plan or the offering, 註冊組 the enrolments. */
export type PrecheckFixer = 'curriculum' | 'registry';

/** One 「不同」: what differs, the expected value (the plan's) and the value found. */
export interface PrecheckDifference {
  kind: PrecheckKind;
  fixer: PrecheckFixer;
  className: string;
  code: string;
  subjectName: string;
  courseId: string | null;
  studentId: string | null;
  studentNo: string | null;
  studentName: string | null;
  expected: string;
  found: string;
}

export interface PrecheckInput {
  academicYear: number;
  semester: number;
  offerings: readonly PrecheckOffering[];
  students: readonly PrecheckStudent[];
  /** courseId → the studentIds enrolled. */
  enrolments: ReadonlyMap<string, ReadonlySet<string>>;
  /** 實施學年度 → the plan lines of that year's current version. */
  plans: ReadonlyMap<number, readonly ApprovedPlanLine[]>;
  /** 班級 → its 班群 character as the office set it; a class without one follows only group-0 lines. */
  classGroups: ReadonlyMap<string, string>;
}

function creditsText(credits: SemesterCredits): string {
  if (credits === null) return '0';
  return credits.split ? `${credits.credits}（對開）` : String(credits.credits);
}

const REQUIRED = new Set(['national-required', 'school-required']);

/**
 * Compares a term's offerings and enrolments with the plan of each class's cohort
 * (cohortPlanYear): an offering whose code the plan does not list, whose credits differ from
 * the plan's for that semester (or that the plan does not offer that semester), whose subject
 * name differs from the 報部科目名稱, or whose 班群 is not its class's; a class set to a 班群 its
 * cohort's plan has no course of; and each student's
 * required course (部定必修 / 校訂必修, not split-offered, offered that semester, of group 0 or the
 * student's class group) that the student is not enrolled in. A cohort without a plan is one
 * 'plan-missing' difference per class.
 */
export function precheckDifferences(input: PrecheckInput): PrecheckDifference[] {
  const out: PrecheckDifference[] = [];
  const planMaps = new Map<number, Map<string, ApprovedPlanLine>>();
  for (const [year, lines] of input.plans) planMaps.set(year, new Map(lines.map((l) => [l.code, l])));
  const missingReported = new Set<string>();
  const base = { courseId: null, studentId: null, studentNo: null, studentName: null };

  for (const o of input.offerings) {
    const planYear = cohortPlanYear(input.academicYear, o.gradeLevel);
    const plan = planMaps.get(planYear);
    const at = { ...base, className: o.className, code: o.code, subjectName: o.subjectName, courseId: o.courseId };
    if (!plan) {
      const key = `${planYear}|${o.className}`;
      if (!missingReported.has(key)) out.push({ ...at, kind: 'plan-missing', fixer: 'curriculum', expected: String(planYear), found: '' });
      missingReported.add(key);
      continue;
    }
    const line = plan.get(o.code);
    if (!line) {
      out.push({ ...at, kind: 'unknown-code', fixer: 'curriculum', expected: '', found: o.code });
      continue;
    }
    const credits = parseSemesterCredits(line.credits)[semesterIndex(o.gradeLevel, input.semester)] ?? null;
    if (credits === null || credits.credits !== o.credits) {
      out.push({ ...at, kind: 'credits', fixer: 'curriculum', expected: creditsText(credits), found: String(o.credits) });
    }
    if (line.subjectName.normalize('NFKC') !== o.subjectName.normalize('NFKC').trim()) {
      out.push({ ...at, kind: 'subject-name', fixer: 'curriculum', expected: line.subjectName, found: o.subjectName });
    }
    const codeGroup = parseCourseCode(o.code).classGroup;
    const classGroup = input.classGroups.get(o.className) ?? '0';
    if (codeGroup !== '0' && o.className !== '' && codeGroup !== classGroup) {
      out.push({ ...at, kind: 'class-group', fixer: 'curriculum', expected: classGroup, found: codeGroup });
    }
  }

  // A class set to a 班群 its cohort's plan has no course of: the class or the plan is wrong.
  const classes = new Map<string, number>();
  for (const o of input.offerings) if (o.className !== '' && !classes.has(o.className)) classes.set(o.className, o.gradeLevel);
  for (const [className, grade] of classes) {
    const group = input.classGroups.get(className) ?? '0';
    const lines = input.plans.get(cohortPlanYear(input.academicYear, grade));
    if (group === '0' || !lines) continue;
    const planGroups = [...new Set(lines.map((l) => parseCourseCode(l.code).classGroup).filter((g) => g !== '0'))].sort();
    if (planGroups.includes(group)) continue;
    out.push({ ...base, kind: 'class-group', fixer: 'curriculum', className, code: '', subjectName: '', expected: planGroups.join('、'), found: group });
  }

  const taken = new Map<string, Set<string>>();
  const codeOf = new Map(input.offerings.map((o) => [o.courseId, o.code]));
  for (const [courseId, studentIds] of input.enrolments) {
    const code = codeOf.get(courseId);
    if (!code) continue;
    for (const id of studentIds) {
      const set = taken.get(id) ?? new Set<string>();
      set.add(code);
      taken.set(id, set);
    }
  }
  for (const s of input.students) {
    const lines = input.plans.get(cohortPlanYear(input.academicYear, s.grade));
    if (!lines) continue;
    const group = input.classGroups.get(s.className) ?? '0';
    for (const line of lines) {
      const code = parseCourseCode(line.code);
      if (!REQUIRED.has(courseCategoryKind(code))) continue;
      if (code.classGroup !== '0' && code.classGroup !== group) continue;
      const credits = parseSemesterCredits(line.credits)[semesterIndex(s.grade, input.semester)] ?? null;
      if (credits === null || credits.split) continue;
      if (taken.get(s.studentId)?.has(line.code)) continue;
      out.push({
        kind: 'required-missing', fixer: 'registry', className: s.className, code: line.code, subjectName: line.subjectName,
        courseId: null, studentId: s.studentId, studentNo: s.studentNo, studentName: s.name, expected: line.code, found: '',
      });
    }
  }
  return out;
}
