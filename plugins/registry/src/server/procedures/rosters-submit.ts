import { authedProcedure } from '@licheng/server';
import { z } from 'zod';
import { REGISTRY_ROLES } from '../roles.ts';
import { submitExport } from '../rosters/submissions.ts';

/**
 * registry.rosters.submit — 標記為已提交: the office uploaded this export to the central
 * database; records its snapshot (immutable). Once per export: again is roster-already-submitted.
 */
export const rostersSubmit = authedProcedure(REGISTRY_ROLES)
  .input(z.object({ exportId: z.string().min(1).max(36) }))
  .mutation(async ({ ctx, input }) => submitExport(ctx, input.exportId));
