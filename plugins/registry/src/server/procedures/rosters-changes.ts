import { DomainError, type SnapshotStudent } from '@licheng/core';
import { authedProcedure } from '@licheng/server';
import { z } from 'zod';
import { layoutOf } from '../roster-export.ts';
import { REGISTRY_ROLES } from '../roles.ts';
import { changesSince, contentOf, exportOf, termFilter } from '../rosters/submissions.ts';
import { buildCheckedRoster } from '../rosters/checked-roster.ts';
import { pendingCorrectionsOf } from '../rosters/corrections.ts';
import { rostersExportInput } from './rosters-export.ts';

/**
 * registry.rosters.changes — 與上次提交的差異: an export (`exportId`), or the current data when
 * none is given, against the last snapshot of the same roster, batch and term (a year roster:
 * the academic year): students added and removed, rows changed per sheet and column (old → new),
 * and the corrections waiting for this roster's resubmission.
 */
export const rostersChanges = authedProcedure(REGISTRY_ROLES)
  .input(rostersExportInput.extend({ exportId: z.string().min(1).max(36).optional() }))
  .query(async ({ ctx, input }) => {
    const { exportId, ...request } = input;
    let content: SnapshotStudent[];
    if (exportId) {
      const e = await exportOf(ctx.db, ctx.config.code, exportId);
      if (!e || e.roster !== request.roster || e.batch !== request.batch || Number(e.academic_year) !== request.academicYear) throw new DomainError('roster-export-not-found', { id: exportId });
      content = JSON.parse(e.content_json) as SnapshotStudent[];
    } else content = contentOf((await buildCheckedRoster(ctx, request)).built);
    const layout = layoutOf(ctx, request.roster);
    const changes = await changesSince(ctx.db, ctx.config.code, termFilter(request, layout.year), content);
    return { ...changes, pendingCorrections: await pendingCorrectionsOf(ctx, request) };
  });
