import type { DifferenceView, PlanCommitView, PlanPreviewView, PlanVersionDetailView, PlanVersionView, PrecheckRunView, PrecheckStatusView } from '../server/views.ts';

export type { DifferenceView, PlanCommitView, PlanPreviewView, PlanVersionDetailView, PlanVersionView, PrecheckRunView, PrecheckStatusView };

/** Procedure paths of the curriculum office. */
export const paths = {
  preview: 'curriculum.plan.preview',
  commit: 'curriculum.plan.commit',
  restore: 'curriculum.plan.restore',
  versions: 'curriculum.plan.versions',
  version: 'curriculum.plan.version',
  groups: 'curriculum.classGroups.list',
  setGroup: 'curriculum.classGroups.set',
  run: 'curriculum.precheck.run',
  status: 'curriculum.precheck.status',
  differences: 'curriculum.precheck.differences',
} as const;

export interface ClassGroupRow {
  className: string;
  grade: number;
  classGroup: string | null;
}

export const exportPath = (runId: string) => `/api/curriculum/precheck/export.xlsx?runId=${encodeURIComponent(runId)}`;

/** The plan file's size limit, as the server's (plan-file.ts). */
export const PLAN_MAX_BYTES = 5 * 1024 * 1024;

export const KINDS = ['plan-missing', 'unknown-code', 'credits', 'subject-name', 'class-group', 'required-missing'] as const;
