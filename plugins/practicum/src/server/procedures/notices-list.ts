import { authedProcedure } from '@licheng/server';
import { z } from 'zod';
import { practicumDb } from '../tables.ts';
import { toNoticeView } from './notice-view.ts';

export const noticesListInput = z.object({ limit: z.number().int().min(1).max(100).default(20) }).default({ limit: 20 });

/** practicum.notices.list — the school's notices from this office, newest first; any signed-in user of the school. */
export const noticesList = authedProcedure()
  .input(noticesListInput)
  .query(async ({ ctx, input }) => {
    const rows = await practicumDb(ctx.db)
      .selectFrom('practicum_notices')
      .selectAll()
      .where('school_code', '=', ctx.config.code)
      .orderBy('posted_at', 'desc')
      .orderBy('id', 'desc')
      .limit(input.limit)
      .execute();
    return rows.map(toNoticeView);
  });
