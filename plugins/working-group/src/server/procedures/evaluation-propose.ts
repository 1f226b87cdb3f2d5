import { assertEvaluationOpen, AWARD_LEVELS, AWARD_TIMES_MAX } from '@licheng/core';
import { newId, nowIso } from '@licheng/db';
import { authedProcedure, writeAudit } from '@licheng/server';
import { z } from 'zod';
import { academicYearSchema } from '../academic-year.ts';
import { assertExecutiveSecretary, proposalView, type AwardProposalView } from '../evaluation/award-store.ts';
import { yearFigures } from '../evaluation/figures.ts';
import { line } from '../inputs.ts';
import { GROUP_EDITORS } from '../roles.ts';
import { workingGroupDb } from '../tables.ts';

export const evaluationProposeInput = z.object({
  academicYear: academicYearSchema,
  subjectKind: z.enum(['person', 'office']),
  /** The person's user id or the office's key from the figures; absent for someone the data does not show (a 登錄人員). */
  subjectId: z.string().trim().min(1).max(128).optional(),
  subjectName: line(100),
  level: z.enum(AWARD_LEVELS),
  times: z.number().int().min(1).max(AWARD_TIMES_MAX),
  /** 事由: why, in the secretary's words. */
  reason: line(1000),
});

/**
 * working-group.evaluation.propose — 執行秘書 proposes an award (敘獎建議) for a person or an
 * office of the year: the level (嘉獎、記功、記大功), once or twice, and the reason; the
 * subject's figures are kept with it as they stand. Only the year's serving executive secretary
 * (members table), only in the year's second semester.
 */
export const evaluationPropose = authedProcedure(GROUP_EDITORS)
  .input(evaluationProposeInput)
  .mutation(async ({ ctx, input }): Promise<AwardProposalView> => {
    const school = ctx.config.code;
    const at = ctx.now();
    assertEvaluationOpen(input.academicYear, at);
    return ctx.db.transaction().execute(async (trx) => {
      const db = workingGroupDb(trx);
      await assertExecutiveSecretary(db, school, input.academicYear, ctx.identity.userId);
      let figures: unknown = null;
      if (input.subjectId) {
        const all = await yearFigures(ctx, db, input.academicYear);
        figures = input.subjectKind === 'person' ? (all.people.find((p) => p.userId === input.subjectId) ?? null) : (all.offices.find((o) => o.key === input.subjectId) ?? null);
      }
      const row = {
        id: newId(), school_code: school, academic_year: input.academicYear, subject_kind: input.subjectKind, subject_id: input.subjectId ?? null,
        subject_name: input.subjectName, award_level: input.level, award_times: input.times, reason: input.reason,
        figures: figures ? JSON.stringify(figures) : null, proposed_by: ctx.identity.userId, proposed_by_name: ctx.identity.name,
        proposed_at: nowIso(at), withdrawn_at: null, updated_at: nowIso(at),
      };
      await db.insertInto('working_group_award_proposals').values(row).execute();
      await writeAudit(trx, { school, actor: ctx.identity, role: ctx.actingRole, action: 'working-group.award.propose', entity: 'working-group-award-proposal', entityId: row.id, before: null, after: row, at });
      return proposalView(row, undefined);
    });
  });
