import { GROUP_ROLES } from '@licheng/core';
import { authedProcedure } from '@licheng/server';
import { z } from 'zod';
import { academicYearSchema } from '../academic-year.ts';
import { GROUP_EDITORS } from '../roles.ts';
import { currentAcademicYear } from '../schedule.ts';
import { workingGroupDb } from '../tables.ts';
import { memberView, type MemberView } from '../views.ts';

export const membersListInput = z.object({ academicYear: academicYearSchema.optional() }).default({});

/**
 * working-group.members.list — the group's composition (工作小組成員) in one academic year
 * (today's when absent): serving members by role (召集人, 執行秘書, 委員) then in the order
 * they were added, and those whose membership ended after them.
 */
export const membersList = authedProcedure(GROUP_EDITORS)
  .input(membersListInput)
  .query(async ({ ctx, input }): Promise<{ academicYear: number; members: MemberView[] }> => {
    const academicYear = input.academicYear ?? currentAcademicYear(ctx.now());
    const rows = await workingGroupDb(ctx.db).selectFrom('working_group_members').selectAll().where('school_code', '=', ctx.config.code).where('academic_year', '=', academicYear).orderBy('created_at').orderBy('id').execute();
    const members = rows.map(memberView);
    const rank = (m: MemberView) => (m.endedOn ? 10 : 0) + GROUP_ROLES.indexOf(m.role);
    members.sort((a, b) => rank(a) - rank(b));
    return { academicYear, members };
  });
