import type { inferRouterOutputs } from '@trpc/server';
import type { StudentAffairsRouter } from '../server/router.ts';

/** What 學務處's procedures return, as the screen sees them (types only; no server code reaches the browser). */
type Outputs = inferRouterOutputs<StudentAffairsRouter>;

export type KindView = Outputs['records']['kinds'][number];
export type RecordList = Outputs['records']['list'];
export type RecordListRow = RecordList['rows'][number];

/** 學務處's sections (core's StudentAffairsSubOffice) in the order the screen lists them. */
export const SECTIONS = ['activities', 'discipline', 'clubs', 'pe'] as const;
export type Section = (typeof SECTIONS)[number];

/** The role of each section; 'student-affairs-staff' (the whole office) and admin reach every section. */
export const SECTION_ROLES: Record<Section, string> = { activities: 'activities-staff', discipline: 'discipline-staff', clubs: 'clubs-staff', pe: 'pe-staff' };
export const WHOLE_OFFICE_ROLES = ['student-affairs-staff', 'admin'];

/** The sections a user with these roles works in. */
export function sectionsOf(roles: readonly string[]): Section[] {
  if (roles.some((r) => WHOLE_OFFICE_ROLES.includes(r))) return [...SECTIONS];
  return SECTIONS.filter((s) => roles.includes(SECTION_ROLES[s]));
}

export const paths = {
  me: 'platform.me',
  kinds: 'student-affairs.records.kinds',
  list: 'student-affairs.records.list',
  enter: 'student-affairs.records.enter',
  correct: 'student-affairs.records.correct',
  withdraw: 'student-affairs.records.withdraw',
  preview: 'student-affairs.records.importPreview',
  commit: 'student-affairs.records.importCommit',
  decide: 'student-affairs.records.decide',
} as const;

export const templatePath = (kind: string) => `/api/student-affairs/records/template.xlsx?kind=${encodeURIComponent(kind)}`;
export const exportPath = (kind: string) => `/api/student-affairs/records/export.xlsx?kind=${encodeURIComponent(kind)}`;
