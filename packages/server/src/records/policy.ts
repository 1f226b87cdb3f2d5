import { CERTIFICATION_SCOPE, DomainError, recordKindPolicy, type Role } from '@licheng/core';
import type { AuthedContext } from '../context.ts';
import type { RecordRow, Student } from '../platform/tables.ts';
import { teachesCourse } from '../roster/lookup.ts';
import { actingFor } from '../proxies/acting-for.ts';
import { proxiedCourses } from '../proxies/proxied-courses.ts';
import type { Principal } from '../proxies/staff-state.ts';

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

/** Who certifies a record: the role, and the teacher a proxy (代理人) certifies for (null: the caller's own). */
export interface CertifyingAuthority {
  role: Role;
  for: Principal | null;
}

/**
 * Whether the caller may certify this record, as which role, and for whom. A subject teacher
 * certifies only records of courses they teach; an office role certifies its kind school-wide;
 * the acting proxy of a teacher of the record's course (absent or departed, the first available
 * proxy on that teacher's certification list) certifies as subject teacher for that teacher.
 */
export async function certifyingAuthority(ctx: AuthedContext, record: RecordRow): Promise<CertifyingAuthority | null> {
  const { certifiers } = recordKindPolicy(ctx.config, record.kind);
  for (const role of ctx.identity.roles) {
    if (!certifiers.includes(role)) continue;
    if (role === 'subject-teacher' && record.course_id && (await teachesCourse(ctx, record.course_id))) return { role, for: null };
    if (certifiesSchoolWide(role)) return { role, for: null };
  }
  if (!certifiers.includes('subject-teacher') || !record.course_id) return null;
  const principals = await actingFor(ctx, CERTIFICATION_SCOPE);
  if (!principals.length) return null;
  const principal = (await proxiedCourses(ctx, principals, [record.course_id])).get(record.course_id);
  return principal ? { role: 'subject-teacher', for: principal } : null;
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
