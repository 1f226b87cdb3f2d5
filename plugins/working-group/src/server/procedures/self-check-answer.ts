import { DomainError, SELF_CHECK_LIST } from '@licheng/core';
import { forUpdate, isWriteConflict, newId, nowIso } from '@licheng/db';
import { authedProcedure, writeAudit } from '@licheng/server';
import { z } from 'zod';
import { academicYearSchema } from '../academic-year.ts';
import { optionalText, semesterField } from '../inputs.ts';
import { GROUP_EDITORS } from '../roles.ts';
import { selfCheckView, type SelfCheckView } from '../self-check-view.ts';
import { workingGroupDb } from '../tables.ts';

const HAND_ITEMS = SELF_CHECK_LIST.items.filter((i) => i.mode === 'hand').map((i) => i.id) as [string, ...string[]];

export const selfCheckAnswerInput = z.object({
  academicYear: academicYearSchema,
  semester: semesterField,
  /** An item answered by hand; automatic items are refused (the data answers them). */
  itemId: z.enum(HAND_ITEMS),
  /** 是 / 否; null takes the answer back (the item reads 尚未填答 again). */
  answer: z.enum(['yes', 'no']).nullable(),
  note: optionalText(1000),
});

/**
 * working-group.selfCheck.answer — answers an item of the self-check by hand for a term (is /
 * is not, with a note), or takes the answer back. Kept per school, year and semester with who
 * answered and when, under the checklist's version; audited. Returns the term's self-check.
 */
export const selfCheckAnswer = authedProcedure(GROUP_EDITORS)
  .input(selfCheckAnswerInput)
  .mutation(async ({ ctx, input }): Promise<SelfCheckView> => {
    const school = ctx.config.code;
    const at = ctx.now();
    try {
      await ctx.db.transaction().execute(async (trx) => {
        const db = workingGroupDb(trx);
        const before = await forUpdate(
          db.selectFrom('working_group_self_checks').selectAll().where('school_code', '=', school).where('academic_year', '=', input.academicYear).where('semester', '=', input.semester).where('item_id', '=', input.itemId),
          ctx.dialect,
        ).executeTakeFirst();
        const audit = { school, actor: ctx.identity, role: ctx.actingRole, entity: 'working-group-self-check', at };
        if (input.answer === null) {
          if (!before) return;
          await db.deleteFrom('working_group_self_checks').where('id', '=', before.id).execute();
          await writeAudit(trx, { ...audit, action: 'working-group.self-check.clear', entityId: before.id, before });
          return;
        }
        const fields = { answer: input.answer, note: input.note, list_version: SELF_CHECK_LIST.version, answered_by: ctx.identity.userId, answered_by_name: ctx.identity.name, answered_at: nowIso(at) };
        if (before) {
          await db.updateTable('working_group_self_checks').set(fields).where('id', '=', before.id).execute();
          await writeAudit(trx, { ...audit, action: 'working-group.self-check.answer', entityId: before.id, before, after: { ...before, ...fields } });
        } else {
          const row = { id: newId(), school_code: school, academic_year: input.academicYear, semester: input.semester, item_id: input.itemId, ...fields };
          await db.insertInto('working_group_self_checks').values(row).execute();
          await writeAudit(trx, { ...audit, action: 'working-group.self-check.answer', entityId: row.id, after: row });
        }
      });
    } catch (error) {
      // Someone answered the same item at the same moment: the unique key took theirs.
      if (isWriteConflict(error)) throw new DomainError('try-again', {});
      throw error;
    }
    return selfCheckView(ctx, { academicYear: input.academicYear, semester: input.semester });
  });
