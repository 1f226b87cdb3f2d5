import { rosterNumberIfSet } from '@licheng/core';
import type { AuthedContext, PendingCorrection } from '@licheng/server';
import { layoutOf } from '../roster-export.ts';
import type { RosterRequest } from './builder.ts';

export type { PendingCorrection };

/**
 * Corrections marked for resubmission that "what changed since" lists beside the diff: records
 * an office corrected after a receipt (收訖明細) issue on this roster (its 名冊別) of this academic
 * year (and term, on a term roster). The receipt office provides them as the platform service
 * `pendingCorrections`; with that office off, or the roster's number unset, there are none.
 */
export async function pendingCorrectionsOf(ctx: AuthedContext, request: RosterRequest): Promise<PendingCorrection[]> {
  const read = ctx.services.pendingCorrections;
  if (!read) return [];
  const layout = layoutOf(ctx, request.roster);
  const number = rosterNumberIfSet(layout, request.batch, ctx.config.rosters.numbers);
  if (number === null) return [];
  const corrections = await read(ctx.db, ctx.config.code, { rosterKinds: [number] });
  return corrections.filter((c) => c.batch.academicYear === request.academicYear && (layout.year || c.batch.semester === request.semester));
}
