import type { Role } from '@licheng/core';
import type { AuthedContext } from '@licheng/server';
import type { RosterRequest } from './builder.ts';
import { buildCheckedRoster } from './checked-roster.ts';
import { CURRENT_PLAN, type CoursePlanCodes } from './checks.ts';

/**
 * Where a finding is fixed. No screen of the portal opens one record by URL yet (records are
 * reached from each office's lists), so the finding names its target as data: the office that
 * fixes it, the student, the record and its kind; the submission screen links to the office's
 * desk with them.
 */
export interface FindingTarget {
  office: Role;
  studentId: string | null;
  recordId: string | null;
  /** The record's kind (outcome, a 多元表現 kind …); null for a row made from no record. */
  kind: string | null;
}

export interface ValidationFinding {
  code: string;
  sheet: string;
  reason: string;
  office: Role;
  student: { id: string; studentNo: string; name: string; className: string } | null;
  target: FindingTarget;
}

export interface RosterValidation {
  roster: RosterRequest['roster'];
  batch: RosterRequest['batch'];
  kind: number;
  rowCount: number;
  reviewCount: number;
  planChecked: boolean;
  findings: ValidationFinding[];
}

/** Builds the roster without storing it and lists everything the central database would reject, with who fixes it. */
export async function validateRoster(ctx: AuthedContext, input: RosterRequest, planCodes: CoursePlanCodes = CURRENT_PLAN): Promise<RosterValidation> {
  const checked = await buildCheckedRoster(ctx, input, { planCodes });
  const studentIds = [...new Set(checked.problems.flatMap((p) => (p.studentId ? [p.studentId] : [])))];
  const recordIds = [...new Set(checked.problems.flatMap((p) => (p.recordId ? [p.recordId] : [])))];
  const students = new Map<string, ValidationFinding['student']>();
  for (let i = 0; i < studentIds.length; i += 500) {
    const rows = await ctx.db.selectFrom('students').select(['id', 'student_no', 'name', 'class_name']).where('school_code', '=', ctx.config.code).where('id', 'in', studentIds.slice(i, i + 500)).execute();
    for (const s of rows) students.set(s.id, { id: s.id, studentNo: s.student_no, name: s.name, className: s.class_name });
  }
  const kinds = new Map<string, string>();
  for (let i = 0; i < recordIds.length; i += 500) {
    const rows = await ctx.db.selectFrom('records').select(['id', 'kind']).where('school_code', '=', ctx.config.code).where('id', 'in', recordIds.slice(i, i + 500)).execute();
    for (const r of rows) kinds.set(r.id, r.kind);
  }
  return {
    roster: input.roster,
    batch: input.batch,
    kind: checked.kind,
    rowCount: checked.built.rowCount,
    reviewCount: checked.built.reviewCount,
    planChecked: checked.planChecked,
    findings: checked.problems.map((p) => ({
      code: p.code,
      sheet: p.sheet,
      reason: p.reason,
      office: p.office,
      student: p.studentId ? (students.get(p.studentId) ?? null) : null,
      target: { office: p.office, studentId: p.studentId, recordId: p.recordId, kind: p.recordId ? (kinds.get(p.recordId) ?? null) : null },
    })),
  };
}
