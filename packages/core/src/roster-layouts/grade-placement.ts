import { toRocDate } from '../calendar.ts';
import { isCourseCode, parseCourseCode } from '../course-code.ts';
import { isKeptOutOfGrades, isRosterScore, requiredCreditCounted, transferIdentityOf, CREDIT_COUNTED, PASS_FLAGS, REPEAT_MARKS } from '../grade-codes.ts';
import { DomainError } from '../errors.ts';
import { sheetColumns } from './lookup.ts';
import type { RosterCell } from './outcome-placement.ts';
import type { LayoutSheet, RosterLayout } from './types.ts';

/**
 * Where one registry grade (course_grades, ADR 0020) goes in the grade rosters (ROSTERS §3) and
 * what its row says, with the codes of ROSTERS §4. Pure: the registry's builders read the
 * grades, these rules place them.
 */

/** The grade rosters with grades: 學生成績名冊, 學生重修重讀成績名冊, 進修部(學校)學生成績名冊. */
export type GradeRosterId = 'grades' | 'retake-repeat' | 'night-grades';

/** One grade as stored, with its student and the offering of its course code. */
export interface GradeRosterRowInput {
  nationalId: string;
  /** ISO date; written as the 7-digit ROC date. */
  birthDate: string;
  /** The grade's term. */
  semester: number;
  /** The way it was taken (GradeTake: term, make-up, retake, repeat-year, transfer, borrowed, night). */
  take: string;
  /** 課程代碼 (重修: 原修課課程代碼). */
  code: string;
  /** Scores as stored ('78', '59.5', '-1'). */
  score: string;
  passed: number;
  makeUpScore: string;
  makeUpPassed: number;
  creditCounted: number;
  description: string;
  context: Readonly<Record<string, string | number>>;
  /** The school's offering of the code (科目名稱, 開課年級, 修課學分); null when none is on file. */
  course: { subjectName: string; gradeLevel: number; credits: number } | null;
  /** 進修部 補考: the periods of the same course in the year's other semester (null when unknown). */
  otherSemesterPeriods?: number | null;
}

/** Why a grade row is kept for the office (a `(缺)` sheet) instead of being submitted. */
export type GradeReviewReason = 'no-course-code' | 'no-sheet' | 'no-offering' | 'method-unknown' | 'identity-unknown' | 'code-invalid' | 'no-periods' | 'column-unfilled';

export interface GradePlacement {
  sheet: string;
  /** Values by column name; a column the grade cannot give is absent. */
  values: Record<string, RosterCell>;
  review: GradeReviewReason | null;
  /** The columns nothing fills, or the columns whose value is outside their code list. */
  missing: string[];
}

/** What the rules make of one grade in one roster. */
export type GradeOutcome =
  /** Not this roster's way of taking (a 重修 grade in 學生成績名冊): left to the roster it belongs to. */
  | { kind: 'other-roster' }
  /** 團體活動時間 / 彈性學習時間 (課程類別 8 / 9) without 科目屬性 D: never in a grade roster (ROSTERS §4). */
  | { kind: 'excluded' }
  | { kind: 'placed'; placements: GradePlacement[] };

/**
 * The takes each grade roster reads and the sheet of each. A take with `null` belongs to the
 * roster's students but has no sheet in it (借讀 in every grade roster; 補修 / 重修 / 重讀 in
 * 進修部): such a grade waits on the office's `(缺)` sheet of the roster's first sheet.
 */
export const GRADE_SHEETS_OF_TAKE: Readonly<Record<GradeRosterId, Readonly<Record<string, string | null>>>> = {
  grades: { term: '學期成績', 'make-up': '補修成績', transfer: '轉學轉科成績', borrowed: null, night: null },
  'retake-repeat': { retake: '重修成績', 'repeat-year': '重讀成績' },
  'night-grades': { night: '學期成績', term: '學期成績', transfer: '轉學轉科成績', 'make-up': null, retake: null, 'repeat-year': null, borrowed: null },
};

/** The 進修部 補考成績 sheet (6.3): a 進修部 grade with a first or second make-up exam goes there too. */
export const NIGHT_MAKE_UP_SHEET = '補考成績';

/** A stored score as the roster writes it: a number, -1 when blank (ROSTERS §1); null when not a roster score. */
export function rosterScoreCell(stored: string | number | undefined): number | null {
  if (stored === undefined || String(stored).trim() === '') return -1;
  const n = Number(stored);
  return isRosterScore(n) ? n : null;
}

/** A pass flag: 1 pass, 0 fail, -1 none (blank is -1); null outside the list. */
export function rosterPassFlag(stored: string | number | undefined): number | null {
  if (stored === undefined || String(stored).trim() === '') return -1;
  const n = Number(stored);
  return (PASS_FLAGS as readonly number[]).includes(n) ? n : null;
}

/**
 * 是否採計學分 (進修部 是否採計學時): 1 / 2 / 3 as stored — and 3 for every code of 課程類別 9
 * with 科目屬性 D, whatever is stored (ROSTERS §4); null outside the list.
 */
export function rosterCreditCounted(code: string, stored: number): number | null {
  const required = isCourseCode(code) ? requiredCreditCounted(parseCourseCode(code)) : null;
  if (required !== null) return required;
  return (CREDIT_COUNTED as readonly number[]).includes(stored) ? stored : null;
}

/** 補修方式 / 重修方式: only `3` 專班辦理 is known (ROSTERS §4); any other value (or none) is null. */
export function rosterMethod(stored: string | number | undefined): number | null {
  return String(stored ?? '').normalize('NFKC').trim() === '3' ? 3 : null;
}

/** 重讀註記: 1 列抵, 2 再次修習; null otherwise. */
export function rosterRepeatMark(stored: string | number | undefined): number | null {
  const n = Number(stored);
  return (REPEAT_MARKS as readonly number[]).includes(n) ? n : null;
}

/** 身分別 of a 轉學轉科 grade from its 學籍異動代碼 (ROSTERS §4); null for a code outside the ranges. */
export function rosterTransferIdentity(statusCode: string | number | undefined): number | null {
  return transferIdentityOf(String(statusCode ?? '').trim());
}

/** A year or semester of the context: a positive whole number, else absent. */
const positive = (v: string | number | undefined): number | undefined => {
  const n = Number(v);
  return v !== undefined && v !== '' && Number.isInteger(n) && n > 0 ? n : undefined;
};

/** Values by column, and the columns whose stored value is outside its code list. */
function valuesOf(input: GradeRosterRowInput): { values: Record<string, RosterCell>; invalid: string[] } {
  const ctx = input.context;
  const c = input.course;
  const values: Record<string, RosterCell> = { 身分證號: input.nationalId, 出生日期: toRocDate(input.birthDate, '') };
  const invalid: string[] = [];
  const put = (columns: string[], value: number | string | null | undefined) => {
    if (value === undefined) return;
    if (value === null) invalid.push(...columns);
    else for (const column of columns) values[column] = value;
  };
  put(['課程代碼', '原修課課程代碼'], input.code);
  if (c) {
    put(['科目名稱', '原修課科目名稱'], c.subjectName || undefined);
    put(['開課年級', '原修課開課年級', '對應年級'], c.gradeLevel);
    put(['修課學分', '原修課修課學分'], c.credits);
  }
  put(['是否採計學分', '是否採計學時'], rosterCreditCounted(input.code, input.creditCounted));
  put(['質性文字描述'], input.description);
  put(['補考成績'], rosterScoreCell(input.makeUpScore));
  put(['補考及格'], rosterPassFlag(input.makeUpPassed));
  const score = rosterScoreCell(input.score);
  const passed = rosterPassFlag(input.passed);
  switch (input.take) {
    case 'make-up':
      put(['應修課學年度'], positive(ctx.dueYear));
      put(['應修課學期'], positive(ctx.dueSemester));
      put(['補修成績'], score);
      put(['補修及格'], passed);
      break;
    case 'retake':
      put(['原修課學年度'], positive(ctx.originalYear));
      put(['原修課學期'], positive(ctx.originalSemester));
      put(['重修成績'], score);
      put(['重修及格'], passed);
      break;
    case 'repeat-year':
      put(['再次修習成績'], rosterScoreCell(ctx.retakeScore));
      put(['再次修習成績及格'], rosterPassFlag(ctx.retakePassed));
      put(['重讀成績'], score);
      put(['成績及格'], passed);
      put(['重讀註記'], rosterRepeatMark(ctx.repeatMark));
      break;
    case 'transfer':
      put(['對應學年度'], positive(ctx.mappedYear));
      put(['對應學期'], positive(ctx.mappedSemester));
      put(['抵免後成績'], score);
      put(['成績及格'], passed);
      put(['修課節數'], positive(ctx.periods));
      break;
    default: {
      put(['學期學業成績'], score);
      put(['成績及格'], passed);
      const periods = positive(ctx.periods);
      put(['修課節數'], periods);
      put(['學年學業成績'], rosterScoreCell(ctx.yearScore));
      put(['學年及格'], rosterPassFlag(ctx.yearPassed));
      put(['第一次補考成績'], rosterScoreCell(ctx.firstMakeUpScore));
      put(['第一次及格'], rosterPassFlag(ctx.firstMakeUpPassed));
      put(['第二次補考成績'], rosterScoreCell(ctx.secondMakeUpScore));
      put(['第二次及格'], rosterPassFlag(ctx.secondMakeUpPassed));
      if (periods !== undefined) {
        const other = input.otherSemesterPeriods ?? -1;
        put(['第一學期開設修課節數'], input.semester === 1 ? periods : other);
        put(['第二學期開設修課節數'], input.semester === 2 ? periods : other);
      }
    }
  }
  return { values, invalid };
}

/** The code-list columns whose unknown value has its own reason. */
const METHOD_COLUMNS = ['補修方式', '重修方式'];

function place(sheet: LayoutSheet, input: GradeRosterRowInput, values: Record<string, RosterCell>, invalid: string[]): GradePlacement {
  const columns = sheetColumns(sheet);
  const row = { ...values };
  const method = rosterMethod(input.context.method);
  for (const column of METHOD_COLUMNS) if (method !== null) row[column] = method;
  const identity = rosterTransferIdentity(input.context.statusCode);
  if (identity !== null) row['身分別'] = identity;
  const bad = columns.filter((c) => invalid.includes(c));
  const missing = columns.filter((c) => row[c] === undefined && !invalid.includes(c));
  let review: GradeReviewReason | null = null;
  if (!input.course) review = 'no-offering';
  else if (columns.some((c) => METHOD_COLUMNS.includes(c)) && method === null) review = 'method-unknown';
  else if (columns.includes('身分別') && identity === null) review = 'identity-unknown';
  else if (bad.length > 0) review = 'code-invalid';
  else if (missing.includes('修課節數')) review = 'no-periods';
  else if (missing.length > 0) review = 'column-unfilled';
  return { sheet: sheet.name, values: row, review, missing: bad.length > 0 ? bad : missing };
}

/**
 * Places one grade in a grade roster's layout: not this roster's way of taking; excluded
 * (課程類別 8 / 9 without 科目屬性 D, ROSTERS §4); or its row(s) — a 進修部 grade with a make-up
 * exam also on 補考成績 — each submitted or waiting for the office with its reason: no valid
 * course code, no sheet for its way of taking, no offering of the code (科目名稱, 開課年級,
 * 修課學分), a 補修/重修方式 other than 3, a 學籍異動代碼 outside the 身分別 ranges, a value outside
 * its code list, no 修課節數, or another column nothing fills.
 */
export function placeGrade(layout: RosterLayout & { roster: GradeRosterId }, input: GradeRosterRowInput): GradeOutcome {
  const takes = GRADE_SHEETS_OF_TAKE[layout.roster];
  if (!(input.take in takes)) return { kind: 'other-roster' };
  const first = layout.sheets[0]!;
  const { values, invalid } = valuesOf(input);
  if (!isCourseCode(input.code)) return { kind: 'placed', placements: [{ sheet: first.name, values, review: 'no-course-code', missing: [] }] };
  if (isKeptOutOfGrades(parseCourseCode(input.code))) return { kind: 'excluded' };
  const sheetName = takes[input.take];
  const sheet = sheetName ? layout.sheets.find((s) => s.name === sheetName) : undefined;
  if (!sheet) return { kind: 'placed', placements: [{ sheet: first.name, values, review: 'no-sheet', missing: [] }] };
  const placements = [place(sheet, input, values, invalid)];
  const makeUp = layout.sheets.find((s) => s.name === NIGHT_MAKE_UP_SHEET);
  const sat = (v: string | number | undefined) => (rosterScoreCell(v) ?? 0) !== -1;
  if (layout.roster === 'night-grades' && makeUp && sheet.name === '學期成績' && (sat(input.context.firstMakeUpScore) || sat(input.context.secondMakeUpScore))) {
    placements.push(place(makeUp, input, values, invalid));
  }
  return { kind: 'placed', placements };
}

/**
 * The row of a placement in its sheet, in the layout's column order; `lenient` leaves a cell
 * nothing fills empty (the office's `(缺)` sheets). A submitted placement has every column.
 */
export function gradeRow(sheet: LayoutSheet, placement: Pick<GradePlacement, 'values'>, lenient = false): RosterCell[] {
  return sheetColumns(sheet).map((column) => {
    const value = placement.values[column];
    if (value !== undefined) return value;
    if (lenient) return '';
    throw new DomainError('roster-column-unfilled', { column, sheet: sheet.name, nationalId: placement.values['身分證號'] ?? '' });
  });
}

/** One enrolment of the term for the pre-check roster (41 / 42), with the course plan's name of its code. */
export interface PrecheckRowInput {
  nationalId: string;
  birthDate: string;
  code: string;
  /** The course plan's 報部科目名稱 of the code (the cohort's current plan); null when the plan lacks the code. */
  planSubjectName: string | null;
  gradeLevel: number;
  credits: number;
}

export type PrecheckPlacement = { kind: 'excluded' } | { kind: 'placed'; values: Record<string, RosterCell>; review: 'no-course-code' | 'not-in-plan' | null };

/**
 * The pre-check roster's row (預檢成績名冊, ROSTERS §2–§3): 身分證號, 出生日期, 課程代碼, 科目名稱
 * (the course plan's 報部科目名稱), 開課年級, 修課學分 — no grades. Codes of 課程類別 8 / 9
 * without 科目屬性 D are excluded as from every grade-roster workbook; a code the plan lacks
 * waits for the curriculum office.
 */
export function placePrecheck(input: PrecheckRowInput): PrecheckPlacement {
  const values: Record<string, RosterCell> = { 身分證號: input.nationalId, 出生日期: toRocDate(input.birthDate, ''), 課程代碼: input.code, 開課年級: input.gradeLevel, 修課學分: input.credits };
  if (!isCourseCode(input.code)) return { kind: 'placed', values, review: 'no-course-code' };
  if (isKeptOutOfGrades(parseCourseCode(input.code))) return { kind: 'excluded' };
  if (input.planSubjectName === null) return { kind: 'placed', values, review: 'not-in-plan' };
  return { kind: 'placed', values: { ...values, 科目名稱: input.planSubjectName }, review: null };
}
