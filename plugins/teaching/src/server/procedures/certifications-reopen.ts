import { freeText } from '@licheng/core';
import { assertOwnDecisionAuthority, authedProcedure, loadCertifiableRecord, reopenRecord } from '@licheng/server';
import { z } from 'zod';
import { assertRecordInWindow } from '../certification-window.ts';

export const certificationsReopenInput = z.object({
  recordId: z.string().min(1).max(36),
  /** Why the decision is taken back; the student reads it. */
  reason: freeText({ max: 200, multiline: true }),
});

/**
 * teaching.certifications.reopen — the certifier who decided an item takes the decision back
 * (通過／未通過 → 待認證) while the certification window is open and the item is in no exported roster.
 */
export const certificationsReopen = authedProcedure(undefined, { certification: true })
  .input(certificationsReopenInput)
  .mutation(async ({ ctx, input }) => {
    const { record, authority } = await loadCertifiableRecord(ctx, input.recordId);
    // Another certifier's decision reads as a record that does not exist, in and out of the window.
    const own = await assertOwnDecisionAuthority(ctx, record, authority);
    await assertRecordInWindow(ctx, record);
    const after = await reopenRecord(ctx, record, input.reason, own);
    return { id: after.id, status: after.status, statusReason: after.status_reason, version: after.version };
  });
