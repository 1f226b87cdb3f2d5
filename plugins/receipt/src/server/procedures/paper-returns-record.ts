import { authedProcedure } from '@licheng/server';
import { z } from 'zod';
import { recordPaperReturn } from '../paper-returns.ts';
import { OFFICE_ROLES } from '../roles.ts';
import { entryRowInput, issueText } from './raise-issue.ts';

const id = z.string().min(1).max(36);

/** What the form says of one item: 確認無誤, or 提出疑義 with the words written (the same rules as receipt.raiseIssue). */
export const paperAnswerInput = z.discriminatedUnion('outcome', [
  z.object({ itemId: id, outcome: z.literal('confirmed') }).strict(),
  z.object({ itemId: id, outcome: z.literal('issue'), text: issueText, row: entryRowInput.optional() }).strict(),
]);

export const paperReturnsRecordInput = z
  .object({
    batchId: id,
    studentId: id,
    /** The date the signed form came back (ISO, Taipei); inside the batch's window, not after today. */
    returnedOn: z.string().trim().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be an ISO date (YYYY-MM-DD)'),
    /** One answer per item the form ticked; an item left blank on the form is left out. */
    answers: z.array(paperAnswerInput).min(1).max(20),
  })
  .strict()
  .refine((v) => new Set(v.answers.map((a) => a.itemId)).size === v.answers.length, { message: 'each item at most once', path: ['answers'] });

/**
 * receipt.paperReturns.record — the registry office records a signed 收訖明細紙本確認單 that came
 * back from a student who has left: per item confirmed, or an issue routed to the owning office
 * exactly as the student's own, marked as recorded from paper; in one transaction.
 */
export const paperReturnsRecord = authedProcedure(OFFICE_ROLES)
  .input(paperReturnsRecordInput)
  .mutation(({ ctx, input }) => recordPaperReturn(ctx, input));
