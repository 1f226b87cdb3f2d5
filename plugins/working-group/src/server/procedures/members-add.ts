import { newId, nowIso } from '@licheng/db';
import { authedProcedure, writeAudit } from '@licheng/server';
import { z } from 'zod';
import { academicYearSchema } from '../academic-year.ts';
import { groupRoleField, line, optionalText } from '../inputs.ts';
import { assertRoleFree, singleRole } from '../member-store.ts';
import { GROUP_EDITORS } from '../roles.ts';
import { workingGroupDb } from '../tables.ts';
import { memberView, type MemberView } from '../views.ts';

export const memberFields = {
  name: line(100),
  /** 職稱, e.g. 教務主任; may be empty for a representative. */
  title: optionalText(100),
  /** 處室或代表別: the office or the group represented (教務處, 教師代表, 家長代表, 學生代表). */
  representing: line(100),
  role: groupRoleField,
  /** The member's user id on the platform, when they have one. */
  userId: z.string().trim().max(128).nullable().default(null),
};

export const membersAddInput = z.object({ academicYear: academicYearSchema, ...memberFields });

/** working-group.members.add — adds a member to the group of a year (one convenor and one executive secretary serve at a time). */
export const membersAdd = authedProcedure(GROUP_EDITORS)
  .input(membersAddInput)
  .mutation(async ({ ctx, input }): Promise<MemberView> => {
    const school = ctx.config.code;
    const at = ctx.now();
    return ctx.db.transaction().execute(async (trx) => {
      const db = workingGroupDb(trx);
      await assertRoleFree(db, ctx.dialect, school, input.academicYear, input.role, null);
      const row = {
        id: newId(),
        school_code: school,
        academic_year: input.academicYear,
        name: input.name,
        title: input.title,
        representing: input.representing,
        group_role: input.role,
        single_role: singleRole(input.role),
        user_id: input.userId || null,
        ended_on: null,
        created_by: ctx.identity.userId,
        created_at: nowIso(at),
        updated_at: nowIso(at),
      };
      await db.insertInto('working_group_members').values(row).execute();
      await writeAudit(trx, { school, actor: ctx.identity, role: ctx.actingRole, action: 'working-group.member.add', entity: 'working-group-member', entityId: row.id, before: null, after: row, at });
      return memberView(row);
    });
  });
