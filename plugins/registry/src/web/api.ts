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

/** Roster kinds (名冊別) the office can export now. */
export const EXPORT_KINDS = [
  { kind: 26, roster: 'outcomes', label: { 'zh-TW': '26 課程學習成果', en: '26 Course learning outcomes' } },
  { kind: 28, roster: 'night-outcomes', label: { 'zh-TW': '28 進修部課程學習成果', en: '28 Course learning outcomes (night division)' } },
  { kind: 41, roster: 'precheck-day', label: { 'zh-TW': '41 預檢成績（日間部）', en: '41 Pre-check course roster (day division)' } },
  { kind: 42, roster: 'precheck-night', label: { 'zh-TW': '42 預檢成績（進修部）', en: '42 Pre-check course roster (night division)' } },
] as const;

/** Largest table file the server reads (20 MB); checked here only as a hint. */
export const MAX_TABLE_BYTES = 20 * 1024 * 1024;
