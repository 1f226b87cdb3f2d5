import { taipeiDate, windowPhase } from '@licheng/core';
import { authedProcedure } from '@licheng/server';
import { z } from 'zod';
import { OFFICE_ROLES } from '../roles.ts';
import { receiptDb } from '../tables.ts';

export const batchesListInput = z.object({ limit: z.number().int().min(1).max(100).default(20) }).default({ limit: 20 });

/** receipt.batches.list — the school's imported receipts, newest first, with their window's phase and open issues. */
export const batchesList = authedProcedure(OFFICE_ROLES)
  .input(batchesListInput)
  .query(async ({ ctx, input }) => {
    const db = receiptDb(ctx.db);
    const today = taipeiDate(ctx.now());
    const rows = await db.selectFrom('receipt_batches').selectAll().where('school_code', '=', ctx.config.code).orderBy('imported_at', 'desc').orderBy('id', 'desc').limit(input.limit).execute();
    const ids = rows.map((r) => r.id);
    const open = ids.length
      ? await db
          .selectFrom('receipt_issues')
          .select(['batch_id', (eb) => eb.fn.countAll<number | string>().as('n')])
          .where('school_code', '=', ctx.config.code)
          .where('batch_id', 'in', ids)
          .where('status', '=', 'open')
          .groupBy('batch_id')
          .execute()
      : [];
    return rows.map((r) => {
      const window = { start: r.window_start, end: r.window_end };
      return {
        id: r.id,
        academicYear: r.academic_year,
        semester: r.semester,
        fileName: r.file_name,
        window,
        phase: windowPhase(window, today),
        importedByName: r.imported_by_name,
        importedAt: r.imported_at,
        openIssues: Number(open.find((o) => o.batch_id === r.id)?.n ?? 0),
      };
    });
  });
