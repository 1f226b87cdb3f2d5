import { authedProcedure, writeAudit } from '@licheng/server';
import { newId, nowIso } from '@licheng/db';
import { z } from 'zod';
import { practicumDb } from '../tables.ts';
import { toNoticeView } from './notice-view.ts';

export const noticesPostInput = z.object({
  title: z.string().trim().min(1).max(100),
  body: z.string().trim().min(1).max(2000),
});

/** practicum.notices.post — office staff post a notice to the school; audited like every change. */
export const noticesPost = authedProcedure(['practicum-staff'])
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
      await practicumDb(trx).insertInto('practicum_notices').values(notice).execute();
      await writeAudit(trx, { school: ctx.config.code, actor: ctx.identity, role: ctx.actingRole, action: 'practicum.notice.post', entity: 'practicum-notice', entityId: notice.id, after: notice, at });
    });
    return toNoticeView(notice);
  });
