import type { inferRouterOutputs } from '@trpc/server';
import type { CompetitionsRouter } from '../server/router.ts';

/** What the competitions procedures return, as the screen sees them (types only). */
type Outputs = inferRouterOutputs<CompetitionsRouter>;

export type KindView = Outputs['records']['kinds'][number];

export const KIND = 'competition-in';

export const paths = {
  me: 'platform.me',
  kinds: 'competitions.records.kinds',
} as const;

export const exportPath = (kind: string) => `/api/competitions/records/export.xlsx?kind=${encodeURIComponent(kind)}`;
