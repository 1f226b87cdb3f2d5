import { DomainError } from '@licheng/core';
import { authedProcedure, writeAudit } from '@licheng/server';
import { z } from 'zod';
import { assigningRole } from '../advisee-store.ts';

export const adviseesRemoveInput = z.object({ id: z.string().min(1).max(64) });

/** `counseling.advisees.remove` — ends one advisee link (audited); another school's or a missing link reads as not found. */
export const adviseesRemove = authedProcedure(['counseling-staff', 'admin'])
  .input(adviseesRemoveInput)
  .mutation(async ({ ctx, input }): Promise<{ id: string }> => {
    const role = assigningRole(ctx);
    const link = await ctx.db.selectFrom('advisees').selectAll().where('id', '=', input.id).where('school_code', '=', ctx.config.code).executeTakeFirst();
    if (!link) throw new DomainError('not-found', {});
    await ctx.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('advisees').where('id', '=', link.id).execute();
      await writeAudit(trx, { school: ctx.config.code, actor: ctx.identity, role, action: 'advisee.remove', entity: 'advisee', entityId: link.id, studentId: link.student_id, before: link, at: ctx.now() });
    });
    return { id: link.id };
  });
