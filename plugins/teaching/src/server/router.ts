import { router } from '@licheng/server';
import { certificationsDecide } from './procedures/certifications-decide.ts';
import { certificationsDecideMany } from './procedures/certifications-decide-many.ts';
import { certificationsQueue } from './procedures/certifications-queue.ts';
import { certificationsReopen } from './procedures/certifications-reopen.ts';

export const teachingRouter = router({
  certifications: router({ queue: certificationsQueue, decide: certificationsDecide, decideMany: certificationsDecideMany, reopen: certificationsReopen }),
});

export type TeachingRouter = typeof teachingRouter;
