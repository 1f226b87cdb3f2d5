import { assertEvaluationOpen, AWARD_LEVELS, AWARD_OUTCOMES, AWARD_TIMES_MAX, DomainError, taipeiDate } from '@licheng/core';
import { newId, nowIso } from '@licheng/db';
import { authedProcedure, writeAudit } from '@licheng/server';
import { z } from 'zod';
import { lockProposal, proposalView, type AwardProposalView } from '../evaluation/award-store.ts';
import { idField, optionalText } from '../inputs.ts';
import { GROUP_EDITORS } from '../roles.ts';
import { workingGroupDb } from '../tables.ts';

export const evaluationDecideInput = z.object({
  proposalId: idField,
  outcome: z.enum(AWARD_OUTCOMES),
  /** The award decided when 'changed' (改列); ignored otherwise. */
  level: z.enum(AWARD_LEVELS).optional(),
  times: z.number().int().min(1).max(AWARD_TIMES_MAX).optional(),
  /** The meeting (工作小組會議) of the year's semester 2 that decided, held by today. */
  meetingId: idField,
  note: optionalText(500),
});

/**
 * working-group.evaluation.decide — records the group's decision (議決) on a proposal at one of
 * its meetings: approved as proposed, changed to another award, or rejected. One decision per
 * proposal: the proposal row is locked and the decision looked up in the transaction (a unique
 * key on the proposal backs it against a race); audited.
 */
export const evaluationDecide = authedProcedure(GROUP_EDITORS)
  .input(evaluationDecideInput)
  .mutation(async ({ ctx, input }): Promise<AwardProposalView> => {
    const school = ctx.config.code;
    const at = ctx.now();
    return ctx.db.transaction().execute(async (trx) => {
      const db = workingGroupDb(trx);
      const { row, decision: existing } = await lockProposal(db, ctx.dialect, school, input.proposalId);
      assertEvaluationOpen(row.academic_year, at);
      if (existing) throw new DomainError('wg-award-decided', {});
      if (row.withdrawn_at) throw new DomainError('wg-award-withdrawn', {});
      const meeting = await db.selectFrom('working_group_meetings').select(['id', 'meeting_date', 'academic_year', 'semester']).where('school_code', '=', school).where('id', '=', input.meetingId).executeTakeFirst();
      if (!meeting || meeting.academic_year !== row.academic_year || meeting.semester !== 2 || meeting.meeting_date > taipeiDate(at)) throw new DomainError('wg-award-meeting', { academicYear: row.academic_year });
      let award: { award_level: string | null; award_times: number | null };
      if (input.outcome === 'approved') award = { award_level: row.award_level, award_times: row.award_times };
      else if (input.outcome === 'rejected') award = { award_level: null, award_times: null };
      else {
        if (!input.level || !input.times || (input.level === row.award_level && input.times === row.award_times)) throw new DomainError('wg-award-change-needed', {});
        award = { award_level: input.level, award_times: input.times };
      }
      const decision = {
        id: newId(), school_code: school, proposal_id: row.id, outcome: input.outcome, ...award, meeting_id: meeting.id, meeting_date: meeting.meeting_date,
        note: input.note, decided_by: ctx.identity.userId, decided_by_name: ctx.identity.name, decided_at: nowIso(at),
      };
      await db.insertInto('working_group_award_decisions').values(decision).execute();
      await writeAudit(trx, { school, actor: ctx.identity, role: ctx.actingRole, action: 'working-group.award.decide', entity: 'working-group-award-proposal', entityId: row.id, before: null, after: decision, at });
      return proposalView(row, decision);
    });
  });
