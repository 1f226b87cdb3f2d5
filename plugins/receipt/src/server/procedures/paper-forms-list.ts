import { authedProcedure } from '@licheng/server';
import { z } from 'zod';
import { paperFormCandidates } from '../paper-forms.ts';
import { loadBatch } from '../progress.ts';
import { OFFICE_ROLES } from '../roles.ts';
import { receiptDb } from '../tables.ts';

export const paperFormsListInput = z.object({ batchId: z.string().min(1).max(36) });

/**
 * receipt.paperForms.list — the batch's students who have left (休學, 轉出) and so confirm on
 * paper, by class and seat, and their classes: what the desk offers to print.
 */
export const paperFormsList = authedProcedure(OFFICE_ROLES)
  .input(paperFormsListInput)
  .query(async ({ ctx, input }) => {
    const db = receiptDb(ctx.db);
    const batch = await loadBatch(db, ctx.config.code, input.batchId);
    const students = await paperFormCandidates(db, ctx.config.code, batch.id);
    const classes = [...new Set(students.map((s) => s.className))].map((className) => ({ className, students: students.filter((s) => s.className === className).length }));
    return { batchId: batch.id, students, classes };
  });
