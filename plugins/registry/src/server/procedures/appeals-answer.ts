import { DomainError, freeText } from '@licheng/core';
import { nowIso } from '@licheng/db';
import { authedProcedure, writeAudit } from '@licheng/server';
import { z } from 'zod';
import { REGISTRY_ROLES } from '../roles.ts';
import { registryDb } from '../tables.ts';

export const appealsAnswerInput = z.object({ appealId: z.string().min(1).max(36), answer: freeText({ max: 500 }) });

/**
 * registry.appeals.answer — the registry answers an open appeal (after correcting the grade, or
 * saying why it stands). The appeal is taken by a conditional update, so two answers at once
 * leave exactly one.
 */
export const appealsAnswer = authedProcedure(REGISTRY_ROLES)
  .input(appealsAnswerInput)
  .mutation(async ({ ctx, input }) => {
    const at = ctx.now();
    return ctx.db.transaction().execute(async (platformTrx) => {
      const trx = registryDb(platformTrx);
      const appeal = await trx.selectFrom('grade_appeals').select(['id', 'student_id', 'status']).where('id', '=', input.appealId).where('school_code', '=', ctx.config.code).executeTakeFirst();
      if (!appeal) throw new DomainError('appeal-not-found', {});
      const taken = await trx
        .updateTable('grade_appeals')
        .set({ status: 'answered', answer: input.answer, answered_by: ctx.identity.userId, answered_at: nowIso(at) })
        .where('id', '=', appeal.id)
        .where('status', '=', 'open')
        .executeTakeFirst();
      if (Number(taken.numUpdatedRows) !== 1) throw new DomainError('appeal-answered', {});
      await writeAudit(platformTrx, { school: ctx.config.code, actor: ctx.identity, role: ctx.actingRole, studentId: appeal.student_id, at, action: 'grade.appeal.answer', entity: 'grade-appeal', entityId: appeal.id, before: { status: 'open' }, after: { status: 'answered', answer: input.answer } });
      return { id: appeal.id, status: 'answered' as const, answer: input.answer, answeredAt: nowIso(at) };
    });
  });
