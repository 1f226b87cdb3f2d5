import type { ApprovedPlanLine, ImportIssue, PlanLineChange, PrecheckFixer, PrecheckKind } from '@licheng/core';
export type { PlanVersionView } from './procedures/plan-version-view.ts';
import type { PlanVersionView } from './procedures/plan-version-view.ts';

/** What a plan file changes against the version before it. */
export interface PlanDiffView {
  added: ApprovedPlanLine[];
  removed: ApprovedPlanLine[];
  changed: PlanLineChange[];
}

/** curriculum.plan.preview */
export interface PlanPreviewView {
  planYear: number;
  sourceName: string;
  rows: number;
  lineCount: number;
  issues: ImportIssue[];
  previousVersion: number | null;
  diff: PlanDiffView;
}

/** curriculum.plan.commit */
export interface PlanCommitView {
  version: PlanVersionView;
  diff: PlanDiffView;
}

/** curriculum.plan.version: a version, its lines and what it changed against the one before. */
export interface PlanVersionDetailView {
  version: PlanVersionView;
  previousVersion: number | null;
  lines: ApprovedPlanLine[];
  diff: PlanDiffView;
}

/** One 「不同」 of a pre-check run. */
export interface DifferenceView {
  id: string;
  kind: PrecheckKind;
  fixer: PrecheckFixer;
  className: string;
  code: string;
  subjectName: string;
  studentNo: string | null;
  studentName: string | null;
  expected: string;
  found: string;
}

export interface PrecheckRunView {
  id: string;
  academicYear: number;
  semester: number;
  ranAt: string;
  ranByName: string;
  planVersions: Array<{ planYear: number; version: number }>;
  differenceCount: number;
}

/** curriculum.precheck.status: the term's runs and the 4-week rule. */
export interface PrecheckStatusView {
  /** Why a run would be refused now (the pre-check window, worded), or null. */
  runRefusal: string | null;
  academicYear: number;
  semester: number;
  semesterStart: string;
  deadline: string;
  firstRunAt: string | null;
  /** 'on-time' | 'late' (first run after the deadline) | 'pending' (none yet, deadline ahead) | 'overdue' (none yet, deadline passed). */
  firstRun: 'on-time' | 'late' | 'pending' | 'overdue';
  /** Plan versions imported after the last run for a cohort of the term: re-run needed. */
  planChangedSince: Array<{ planYear: number; version: number; importedAt: string }>;
  /** The cohorts (實施學年度) the term's offerings follow, and whether a plan is loaded for each. */
  cohorts: Array<{ planYear: number; version: number | null }>;
  runs: PrecheckRunView[];
}
