import { DomainError, freeText } from '@licheng/core';
import { newId, nowIso } from '@licheng/db';
import { authedProcedure, writeAudit } from '@licheng/server';
import { z } from 'zod';
import { isoDateField } from '../inputs.ts';
import { staffMemberSchema, staffName } from '../staff.ts';
import { GROUP_EDITORS } from '../roles.ts';

export const departuresRecordInput = z.object({
  member: staffMemberSchema,
  /** 離職日 (Taipei date): from this day the account is refused. */
  departedOn: isoDateField,
  /** Certification-only access (保留認證) until this date, or none. */
  certificationUntil: isoDateField.nullable().default(null),
  note: freeText({ max: 200, allowBlank: true }).optional().default(''),
});

/**
 * working-group.departures.record — records (or corrects) that a staff member left (離職): from
 * `departedOn` every call of theirs is refused, except certifying their own courses until
 * `certificationUntil`. One row per person; audited with before and after.
 */
export const departuresRecord = authedProcedure(GROUP_EDITORS)
  .input(departuresRecordInput)
  .mutation(async ({ ctx, input }) => {
    if (input.certificationUntil !== null && input.certificationUntil < input.departedOn) throw new DomainError('departure-dates', {});
    if (input.member.userId === ctx.identity.userId) throw new DomainError('forbidden', {});
    const at = ctx.now();
    const school = ctx.config.code;
    return ctx.db.transaction().execute(async (trx) => {
      const name = await staffName(trx, school, input.member);
      const before = await trx.selectFrom('staff_departures').selectAll().where('school_code', '=', school).where('user_id', '=', input.member.userId).executeTakeFirst();
      const fields = { departed_on: input.departedOn, certification_until: input.certificationUntil, note: input.note };
      let id = before?.id;
      if (before) await trx.updateTable('staff_departures').set(fields).where('id', '=', before.id).execute();
      else {
        id = newId();
        await trx.insertInto('staff_departures').values({ id, school_code: school, user_id: input.member.userId, ...fields, created_by: ctx.identity.userId, created_at: nowIso(at) }).execute();
      }
      await writeAudit(trx, { school, actor: ctx.identity, role: ctx.actingRole, action: 'departures.record', entity: 'staff-departure', entityId: id!, before: before ? { name, ...before } : undefined, after: { name, user_id: input.member.userId, ...fields }, at });
      return { id: id!, userId: input.member.userId, name, departedOn: input.departedOn, certificationUntil: input.certificationUntil, note: input.note };
    });
  });
