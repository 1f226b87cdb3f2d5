import { authedProcedure, writeAudit } from '@licheng/server';
import { z } from 'zod';
import { idField } from '../inputs.ts';
import { lockTraining } from '../record-locks.ts';
import { GROUP_EDITORS } from '../roles.ts';
import { workingGroupDb } from '../tables.ts';

export const trainingsRemoveInput = z.object({ id: idField });

/** working-group.trainings.remove — deletes a training planned by mistake (the screen asks first); the audit trail keeps what it held. */
export const trainingsRemove = authedProcedure(GROUP_EDITORS)
  .input(trainingsRemoveInput)
  .mutation(async ({ ctx, input }): Promise<{ id: string }> => {
    const school = ctx.config.code;
    return ctx.db.transaction().execute(async (trx) => {
      const db = workingGroupDb(trx);
      const before = await lockTraining(db, ctx.dialect, school, input.id);
      await db.deleteFrom('working_group_trainings').where('id', '=', before.id).execute();
      await writeAudit(trx, { school, actor: ctx.identity, role: ctx.actingRole, action: 'working-group.training.remove', entity: 'working-group-training', entityId: before.id, before, at: ctx.now() });
      return { id: before.id };
    });
  });
