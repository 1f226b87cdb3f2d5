import { DomainError } from '@licheng/core';
import { nowIso } from '@licheng/db';
import { authedProcedure, writeAudit } from '@licheng/server';
import { z } from 'zod';
import { idField } from '../inputs.ts';
import { assertRoleFree, lockMember, singleRole } from '../member-store.ts';
import { GROUP_EDITORS } from '../roles.ts';
import { workingGroupDb } from '../tables.ts';
import { memberView, type MemberView } from '../views.ts';
import { memberFields } from './members-add.ts';

export const membersUpdateInput = z.object({ id: idField, ...memberFields });

/** working-group.members.update — corrects a serving member's name, title, office or group, role or user id. */
export const membersUpdate = authedProcedure(GROUP_EDITORS)
  .input(membersUpdateInput)
  .mutation(async ({ ctx, input }): Promise<MemberView> => {
    const school = ctx.config.code;
    const at = ctx.now();
    return ctx.db.transaction().execute(async (trx) => {
      const db = workingGroupDb(trx);
      const before = await lockMember(db, ctx.dialect, school, input.id);
      if (before.ended_on) throw new DomainError('wg-member-ended', { endedOn: before.ended_on });
      await assertRoleFree(db, ctx.dialect, school, before.academic_year, input.role, before.id);
      const change = { name: input.name, title: input.title, representing: input.representing, group_role: input.role, single_role: singleRole(input.role), user_id: input.userId || null, updated_at: nowIso(at) };
      await db.updateTable('working_group_members').set(change).where('id', '=', before.id).execute();
      await writeAudit(trx, { school, actor: ctx.identity, role: ctx.actingRole, action: 'working-group.member.update', entity: 'working-group-member', entityId: before.id, before, after: change, at });
      return memberView({ ...before, ...change });
    });
  });
