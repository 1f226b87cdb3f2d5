import { currentPlanLines } from '@licheng/plugin-curriculum/server';
import {
  recordProblems,
  ROSTER_CHECK_OFFICE,
  ROSTER_CHECK_REASON,
  ROW_BLOCKING_CHECKS,
  rowIdentityProblems,
  sheetColumns,
  taipeiDate,
  type RosterCheckCode,
} from '@licheng/core';
import { studentsWhoLeft, type AuthedContext } from '@licheng/server';
import { keepBack, type BuiltSheets, type RosterProblem } from './builder.ts';
import type { SheetRows } from './workbook.ts';

/**
 * The checks every roster gets after its builder (ROSTER_CHECK_CODES in core): over every
 * written row, through its refs, the 身分證號 and 出生日期 cells, whether the student had left
 * (休學, 轉出, 畢業) on the day of the submission, and — for rows made from a record — the
 * record's certification, the student's selections against the cap, its files against the
 * limits and its course code against the course plan. Rows failing a check that rejects the row
 * itself (ROW_BLOCKING_CHECKS: identity, left, not certified, not in the plan) move to the
 * `(缺)` workbook with the reason. `registry.rosters.validate` and `exportRoster`
 * both run this, so an export never submits a row the validation rejects.
 */

/**
 * The course codes of the course plan (課程計畫) of a 實施學年度 — the year a 23-character code
 * begins with — or null when there is no plan to check against. `CURRENT_PLAN` reads the
 * curriculum office's current approved plan (its public `currentPlanLines`) while that office
 * is enabled; `NO_PLAN` leaves the check off (reported as `planChecked: false`).
 */
export type CoursePlanCodes = (ctx: AuthedContext, planYear: number) => Promise<ReadonlySet<string> | null>;
export const NO_PLAN: CoursePlanCodes = async () => null;
export const CURRENT_PLAN: CoursePlanCodes = async (ctx, planYear) => {
  if (!ctx.config.plugins.enabled.includes('curriculum')) return null;
  const lines = (await currentPlanLines(ctx.db, ctx.config.code, [planYear])).get(planYear);
  return lines ? new Set(lines.map((l) => l.code)) : null;
};

/** The 實施學年度 a course code belongs to: its first three digits (108… → 108). */
const planYearOf = (code: string): number | null => (/^\d{3}/.test(code) ? Number(code.slice(0, 3)) : null);

export interface CheckedRoster {
  built: BuiltSheets;
  /** The builder's problems, then the generic checks' (one per row and check). */
  problems: RosterProblem[];
  /** Whether the course-plan check ran. */
  planChecked: boolean;
}

interface RecordFacts {
  id: string;
  kind: string;
  status: string;
  studentId: string;
  academicYear: number;
  documentSize: number | null;
  mediaSize: number | null;
  courseCode: string | null;
  enteredRole: string;
}

async function recordFacts(ctx: AuthedContext, ids: readonly string[]): Promise<Map<string, RecordFacts>> {
  const out = new Map<string, RecordFacts>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await ctx.db
      .selectFrom('records as r')
      .leftJoin('stored_files as d', 'd.id', 'r.document_file_id')
      .leftJoin('stored_files as m', 'm.id', 'r.media_file_id')
      .leftJoin('courses as c', 'c.id', 'r.course_id')
      .select(['r.id', 'r.kind', 'r.status', 'r.student_id', 'r.academic_year', 'd.size as document_size', 'm.size as media_size', 'c.code', 'r.entered_role'])
      .where('r.school_code', '=', ctx.config.code)
      .where('r.id', 'in', ids.slice(i, i + 500))
      .execute();
    for (const r of rows) {
      out.set(r.id, {
        id: r.id,
        kind: r.kind,
        status: r.status,
        studentId: r.student_id,
        academicYear: Number(r.academic_year),
        documentSize: r.document_size === null ? null : Number(r.document_size),
        mediaSize: r.media_size === null ? null : Number(r.media_size),
        courseCode: r.code,
        enteredRole: r.entered_role,
      });
    }
  }
  return out;
}

/** 課程學習成果 count against the outcome cap; 多元表現 a student entered against the performance cap (items an office registered do not count, SPEC §3.4). */
function capGroup(record: RecordFacts): 'outcome' | 'performance' | null {
  if (record.kind === 'outcome') return 'outcome';
  return record.enteredRole === 'student' ? 'performance' : null;
}

async function selectionCounts(ctx: AuthedContext, records: readonly RecordFacts[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  const students = [...new Set(records.map((r) => r.studentId))];
  const years = [...new Set(records.map((r) => r.academicYear))];
  for (let i = 0; i < students.length && years.length; i += 500) {
    const rows = await ctx.db
      .selectFrom('selections as s')
      .innerJoin('records as r', 'r.id', 's.record_id')
      .select(['s.student_id', 's.academic_year', 'r.kind', 'r.entered_role'])
      .where('s.school_code', '=', ctx.config.code)
      .where('s.student_id', 'in', students.slice(i, i + 500))
      .where('s.academic_year', 'in', years)
      .execute();
    for (const r of rows) {
      const group = capGroup({ kind: r.kind, enteredRole: r.entered_role } as RecordFacts);
      if (!group) continue;
      const key = `${r.student_id}|${Number(r.academic_year)}|${group}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return counts;
}

function capOf(rules: AuthedContext['config']['rules'], group: 'outcome' | 'performance' | null): number | null {
  if (group === 'outcome') return rules.outcomes.selectionCapPerYear;
  if (group === 'performance') return rules.performances.selectionCapPerYear;
  return null;
}

const problem = (code: RosterCheckCode, sheet: string, ref: { studentId: string | null; recordId: string | null }): RosterProblem => ({ code, sheet, studentId: ref.studentId, recordId: ref.recordId, office: ROSTER_CHECK_OFFICE[code], reason: ROSTER_CHECK_REASON[code] });

/** Runs the generic checks over a built roster; rows failing a blocking check move to the `(缺)` workbook. */
export async function checkRoster(ctx: AuthedContext, built: BuiltSheets, planCodes: CoursePlanCodes = CURRENT_PLAN): Promise<CheckedRoster> {
  const refs = built.sheets.flatMap((part) => part.refs);
  const studentIds = [...new Set(refs.flatMap((r) => (r.studentId ? [r.studentId] : [])))];
  const left = await studentsWhoLeft(ctx.db, ctx.config.code, studentIds, taipeiDate(ctx.now()));
  const records = await recordFacts(ctx, [...new Set(refs.flatMap((r) => (r.recordId ? [r.recordId] : [])))]);
  const selected = await selectionCounts(ctx, [...records.values()]);
  const planYears = [...new Set([...records.values()].flatMap((r) => (r.courseCode && planYearOf(r.courseCode) !== null ? [planYearOf(r.courseCode)!] : [])))];
  const plans = new Map<number, ReadonlySet<string> | null>();
  for (const year of planYears) plans.set(year, await planCodes(ctx, year));
  const planChecked = [...plans.values()].some((p) => p !== null);

  const cappedByBuilder = new Set(built.problems.flatMap((p) => (p.code === 'over-cap' && p.studentId ? [p.studentId] : [])));
  const review = new Map<string, SheetRows>(built.review.map((part) => [part.sheet.name, { ...part, rows: [...part.rows], refs: [...part.refs] }]));
  const problems: RosterProblem[] = [...built.problems];
  const sheets: SheetRows[] = [];
  let moved = 0;
  for (const part of built.sheets) {
    const columns = sheetColumns(part.sheet);
    const idAt = columns.indexOf('身分證號');
    const birthAt = columns.indexOf('出生日期');
    const kept: SheetRows = { ...part, rows: [], refs: [] };
    part.rows.forEach((row, i) => {
      const ref = part.refs[i] ?? { studentId: null, recordId: null };
      const codes: RosterCheckCode[] = idAt >= 0 ? rowIdentityProblems(row[idAt], row[birthAt]).filter((c) => birthAt >= 0 || c !== 'invalid-birth-date') : [];
      if (ref.studentId && left.has(ref.studentId)) codes.push('student-left');
      const record = ref.recordId ? records.get(ref.recordId) : undefined;
      if (record) {
        const group = capGroup(record);
        const plan = record.courseCode ? (plans.get(planYearOf(record.courseCode) ?? -1) ?? null) : null;
        codes.push(
          ...recordProblems({
            status: record.status,
            selected: selected.get(`${record.studentId}|${record.academicYear}|${group}`) ?? 0,
            cap: capOf(ctx.config.rules, group),
            files: { document: record.documentSize, media: record.mediaSize },
            inPlan: plan && record.courseCode ? plan.has(record.courseCode) : null,
          }),
        );
      }
      // A builder that applies the cap itself (25 keeps the rows beyond it back as over-cap) has already said so.
      const reported = ref.studentId && cappedByBuilder.has(ref.studentId) ? codes.filter((c) => c !== 'over-selection-cap') : codes;
      problems.push(...reported.map((code) => problem(code, part.sheet.name, ref)));
      const blocking = codes.filter((c) => ROW_BLOCKING_CHECKS.has(c));
      if (blocking.length === 0) {
        kept.rows.push(row);
        kept.refs.push(ref);
        return;
      }
      moved++;
      keepBack(review, part.sheet, row.slice(0, columns.length), blocking.map((c) => ROSTER_CHECK_REASON[c]).join('；'), ref);
    });
    sheets.push(kept);
  }
  return {
    built: { ...built, sheets, review: [...review.values()], rowCount: built.rowCount - moved, reviewCount: built.reviewCount + moved, problems },
    problems,
    planChecked,
  };
}
