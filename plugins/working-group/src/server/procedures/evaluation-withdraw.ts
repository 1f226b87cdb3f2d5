import { assertEvaluationOpen, DomainError } from '@licheng/core';
import { nowIso } from '@licheng/db';
import { authedProcedure, writeAudit } from '@licheng/server';
import { z } from 'zod';
import { assertExecutiveSecretary, lockProposal, proposalView, type AwardProposalView } from '../evaluation/award-store.ts';
import { idField } from '../inputs.ts';
import { GROUP_EDITORS } from '../roles.ts';
import { workingGroupDb } from '../tables.ts';

export const evaluationWithdrawInput = z.object({
  id: idField,
  /** true withdraws the proposal; false restores a withdrawn one (復原). */
  withdrawn: z.boolean(),
});

/**
 * working-group.evaluation.withdraw — the executive secretary withdraws an undecided proposal, or
 * restores one withdrawn by mistake; never deleted. A decided proposal stays as decided.
 */
export const evaluationWithdraw = authedProcedure(GROUP_EDITORS)
  .input(evaluationWithdrawInput)
  .mutation(async ({ ctx, input }): Promise<AwardProposalView> => {
    const school = ctx.config.code;
    const at = ctx.now();
    return ctx.db.transaction().execute(async (trx) => {
      const db = workingGroupDb(trx);
      const { row: before, decision } = await lockProposal(db, ctx.dialect, school, input.id);
      assertEvaluationOpen(before.academic_year, at);
      await assertExecutiveSecretary(db, school, before.academic_year, ctx.identity.userId);
      if (decision) throw new DomainError('wg-award-decided', {});
      const row = { ...before, withdrawn_at: input.withdrawn ? (before.withdrawn_at ?? nowIso(at)) : null, updated_at: nowIso(at) };
      await db.updateTable('working_group_award_proposals').set({ withdrawn_at: row.withdrawn_at, updated_at: row.updated_at }).where('id', '=', row.id).execute();
      await writeAudit(trx, { school, actor: ctx.identity, role: ctx.actingRole, action: input.withdrawn ? 'working-group.award.withdraw' : 'working-group.award.restore', entity: 'working-group-award-proposal', entityId: row.id, before, after: row, at });
      return proposalView(row, undefined);
    });
  });
