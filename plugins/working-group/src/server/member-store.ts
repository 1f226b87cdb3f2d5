import { DomainError, SINGLE_GROUP_ROLES, type GroupRole } from '@licheng/core';
import { forUpdate, type DialectName } from '@licheng/db';
import type { Kysely } from 'kysely';
import { lockSchoolRow } from './record-locks.ts';
import type { MemberRow, WorkingGroupDatabase } from './tables.ts';

/** The member `id` of the school, locked for the caller's transaction; another school's or a missing one is not found. */
export function lockMember(db: Kysely<WorkingGroupDatabase>, dialect: DialectName, school: string, id: string): Promise<MemberRow> {
  return lockSchoolRow(db, dialect, 'working_group_members', school, id);
}

/** The column that keeps one convenor and one executive secretary serving per year. */
export function singleRole(role: GroupRole): string | null {
  return SINGLE_GROUP_ROLES.includes(role) ? role : null;
}

/**
 * Refuses `role` for a member of `academicYear` when another serving member holds it and only
 * one may (召集人, 執行秘書). The unique key on `single_role` backs this up against a race.
 */
export async function assertRoleFree(db: Kysely<WorkingGroupDatabase>, dialect: DialectName, school: string, academicYear: number, role: GroupRole, exceptId: string | null): Promise<void> {
  const slot = singleRole(role);
  if (!slot) return;
  let query = db.selectFrom('working_group_members').select(['id', 'name']).where('school_code', '=', school).where('academic_year', '=', academicYear).where('single_role', '=', slot);
  if (exceptId) query = query.where('id', '!=', exceptId);
  const holder = await forUpdate(query, dialect).executeTakeFirst();
  if (holder) throw new DomainError('wg-role-taken', { academicYear, role, name: holder.name });
}
