import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import type { RegistryRouter } from '../server/router.ts';

/** What the registry office's procedures return, as the screens see them (types only). */
type Outputs = inferRouterOutputs<RegistryRouter>;
type Inputs = inferRouterInputs<RegistryRouter>;

export type Template = Outputs['imports']['templates'][number];
export type TemplateColumn = Template['columns'][number];
export type ImportKind = Template['kind'];
export type ImportResult = Outputs['imports']['run'];
export type ImportIssue = ImportResult['issues'][number];
export type RosterExportInput = Inputs['rosters']['export'];
export type RosterExport = Outputs['rosters']['export'];
export type RosterList = Outputs['rosters']['list'];
export type RosterListEntry = RosterList['rosters'][number];
export type RosterValidation = Outputs['rosters']['validate'];
export type RosterFinding = RosterValidation['findings'][number];
export type RosterSnapshot = Outputs['rosters']['submit'];
export type RosterChanges = Outputs['rosters']['changes'];
export type AuditPage = Outputs['audit']['list'];
export type AuditEntry = AuditPage['entries'][number];
export type AuditListInput = Inputs['audit']['list'];

export type GradeListInput = Inputs['grades']['list'];
export type GradePage = Outputs['grades']['list'];
export type GradeListRow = GradePage['rows'][number];
export type MyGrades = Outputs['grades']['mine'];
export type MyGrade = MyGrades['grades'][number];
export type Appeal = Outputs['appeals']['list'][number];
export type CorrectionInput = Inputs['corrections']['preview'];
export type CorrectionPreview = Outputs['corrections']['preview'];
export type CorrectionDone = Outputs['corrections']['commit'];
export type StatusRecordInput = Inputs['status']['record'];
export type StatusHistory = Outputs['status']['history'];

/** The part of `platform.me` this screen reads. */
export interface MeTerm {
  term: { academicYear: number; semester: 1 | 2 };
}

export const paths = {
  templates: 'registry.imports.templates',
  run: 'registry.imports.run',
  exportRoster: 'registry.rosters.export',
  rosterWindow: 'registry.rosters.window',
  rosterList: 'registry.rosters.list',
  rosterValidate: 'registry.rosters.validate',
  rosterSubmit: 'registry.rosters.submit',
  rosterSnapshots: 'registry.rosters.snapshots',
  rosterChanges: 'registry.rosters.changes',
  me: 'platform.me',
  audit: 'registry.audit.list',
  auditXlsx: '/api/registry/audit.xlsx',
  grades: 'registry.grades.list',
  myGrades: 'registry.grades.mine',
  raiseAppeal: 'registry.appeals.raise',
  appeals: 'registry.appeals.list',
  answerAppeal: 'registry.appeals.answer',
  previewCorrection: 'registry.corrections.preview',
  commitCorrection: 'registry.corrections.commit',
  recordStatus: 'registry.status.record',
  statusHistory: 'registry.status.history',
} as const;

/** Largest table file the server reads (20 MB); checked here only as a hint. */
export const MAX_TABLE_BYTES = 20 * 1024 * 1024;
/** The largest transfer package the import takes (core's MAX_TRANSFER_PACKAGE_BYTES, kept here so screens need not load core's schemas). */
export const TRANSFER_MAX_BYTES = 256 * 1024 * 1024;
