import type { inferRouterOutputs } from '@trpc/server';
import type { CompetitionsRouter } from '../server/router.ts';

/** What the competitions procedures return, as the screen sees them (types only). */
type Outputs = inferRouterOutputs<CompetitionsRouter>;

export type KindView = Outputs['records']['kinds'][number];
export type RecordList = Outputs['records']['list'];

export const KIND = 'competition-in';

export const paths = {
  me: 'platform.me',
  kinds: 'competitions.records.kinds',
  list: 'competitions.records.list',
  enter: 'competitions.records.enter',
  correct: 'competitions.records.correct',
  withdraw: 'competitions.records.withdraw',
  preview: 'competitions.records.importPreview',
  commit: 'competitions.records.importCommit',
} as const;

export const templatePath = (kind: string) => `/api/competitions/records/template.xlsx?kind=${encodeURIComponent(kind)}`;
export const exportPath = (kind: string) => `/api/competitions/records/export.xlsx?kind=${encodeURIComponent(kind)}`;
