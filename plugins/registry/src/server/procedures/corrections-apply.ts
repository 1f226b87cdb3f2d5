import { DomainError } from '@licheng/core';
import { nowIso } from '@licheng/db';
import { authedProcedure, writeOperationAudit, type RowChange } from '@licheng/server';
import { z } from 'zod';
import { checkedPattern, correctionPattern, matchingGrades } from '../grades/correction.ts';
import { REGISTRY_ROLES } from '../roles.ts';
import { registryDb } from '../tables.ts';

export const correctionsApplyInput = correctionPattern.extend({
  /** The grades the preview showed: the correction applies only if the pattern still matches exactly these. */
  gradeIds: z.array(z.string().min(1).max(36)).min(1).max(2000),
});

/**
 * registry.corrections.commit — applies a previewed pattern correction to every matching grade
 * in one transaction, audited as one entry with one entry per grade under it. If the grades
 * matching now are not exactly those previewed, nothing is written ('correction-stale').
 */
export const correctionsApply = authedProcedure(REGISTRY_ROLES)
  .input(correctionsApplyInput)
  .mutation(async ({ ctx, input }) => {
    const { from, to } = checkedPattern(input);
    const at = ctx.now();
    return ctx.db.transaction().execute(async (platformTrx) => {
      const trx = registryDb(platformTrx);
      const rows = await matchingGrades(trx, ctx.config.code, input, from);
      if (rows.length === 0) throw new DomainError('correction-empty', {});
      const now = new Set(rows.map((r) => r.id));
      const previewed = new Set(input.gradeIds);
      if (now.size !== previewed.size || [...previewed].some((id) => !now.has(id))) throw new DomainError('correction-stale', {});
      const changes: RowChange[] = [];
      for (const r of rows) {
        const updated = await trx
          .updateTable('course_grades')
          .set({ [input.field]: to, updated_at: nowIso(at) })
          .where('id', '=', r.id)
          .where(input.field as 'score', '=', from as string)
          .executeTakeFirst();
        if (Number(updated.numUpdatedRows) !== 1) throw new DomainError('correction-stale', {});
        changes.push({ action: 'grade.correct', entity: 'grade', entityId: r.id, studentId: r.student_id, before: { [input.field]: from }, after: { [input.field]: to } });
      }
      await writeOperationAudit(
        platformTrx,
        {
          school: ctx.config.code,
          actor: ctx.identity,
          role: ctx.actingRole,
          action: 'grade.correction',
          entity: 'grade-correction',
          entityId: `${input.academicYear}-${input.semester}-${input.courseCode}`,
          after: { academic_year: input.academicYear, semester: input.semester, course_code: input.courseCode, field: input.field, from, to, count: rows.length },
          at,
        },
        changes,
      );
      return { corrected: rows.length, field: input.field, from: String(from), to: String(to) };
    });
  });
