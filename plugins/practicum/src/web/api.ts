import type { inferRouterOutputs } from '@trpc/server';
import type { PracticumRouter } from '../server/router.ts';

/** What the practicum office's procedures return, as the screen sees them (types only; no server code reaches the browser). */
type Outputs = inferRouterOutputs<PracticumRouter>;

export type CertificateList = Outputs['certificates']['list'];
export type Certificate = CertificateList['items'][number];
export type ImportReport = Outputs['certificates']['import'];
export type ImportIssue = ImportReport['issues'][number];
export type InternshipList = Outputs['internships']['list'];
export type Internship = InternshipList['items'][number];

export type KindView = Outputs['records']['kinds'][number];
export type RecordList = Outputs['records']['list'];
export type RecordListRow = RecordList['rows'][number];
export interface Me {
  user: { roles: string[] };
  term: { academicYear: number; semester: 1 | 2 };
}

/** The generic record procedures the office mounts (practicum.records.*). */
export const recordPaths = {
  me: 'platform.me',
  kinds: 'practicum.records.kinds',
  list: 'practicum.records.list',
  enter: 'practicum.records.enter',
  correct: 'practicum.records.correct',
  withdraw: 'practicum.records.withdraw',
  decide: 'practicum.records.decide',
} as const;

/** Procedure paths of the practicum office. */
export const paths = {
  certificatesList: 'practicum.certificates.list',
  certificatesImport: 'practicum.certificates.import',
  certificatesRegister: 'practicum.certificates.register',
  internshipsList: 'practicum.internships.list',
  internshipsRegister: 'practicum.internships.register',
} as const;

/** The list template, under the API base. */
export const TEMPLATE_PATH = '/api/practicum/templates/certificates.xlsx';

/** The usual 技術士 levels, offered while typing the level (any other level or score is fine). */
export const CERTIFICATE_LEVELS = ['甲級', '乙級', '丙級', '單一級'] as const;

/** Client-side hints of the server's limits (the server is authoritative). */
export const LIMITS = { name: 100, number: 50, level: 20, issuer: 100, organisation: 100, title: 100, hoursMax: 2000, document: '.pdf,.jpg,.jpeg,.png', list: '.xlsx,.csv' } as const;
