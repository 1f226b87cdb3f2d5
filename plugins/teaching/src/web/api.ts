import type { PlatformMe } from '@licheng/server';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import type { TeachingRouter } from '../server/router.ts';

/** What the teaching office's procedures return, as the screens see them (types only). */
type Outputs = inferRouterOutputs<TeachingRouter>;
type Inputs = inferRouterInputs<TeachingRouter>;

export type Queue = Outputs['certifications']['queue'];
export type QueueItem = Queue['items'][number];
export type QueueCourse = Queue['courses'][number];
export type DecideInput = Inputs['certifications']['decide'];
/** The queue's status filter (its input defaults to pending). */
export type QueueStatus = 'pending' | 'passed' | 'failed' | 'all';
export type Decided = Outputs['certifications']['decide'];
export type DecidedMany = Outputs['certifications']['decideMany'];
export type Reopened = Outputs['certifications']['reopen'];

/** The part of `platform.me` this screen reads. */
export type MeWindows = Pick<PlatformMe, 'user' | 'windows'>;

export const paths = {
  queue: 'teaching.certifications.queue',
  decide: 'teaching.certifications.decide',
  decideMany: 'teaching.certifications.decideMany',
  reopen: 'teaching.certifications.reopen',
  me: 'platform.me',
} as const;

/** Longest fail reason the server takes. */
export const REASON_MAX = 200;
