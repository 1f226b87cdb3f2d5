import { toRocDate } from '../calendar.ts';
import { isCourseCode } from '../course-code.ts';
import { DomainError } from '../errors.ts';
import { sheetColumns } from './lookup.ts';
import type { LayoutSheet, RosterLayout } from './types.ts';

/**
 * Where one 課程學習成果 goes in roster 26 / 28 and what its row says (ROSTERS §3): the way
 * its course was taken — as the registry's grade of the same student, term and course code
 * marks it (ADR 0020) — picks the sheet; the layout version picks the columns.
 */

/** A selected, certified outcome with its course and the registry's grades of that course and term. */
export interface OutcomeRowInput {
  nationalId: string;
  /** ISO date; written as the 7-digit ROC date. */
  birthDate: string;
  academicYear: number;
  semester: number;
  summary: string;
  course: { code: string; subjectName: string; gradeLevel: number; credits: number } | null;
  grades: ReadonlyArray<{ take: string; context: Readonly<Record<string, string | number>> }>;
  /**
   * The enrolment's way of taking (修課 take_kind 2 重修, 3 補修), when it says so: with no
   * registry grade to give the sheet's context, such an outcome waits for the office.
   */
  enrolmentTake?: 'make-up' | 'retake' | null;
}

export type RosterCell = string | number;

/** Why a row is kept for the office (a `(缺)` sheet) instead of being submitted. */
export type OutcomeReviewReason = 'no-course-code' | 'no-sheet' | 'no-periods' | 'column-unfilled' | 'take-without-grade';

export interface OutcomePlacement {
  /** The roster sheet the outcome belongs on. */
  sheet: string;
  /** The way of taking that chose the sheet ('term' when no grade says otherwise). */
  take: string;
  /** Values by column name; a column the data cannot give is absent. */
  values: Record<string, RosterCell>;
  /** Null when the row is submitted; else why it waits for the office. */
  review: OutcomeReviewReason | null;
  /** The columns of its sheet nothing fills (empty unless review is no-periods or column-unfilled). */
  missing: string[];
}

/** The sheet of each way of taking; a take not listed (term, night) goes to 學期課程學習成果. */
export const OUTCOME_SHEET_OF_TAKE: Readonly<Record<string, string>> = {
  transfer: '轉學轉科課程學習成果',
  borrowed: '借讀課程學習成果',
  'make-up': '補修課程學習成果',
  retake: '重修課程學習成果',
  'repeat-year': '重讀課程學習成果',
};
export const TERM_OUTCOME_SHEET = '學期課程學習成果';

/** When grades of several ways share a course and term, the first of these decides. */
const TAKE_PRIORITY = ['transfer', 'borrowed', 'make-up', 'retake', 'repeat-year'];

const num = (v: string | number | undefined): number | undefined => {
  if (v === undefined || v === '') return undefined;
  const n = Number(v);
  return Number.isFinite(n) && n !== 0 ? n : undefined;
};
const text = (v: string | number | undefined): string | undefined => (v === undefined || v === '' ? undefined : String(v));

/** The values an outcome can give, by the column names of the 課程學習成果 layouts. */
function valuesOf(input: OutcomeRowInput, take: string): Record<string, RosterCell> {
  const ctx = input.grades.find((g) => g.take === take)?.context ?? {};
  const periods = num(input.grades.find((g) => g.take === 'night')?.context.periods);
  const c = input.course;
  const entries: Array<[string, RosterCell | undefined]> = [
    ['身分證號', input.nationalId],
    ['出生日期', toRocDate(input.birthDate, '')],
    ['實際修課學年度', input.academicYear],
    ['實際修課學期', input.semester],
    ['成果簡述', input.summary],
    ['修課節數', periods],
  ];
  if (c && isCourseCode(c.code)) {
    for (const prefix of ['', '原修課', '借讀校']) {
      entries.push([`${prefix}課程代碼`, c.code], [`${prefix}科目名稱`, c.subjectName], [`${prefix}開課年級`, c.gradeLevel], [`${prefix}修課學分`, c.credits]);
    }
  }
  switch (take) {
    case 'make-up':
      entries.push(['應修課學年度', num(ctx.dueYear)], ['應修課學期', num(ctx.dueSemester)], ['補修方式', text(ctx.method)]);
      break;
    case 'retake':
      entries.push(['原修課學年度', num(ctx.originalYear)], ['原修課學期', num(ctx.originalSemester)], ['重修方式', text(ctx.method)]);
      break;
    case 'transfer':
      entries.push(['原修課學校代碼', text(ctx.originalSchool)], ['原修課學年度', input.academicYear], ['原修課學期', input.semester]);
      break;
    case 'borrowed':
      entries.push(['借讀學校代碼', text(ctx.borrowSchool)], ['借讀修課學年度', input.academicYear], ['借讀修課學期', input.semester]);
      break;
  }
  return Object.fromEntries(entries.filter((e): e is [string, RosterCell] => e[1] !== undefined));
}

/** The way of taking that decides the sheet: the first of TAKE_PRIORITY among the grades, else 'term'. */
export function outcomeTake(grades: OutcomeRowInput['grades']): string {
  return TAKE_PRIORITY.find((t) => grades.some((g) => g.take === t)) ?? 'term';
}

/**
 * Places one outcome in a 課程學習成果 layout: its sheet, its values, and — when it cannot be
 * submitted — why: no valid course code, no such sheet in this roster (進修部 has no 補修 /
 * 重修 / 重讀 sheet), an enrolment taken as 補修 / 重修 with no registry grade to give its
 * context, no 修課節數 for a 進修部 row (no 進修部 grade gives it), or another column
 * nothing fills (a column of a school-loaded layout the platform does not know). Such rows go
 * to the office's `(缺)` sheets, never blank or guessed into the submitted roster.
 */
export function placeOutcome(layout: RosterLayout, input: OutcomeRowInput): OutcomePlacement {
  const graded = outcomeTake(input.grades);
  const ungraded = graded === 'term' && input.enrolmentTake ? input.enrolmentTake : null;
  const take = ungraded ?? graded;
  const sheetName = OUTCOME_SHEET_OF_TAKE[take] ?? TERM_OUTCOME_SHEET;
  const values = valuesOf(input, take);
  const sheet = layout.sheets.find((s) => s.name === sheetName);
  const missing = sheet ? sheetColumns(sheet).filter((c) => values[c] === undefined) : [];
  let review: OutcomeReviewReason | null = null;
  if (!input.course || !isCourseCode(input.course.code)) review = 'no-course-code';
  else if (!sheet) review = 'no-sheet';
  else if (ungraded) review = 'take-without-grade';
  else if (missing.includes('修課節數')) review = 'no-periods';
  else if (missing.length > 0) review = 'column-unfilled';
  return { sheet: sheetName, take, values, review, missing };
}

/**
 * The row of a placed outcome in a sheet, in the layout's column order. For a submitted row a
 * column nothing fills is refused with roster-column-unfilled (placeOutcome has already sent
 * such rows to review); `lenient` leaves such a cell empty, for the office's `(缺)` sheets.
 */
export function outcomeRow(sheet: LayoutSheet, placement: OutcomePlacement, lenient = false): RosterCell[] {
  return sheetColumns(sheet).map((column) => {
    const value = placement.values[column];
    if (value !== undefined) return value;
    if (lenient) return '';
    throw new DomainError('roster-column-unfilled', { column, sheet: sheet.name, nationalId: placement.values['身分證號'] ?? '' });
  });
}
