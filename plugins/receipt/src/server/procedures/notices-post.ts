import { authedProcedure, writeAudit } from '@licheng/server';
import { newId, nowIso } from '@licheng/db';
import { z } from 'zod';
import { receiptDb } from '../tables.ts';
import { toNoticeView } from './notice-view.ts';

export const noticesPostInput = z.object({
  title: z.string().trim().min(1).max(100),
  body: z.string().trim().min(1).max(2000),
});

/** receipt.notices.post — office staff post a notice to the school; audited like every change. */
export const noticesPost = authedProcedure(['student'])
  .input(noticesPostInput)
  .mutation(async ({ ctx, input }) => {
    const at = ctx.now();
    const notice = {
      id: newId(),
      school_code: ctx.config.code,
      title: input.title,
      body: input.body,
      posted_by: ctx.identity.userId,
      posted_by_name: ctx.identity.name,
      posted_at: nowIso(at),
    };
    await ctx.db.transaction().execute(async (trx) => {
      await receiptDb(trx).insertInto('receipt_notices').values(notice).execute();
      await writeAudit(trx, { school: ctx.config.code, actor: ctx.identity, role: ctx.actingRole, action: 'receipt.notice.post', entity: 'receipt-notice', entityId: notice.id, after: notice, at });
    });
    return toNoticeView(notice);
  });
