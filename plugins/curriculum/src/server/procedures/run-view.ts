import type { PrecheckKind, PrecheckFixer } from '@licheng/core';
import type { PrecheckDifferenceRow, PrecheckRun } from '../tables.ts';
import type { DifferenceView, PrecheckRunView } from '../views.ts';

export function toRunView(row: PrecheckRun): PrecheckRunView {
  const versions = JSON.parse(row.plan_versions) as Array<{ planYear: number; version: number }>;
  return {
    id: row.id, academicYear: row.academic_year, semester: row.semester, ranAt: row.ran_at, ranByName: row.ran_by_name,
    planVersions: versions.map((v) => ({ planYear: v.planYear, version: v.version })), differenceCount: row.difference_count,
  };
}

export function toDifferenceView(row: PrecheckDifferenceRow): DifferenceView {
  return {
    id: row.id, kind: row.kind as PrecheckKind, fixer: row.fixer as PrecheckFixer, className: row.class_name, code: row.code, subjectName: row.subject_name,
    studentNo: row.student_no, studentName: row.student_name, expected: row.expected, found: row.found,
  };
}
