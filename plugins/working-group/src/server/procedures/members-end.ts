import { DomainError, taipeiDate } from '@licheng/core';
import { nowIso } from '@licheng/db';
import { authedProcedure, writeAudit } from '@licheng/server';
import { z } from 'zod';
import { idField } from '../inputs.ts';
import { assertRoleFree, lockMember, singleRole } from '../member-store.ts';
import { GROUP_EDITORS } from '../roles.ts';
import { workingGroupDb, type MemberRow } from '../tables.ts';
import { memberView, type MemberView } from '../views.ts';

export const membersEndInput = z.object({
  id: idField,
  /** `end` ends the membership today (it is kept, with the day); `restore` takes that back. */
  action: z.enum(['end', 'restore']),
});

/**
 * working-group.members.end — ends a membership (kept in the list with its end date, never
 * deleted), or restores one ended by mistake; a restored convenor or executive secretary needs
 * the role to be free again.
 */
export const membersEnd = authedProcedure(GROUP_EDITORS)
  .input(membersEndInput)
  .mutation(async ({ ctx, input }): Promise<MemberView> => {
    const school = ctx.config.code;
    const at = ctx.now();
    return ctx.db.transaction().execute(async (trx) => {
      const db = workingGroupDb(trx);
      const before = await lockMember(db, ctx.dialect, school, input.id);
      let change: Pick<MemberRow, 'ended_on' | 'single_role' | 'updated_at'>;
      if (input.action === 'end') {
        if (before.ended_on) throw new DomainError('wg-member-ended', { endedOn: before.ended_on });
        change = { ended_on: taipeiDate(at), single_role: null, updated_at: nowIso(at) };
      } else {
        if (!before.ended_on) throw new DomainError('wg-member-active', {});
        await assertRoleFree(db, ctx.dialect, school, before.academic_year, before.group_role as MemberView['role'], before.id);
        change = { ended_on: null, single_role: singleRole(before.group_role as MemberView['role']), updated_at: nowIso(at) };
      }
      await db.updateTable('working_group_members').set(change).where('id', '=', before.id).execute();
      await writeAudit(trx, { school, actor: ctx.identity, role: ctx.actingRole, action: `working-group.member.${input.action}`, entity: 'working-group-member', entityId: before.id, before: { ended_on: before.ended_on }, after: { ended_on: change.ended_on }, at });
      return memberView({ ...before, ...change });
    });
  });
