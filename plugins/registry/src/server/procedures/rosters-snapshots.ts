import { academicYearSchema, ROSTER_BATCHES, ROSTER_IDS } from '@licheng/core';
import { authedProcedure } from '@licheng/server';
import { z } from 'zod';
import { REGISTRY_ROLES } from '../roles.ts';
import { listSnapshots } from '../rosters/submissions.ts';

/** registry.rosters.snapshots — the submission history of a roster (and batch) in an academic year, newest first, with each file's SHA-256. */
export const rostersSnapshots = authedProcedure(REGISTRY_ROLES)
  .input(z.object({ academicYear: academicYearSchema, roster: z.enum(ROSTER_IDS), batch: z.enum(ROSTER_BATCHES).default('regular') }))
  .query(async ({ ctx, input }) => ({ snapshots: await listSnapshots(ctx.db, ctx.config.code, input) }));
