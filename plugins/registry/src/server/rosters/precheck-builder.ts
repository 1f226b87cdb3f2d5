import { cohortPlanYear, gradeRow, placePrecheck, type ApprovedPlanLine, type PrecheckRowInput, type RosterLayout } from '@licheng/core';
import type { AuthedContext, PlatformDatabase } from '@licheng/server';
import { currentPlanLines } from '@licheng/plugin-curriculum/server';
import type { Kysely } from 'kysely';
import { keepBack, type BuiltSheets, type RosterBuilder, type RosterProblem } from './builder.ts';
import { activityTimeNote } from './grade-builder.ts';
import type { Division } from './outcome-sources.ts';
import type { SheetRows } from './workbook.ts';

/** One enrolment of the term, its student and offering. */
export interface PrecheckSource extends Omit<PrecheckRowInput, 'planSubjectName'> {
  studentId: string;
  /** The enrolment row (修課). */
  enrolmentId: string;
  /** The course plan years where the code is looked up, first the offering's cohort, then the student's. */
  planYears: [number, number];
}

/** The term's enrolments of enrolled students of the division (as the pre-check compares them), joined to their offerings. */
function enrolmentQuery(db: Kysely<PlatformDatabase>, school: string, academicYear: number, semester: number, division: Division) {
  return db
    .selectFrom('enrolments as e')
    .innerJoin('courses as c', 'c.id', 'e.course_id')
    .innerJoin('students as s', 's.id', 'e.student_id')
    .where('e.school_code', '=', school)
    .where('c.academic_year', '=', academicYear)
    .where('c.semester', '=', semester)
    .where('s.status', '=', 'enrolled')
    .where('s.division', '=', division);
}

export async function precheckSources(db: Kysely<PlatformDatabase>, school: string, academicYear: number, semester: number, division: Division): Promise<PrecheckSource[]> {
  const rows = await enrolmentQuery(db, school, academicYear, semester, division)
    .select(['e.id as enrolment_id', 's.id as student_id', 's.national_id', 's.birth_date', 's.grade', 'c.code', 'c.grade_level', 'c.credits'])
    .orderBy('s.class_name')
    .orderBy('s.seat_no')
    .orderBy('s.student_no')
    .orderBy('c.code')
    .execute();
  return rows.map((r) => ({
    studentId: r.student_id,
    enrolmentId: r.enrolment_id,
    nationalId: r.national_id,
    birthDate: r.birth_date,
    code: r.code,
    gradeLevel: Number(r.grade_level),
    credits: Number(r.credits),
    planYears: [cohortPlanYear(academicYear, Number(r.grade_level)), cohortPlanYear(academicYear, Number(r.grade))],
  }));
}

const NOT_IN_PLAN = '課程計畫沒有此課程代碼（或尚未匯入該屆課程計畫），無法填報部科目名稱';

/**
 * 預檢成績名冊 (41 day / 42 night): one row per enrolment of the term — 身分證號, 出生日期, 課程代碼,
 * 科目名稱 (the course plan's 報部科目名稱), 開課年級, 修課學分 — no grades. A code no current plan
 * lists waits for the curriculum office on the `(缺)` sheet; codes of 課程類別 8 / 9 without
 * 科目屬性 D are left out and counted, as in every grade-roster workbook.
 */
export function buildPrecheckRoster(layout: RosterLayout, sources: PrecheckSource[], plans: ReadonlyMap<number, readonly ApprovedPlanLine[]>): BuiltSheets {
  const sheet = layout.sheets[0]!;
  const part: SheetRows = { sheet, rows: [], refs: [] };
  const review = new Map<string, SheetRows>();
  const problems: RosterProblem[] = [];
  const names = new Map([...plans].map(([year, lines]) => [year, new Map(lines.map((l) => [l.code, l.subjectName]))]));
  let excluded = 0;
  for (const source of sources) {
    const planSubjectName = source.planYears.map((y) => names.get(y)?.get(source.code)).find((n) => n !== undefined) ?? null;
    const placed = placePrecheck({ ...source, planSubjectName });
    if (placed.kind === 'excluded') {
      excluded++;
      continue;
    }
    const ref = { studentId: source.studentId, recordId: source.enrolmentId };
    if (placed.review === null) {
      part.rows.push(gradeRow(sheet, placed));
      part.refs.push(ref);
      continue;
    }
    const reason = placed.review === 'no-course-code' ? '缺課程代碼（不是有效的 23 碼課程代碼）' : NOT_IN_PLAN;
    keepBack(review, sheet, gradeRow(sheet, placed, true), reason, ref);
    problems.push({ code: placed.review, sheet: sheet.name, studentId: source.studentId, recordId: source.enrolmentId, office: 'curriculum-staff', reason });
  }
  return { sheets: [part], review: [...review.values()], rowCount: part.rows.length, reviewCount: problems.length, problems, notes: activityTimeNote(excluded) };
}

async function plansFor(ctx: AuthedContext, sources: PrecheckSource[]) {
  if (!ctx.config.plugins.enabled.includes('curriculum')) return new Map<number, ApprovedPlanLine[]>();
  return currentPlanLines(ctx.db, ctx.config.code, sources.flatMap((s) => s.planYears));
}

/** 41 carries the day division, 42 進修部; inside the term's pre-check window (開課預檢), not roster-submission. */
export function precheckBuilder(roster: 'precheck-day' | 'precheck-night', division: Division): RosterBuilder {
  return {
    roster,
    batches: ['regular'],
    activity: 'pre-check',
    audiences: async (ctx, request) => {
      const rows = await enrolmentQuery(ctx.db, ctx.config.code, request.academicYear, request.semester, division).select(['s.grade', 's.class_name']).distinct().execute();
      return rows.map((r) => ({ grade: Number(r.grade), className: r.class_name }));
    },
    build: async (ctx, layout, request) => {
      const sources = await precheckSources(ctx.db, ctx.config.code, request.academicYear, request.semester, division);
      return buildPrecheckRoster(layout, sources, await plansFor(ctx, sources));
    },
  };
}
