import { createHash } from 'node:crypto';
import { diffCoursePlans, formatMessage, parseCourseCode, readCoursePlanRow, type ApprovedPlanLine, type ImportIssue, type PlanLineChange } from '@licheng/core';
import type { AuthedContext } from '@licheng/server';
import type { Kysely } from 'kysely';
import { readPlanFile } from './plan-file.ts';
import { curriculumDb, type CurriculumDatabase, type PlanLine, type PlanVersion } from './tables.ts';

/** What a preview (and a refused commit) answers: every row problem, and what the file changes against the current version. */
export interface PlanCheck {
  planYear: number;
  rows: number;
  issues: ImportIssue[];
  lines: ApprovedPlanLine[];
  sha256: string;
  previous: { id: string; version: number } | null;
  diff: { added: ApprovedPlanLine[]; removed: ApprovedPlanLine[]; changed: PlanLineChange[] };
}

/** A stored line as the plan rules read it. */
export function toApprovedLine(row: Pick<PlanLine, 'code' | 'course_type' | 'subject_name' | 'credits' | 'offering_modes' | 'attributes'>, planYear: number): ApprovedPlanLine {
  return { planYear, courseType: row.course_type, code: row.code, subjectName: row.subject_name, credits: row.credits, offeringModes: row.offering_modes, attributes: row.attributes };
}

/** The newest version of a school's plan for a 實施學年度, or undefined. */
export async function latestVersion(db: Kysely<CurriculumDatabase>, school: string, planYear: number): Promise<PlanVersion | undefined> {
  return db.selectFrom('curriculum_plan_versions').selectAll().where('school_code', '=', school).where('plan_year', '=', planYear).orderBy('version', 'desc').limit(1).executeTakeFirst();
}

export async function versionLines(db: Kysely<CurriculumDatabase>, school: string, versionId: string, planYear: number): Promise<ApprovedPlanLine[]> {
  const rows = await db.selectFrom('curriculum_plan_lines').selectAll().where('school_code', '=', school).where('version_id', '=', versionId).orderBy('code').execute();
  return rows.map((r) => toApprovedLine(r, planYear));
}

function issueOf(row: number, column: string, reason: string, value: string): ImportIssue {
  const params = { column, reason, value };
  return { row, column, code: 'course-plan-cell-invalid', params, message: formatMessage('course-plan-cell-invalid', params, 'zh-TW') };
}

/** Reads and checks a plan file for `planYear`: each row through the plan rules, codes of this school, each code once. */
export async function checkPlanFile(ctx: AuthedContext, planYear: number, bytes: Uint8Array, fileName: string): Promise<PlanCheck> {
  const rows = await readPlanFile(bytes, fileName);
  const issues: ImportIssue[] = [];
  const lines: ApprovedPlanLine[] = [];
  const seen = new Set<string>();
  for (const { row, cells } of rows) {
    const result = readCoursePlanRow(cells, planYear);
    for (const i of result.issues) issues.push(issueOf(row, i.column, i.reason, i.value));
    if (!result.line) continue;
    if (parseCourseCode(result.line.code).schoolCode !== ctx.config.code) issues.push(issueOf(row, '課程代碼', 'other-school', result.line.code));
    else if (seen.has(result.line.code)) issues.push(issueOf(row, '課程代碼', 'duplicate', result.line.code));
    else lines.push(result.line);
    seen.add(result.line.code);
  }
  const db = curriculumDb(ctx.db);
  const previous = await latestVersion(db, ctx.config.code, planYear);
  const before = previous ? await versionLines(db, ctx.config.code, previous.id, planYear) : [];
  return {
    planYear,
    rows: rows.length,
    issues,
    lines,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    previous: previous ? { id: previous.id, version: previous.version } : null,
    diff: diffCoursePlans(before, lines),
  };
}
