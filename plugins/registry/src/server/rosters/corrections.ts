import type { AuthedContext } from '@licheng/server';
import type { RosterRequest } from './builder.ts';

/** A correction an office made after a receipt issue, waiting for this roster's next submission. */
export interface PendingCorrection {
  id: string;
  studentId: string;
  rosterKind: number;
  recordId: string | null;
  ownerOffice: string;
  correctedAt: string;
}

/**
 * Corrections marked for resubmission that "what changed since" lists beside the diff.
 *
 * Seam: the receipt office's issue routing publishes `correctionsPendingSubmission(db, school,
 * { rosterKinds })` from `@licheng/plugin-receipt/server`. Until it is on main this answers
 * none. To connect it: when `ctx.config.plugins.enabled` includes 'receipt', call it with the
 * roster's 名冊別 and map its rows to `PendingCorrection`. (The registry must not read the
 * receipt office's tables itself.)
 */
export async function pendingCorrectionsOf(_ctx: AuthedContext, _request: RosterRequest): Promise<PendingCorrection[]> {
  return [];
}
