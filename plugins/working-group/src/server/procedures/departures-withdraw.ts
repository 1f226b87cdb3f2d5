import { DomainError } from '@licheng/core';
import { authedProcedure, writeAudit } from '@licheng/server';
import { z } from 'zod';
import { GROUP_EDITORS } from '../roles.ts';

export const departuresWithdrawInput = z.object({ id: z.string().min(1).max(36) });

/** working-group.departures.withdraw — takes back a departure recorded by mistake: the account works again. Audited with the row as it was. */
export const departuresWithdraw = authedProcedure(GROUP_EDITORS)
  .input(departuresWithdrawInput)
  .mutation(async ({ ctx, input }) => {
    return ctx.db.transaction().execute(async (trx) => {
      const before = await trx.selectFrom('staff_departures').selectAll().where('id', '=', input.id).where('school_code', '=', ctx.config.code).executeTakeFirst();
      if (!before) throw new DomainError('not-found', {});
      await trx.deleteFrom('staff_departures').where('id', '=', before.id).execute();
      await writeAudit(trx, { school: ctx.config.code, actor: ctx.identity, role: ctx.actingRole, action: 'departures.withdraw', entity: 'staff-departure', entityId: before.id, before, after: null, at: ctx.now() });
      return { id: before.id, userId: before.user_id };
    });
  });
