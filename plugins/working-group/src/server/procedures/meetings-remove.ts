import { authedProcedure, writeAudit } from '@licheng/server';
import { z } from 'zod';
import { idField } from '../inputs.ts';
import { lockMeeting } from '../record-locks.ts';
import { GROUP_EDITORS } from '../roles.ts';
import { workingGroupDb } from '../tables.ts';

export const meetingsRemoveInput = z.object({ id: idField });

/** working-group.meetings.remove — deletes a meeting recorded by mistake (the screen asks first); the audit trail keeps what it held. */
export const meetingsRemove = authedProcedure(GROUP_EDITORS)
  .input(meetingsRemoveInput)
  .mutation(async ({ ctx, input }): Promise<{ id: string }> => {
    const school = ctx.config.code;
    return ctx.db.transaction().execute(async (trx) => {
      const db = workingGroupDb(trx);
      const before = await lockMeeting(db, ctx.dialect, school, input.id);
      await db.deleteFrom('working_group_meetings').where('id', '=', before.id).execute();
      await writeAudit(trx, { school, actor: ctx.identity, role: ctx.actingRole, action: 'working-group.meeting.remove', entity: 'working-group-meeting', entityId: before.id, before, at: ctx.now() });
      return { id: before.id };
    });
  });
