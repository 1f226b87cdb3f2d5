import { DomainError, recordKindPolicy, type Role } from '@licheng/core';
import type { AuthedContext } from '../context.ts';
import type { RecordRow, Student } from '../platform/tables.ts';
import { teachesCourse } from '../roster/lookup.ts';

/** Roles among the caller's that the school lets enter this kind of record. */
export function assertMayEnter(ctx: AuthedContext, kind: string, student: Student): Role {
  const { enterers } = recordKindPolicy(ctx.config, kind);
  const role = ctx.identity.roles.find((r) => enterers.includes(r));
  if (!role) throw new DomainError('forbidden', {});
  if (role === 'student' && student.host_user_id !== ctx.identity.userId) throw new DomainError('forbidden', {});
  return role;
}

/**
 * Roles that certify a kind for the whole school when the school names them as its certifier:
 * offices, not people with a scope (a homeroom teacher's class, a consultant's advisees), whose
 * scope is not modelled yet and who therefore certify nothing until it is.
 */
export function certifiesSchoolWide(role: Role): boolean {
  return role.endsWith('-staff') || role === 'admin' || role === 'working-group';
}

/**
 * Whether the caller may certify this record, and as which role. A subject teacher certifies
 * only records of courses they teach; an office role certifies its kind school-wide.
 */
export async function certifyingRole(ctx: AuthedContext, record: RecordRow): Promise<Role | null> {
  const { certifiers } = recordKindPolicy(ctx.config, record.kind);
  for (const role of ctx.identity.roles) {
    if (!certifiers.includes(role)) continue;
    if (role === 'subject-teacher' && record.course_id && (await teachesCourse(ctx, record.course_id))) return role;
    if (certifiesSchoolWide(role)) return role;
  }
  return null;
}

export async function loadRecord(ctx: AuthedContext, id: string): Promise<RecordRow> {
  const record = await ctx.db
    .selectFrom('records')
    .selectAll()
    .where('id', '=', id)
    .where('school_code', '=', ctx.config.code)
    .executeTakeFirst();
  if (!record) throw new DomainError('not-found', {});
  return record;
}
