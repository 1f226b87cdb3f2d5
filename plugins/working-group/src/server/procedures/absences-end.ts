import { addDays, DomainError, taipeiDate } from '@licheng/core';
import { nowIso } from '@licheng/db';
import { authedProcedure, writeAudit } from '@licheng/server';
import { z } from 'zod';
import { GROUP_EDITORS } from '../roles.ts';

export const absencesEndInput = z.object({ id: z.string().min(1).max(36) });

/**
 * working-group.absences.end — the staff member is back: an absence that began before today now
 * ends yesterday; one not begun yet (or begun today) is withdrawn (removed_at). Either way their
 * proxies stop acting today. Audited with before and after.
 */
export const absencesEnd = authedProcedure(GROUP_EDITORS)
  .input(absencesEndInput)
  .mutation(async ({ ctx, input }) => {
    const at = ctx.now();
    const today = taipeiDate(at);
    return ctx.db.transaction().execute(async (trx) => {
      const before = await trx.selectFrom('staff_absences').selectAll().where('id', '=', input.id).where('school_code', '=', ctx.config.code).where('removed_at', 'is', null).executeTakeFirst();
      if (!before) throw new DomainError('not-found', {});
      const yesterday = addDays(today, -1);
      const changes = before.from_date < today ? { to_date: before.to_date < today ? before.to_date : yesterday } : { removed_at: nowIso(at) };
      await trx.updateTable('staff_absences').set(changes).where('id', '=', before.id).execute();
      const after = { ...before, ...changes };
      await writeAudit(trx, { school: ctx.config.code, actor: ctx.identity, role: ctx.actingRole, action: 'absences.end', entity: 'staff-absence', entityId: before.id, before, after, at });
      return { id: after.id, toDate: after.to_date, removed: after.removed_at !== null };
    });
  });
