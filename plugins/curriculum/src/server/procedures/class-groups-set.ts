import { DomainError } from '@licheng/core';
import { forUpdate, newId, nowIso } from '@licheng/db';
import { authedProcedure, writeAudit } from '@licheng/server';
import { z } from 'zod';
import { CURRICULUM_WRITERS } from '../roles.ts';
import { curriculumDb } from '../tables.ts';
import { academicYearField } from './class-groups-list.ts';

export const classGroupsSetInput = z.object({
  academicYear: academicYearField,
  className: z.string().trim().min(1).max(32),
  /** 班群: 0 none, 1–4 建教合作 kinds, a letter the school defines. */
  classGroup: z.string().trim().toUpperCase().regex(/^[0-4A-Z]$/, 'classGroup must be 0-4 or a letter A-Z'),
});

/** curriculum.classGroups.set — sets the 班群 of one class of a year (a class of the platform's classes, else not found). */
export const classGroupsSet = authedProcedure(CURRICULUM_WRITERS)
  .input(classGroupsSetInput)
  .mutation(async ({ ctx, input }) => {
    const school = ctx.config.code;
    const at = ctx.now();
    return ctx.db.transaction().execute(async (trx) => {
      const db = curriculumDb(trx);
      const klass = await db.selectFrom('classes').select('id').where('school_code', '=', school).where('academic_year', '=', input.academicYear).where('class_name', '=', input.className).executeTakeFirst();
      if (!klass) throw new DomainError('class-unknown', { className: input.className, academicYear: input.academicYear });
      const before = await forUpdate(db.selectFrom('curriculum_class_groups').selectAll().where('school_code', '=', school).where('academic_year', '=', input.academicYear).where('class_name', '=', input.className), ctx.dialect).executeTakeFirst();
      const after = { class_group: input.classGroup, updated_by: ctx.identity.userId, updated_at: nowIso(at) };
      let id = before?.id;
      if (before) await db.updateTable('curriculum_class_groups').set(after).where('id', '=', before.id).execute();
      else {
        id = newId();
        await db.insertInto('curriculum_class_groups').values({ id, school_code: school, academic_year: input.academicYear, class_name: input.className, ...after }).execute();
      }
      await writeAudit(trx, { school, actor: ctx.identity, role: ctx.actingRole, action: 'curriculum.class-group.set', entity: 'curriculum-class-group', entityId: id!, before: before ? { class_group: before.class_group } : null, after: { class_group: input.classGroup }, at });
      return { className: input.className, academicYear: input.academicYear, classGroup: input.classGroup };
    });
  });
