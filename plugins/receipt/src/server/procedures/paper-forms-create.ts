import { authedProcedure } from '@licheng/server';
import { z } from 'zod';
import { createPaperForms } from '../paper-forms.ts';
import { OFFICE_ROLES } from '../roles.ts';
import { receiptDb } from '../tables.ts';

/** One student, or a class: exactly one of the two. */
export const paperFormsCreateInput = z.union([
  z.object({ batchId: z.string().min(1).max(36), studentId: z.string().min(1).max(36) }).strict(),
  z.object({ batchId: z.string().min(1).max(36), className: z.string().trim().min(1).max(20) }).strict(),
]);

/**
 * receipt.paperForms.create — prints the 收訖明細紙本確認單 of one student who has left, or of
 * every student of a class who has left, as one PDF (rendered off the request thread, stored as a
 * file of the school); answers the file to download.
 */
export const paperFormsCreate = authedProcedure(OFFICE_ROLES)
  .input(paperFormsCreateInput)
  .mutation(async ({ ctx, input }) => {
    const target = 'studentId' in input ? { studentId: input.studentId } : { className: input.className };
    return createPaperForms(ctx, receiptDb(ctx.db), input.batchId, target);
  });
