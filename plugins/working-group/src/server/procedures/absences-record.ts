import { DomainError, freeText } from '@licheng/core';
import { newId, nowIso } from '@licheng/db';
import { authedProcedure, writeAudit } from '@licheng/server';
import { z } from 'zod';
import { isoDateField } from '../inputs.ts';
import { staffMemberSchema, staffName } from '../staff.ts';
import { GROUP_EDITORS } from '../roles.ts';

export const absencesRecordInput = z.object({
  member: staffMemberSchema,
  /** Taipei dates, both included. */
  fromDate: isoDateField,
  toDate: isoDateField,
  reason: freeText({ max: 200 }),
});

/** working-group.absences.record — records a staff member's absence (請假); while it lasts their proxies act. Audited. */
export const absencesRecord = authedProcedure(GROUP_EDITORS)
  .input(absencesRecordInput)
  .mutation(async ({ ctx, input }) => {
    if (input.toDate < input.fromDate) throw new DomainError('absence-dates', {});
    const at = ctx.now();
    return ctx.db.transaction().execute(async (trx) => {
      const name = await staffName(trx, ctx.config.code, input.member);
      const row = { id: newId(), school_code: ctx.config.code, user_id: input.member.userId, from_date: input.fromDate, to_date: input.toDate, reason: input.reason, created_by: ctx.identity.userId, created_at: nowIso(at), removed_at: null };
      await trx.insertInto('staff_absences').values(row).execute();
      await writeAudit(trx, { school: ctx.config.code, actor: ctx.identity, role: ctx.actingRole, action: 'absences.record', entity: 'staff-absence', entityId: row.id, after: { user_id: row.user_id, name, from_date: row.from_date, to_date: row.to_date, reason: row.reason }, at });
      return { id: row.id, userId: row.user_id, name, fromDate: row.from_date, toDate: row.to_date, reason: row.reason };
    });
  });
