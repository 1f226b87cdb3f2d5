import { freeText } from '@licheng/core';
import { authedProcedure, decideRecord, loadCertifiableRecord } from '@licheng/server';
import { z } from 'zod';
import { assertRecordInWindow } from '../certification-window.ts';

export const certificationsDecideInput = z.object({
  recordId: z.string().min(1).max(36),
  decision: z.enum(['pass', 'fail']),
  /** Required when failing: what the student must fix (authorship or course fit — never quality). */
  reason: freeText({ max: 200, multiline: true, allowBlank: true }).optional(),
});

/** teaching.certifications.decide — pass or fail one item; the first decision wins, later ones get CONFLICT. */
export const certificationsDecide = authedProcedure(undefined, { certification: true })
  .input(certificationsDecideInput)
  .mutation(async ({ ctx, input }) => {
    const { record, authority } = await loadCertifiableRecord(ctx, input.recordId);
    await assertRecordInWindow(ctx, record);
    const after = await decideRecord(ctx, record, input, authority);
    return { id: after.id, status: after.status, statusReason: after.status_reason, version: after.version };
  });
