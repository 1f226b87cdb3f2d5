import { DomainError, freeText } from '@licheng/core';
import { authedProcedure, decideRecord, loadCertifiableRecord } from '@licheng/server';
import { z } from 'zod';

export const readingCertifyInput = z.object({
  id: z.string().min(1).max(64),
  decision: z.enum(['pass', 'fail']),
  /** Required to fail (未通過): what the student should fix. */
  reason: freeText({ max: 200, multiline: true, allowBlank: true }).optional(),
});

export interface ReadingCertifyOutput {
  id: string;
  status: 'passed' | 'failed';
  version: number;
}

/**
 * `library.reading.certify` — the library certifies (認證) one pending reading record: 通過, or
 * 未通過 with a reason. A record it does not certify (another kind, another school, a kind the
 * school names someone else to certify) reads as not found; one already decided is refused
 * ('already-decided'). Audited as `reading.certify.pass|fail`.
 */
export const readingCertify = authedProcedure(['library-staff', 'admin'])
  .input(readingCertifyInput)
  .mutation(async ({ ctx, input }): Promise<ReadingCertifyOutput> => {
    const record = await loadCertifiableRecord(ctx, input.id);
    if (record.kind !== 'reading') throw new DomainError('not-found', {});
    const after = await decideRecord(ctx, record, { decision: input.decision, reason: input.reason });
    return { id: after.id, status: after.status as ReadingCertifyOutput['status'], version: after.version };
  });
