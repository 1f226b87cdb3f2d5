import { formatMessage } from '@licheng/core';
import { authedProcedure, decideRecord, itemError, loadCertifiableRecord, scheduleOf } from '@licheng/server';
import { z } from 'zod';
import { assertCertificationWindow, recordStudentScopes } from '../certification-window.ts';

export const certificationsDecideManyInput = z.object({
  recordIds: z.array(z.string().min(1).max(36)).min(1).max(500),
  decision: z.literal('pass'),
});

/**
 * teaching.certifications.decideMany — bulk pass. Each item is decided on its own: one that
 * another teacher already decided is reported, the rest still pass.
 */
export const certificationsDecideMany = authedProcedure(undefined, { certification: true })
  .input(certificationsDecideManyInput)
  .mutation(async ({ ctx, input }) => {
    const results: Array<{ id: string; ok: boolean; status?: string; error?: { code: string; message: string } }> = [];
    const ids = [...new Set(input.recordIds)];
    // Every item's student grade and class in one query, not one per item (the window may be staggered).
    const scopes = await recordStudentScopes(ctx, ids);
    const schedule = await scheduleOf(ctx);
    for (const id of ids) {
      try {
        const { record, authority } = await loadCertifiableRecord(ctx, id);
        assertCertificationWindow(ctx, schedule, record, scopes.get(id));
        const after = await decideRecord(ctx, record, { decision: 'pass' }, authority);
        results.push({ id, ok: true, status: after.status });
      } catch (caught) {
        const error = itemError(caught);
        if (!error) throw caught;
        results.push({ id, ok: false, error: { code: error.code, message: formatMessage(error.code, error.params, ctx.locale) } });
      }
    }
    return { passed: results.filter((r) => r.ok).length, failed: results.filter((r) => !r.ok).length, results };
  });
