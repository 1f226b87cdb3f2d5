import { DomainError, type Role } from '@licheng/core';
import { newId, nowIso } from '@licheng/db';
import { writeAudits, type AuthedContext, type PlatformDatabase } from '@licheng/server';
import type { Kysely } from 'kysely';

/**
 * Advisee links (課程諮詢: a course consultant and the students they advise) in the platform's
 * `advisees` table. Counseling (or an administrator) keeps them; every change is audited.
 */

/** The role in which the caller keeps advisee links: counseling staff or an administrator. */
export function assigningRole(ctx: AuthedContext): Role {
  const role = ctx.identity.roles.find((r) => r === 'counseling-staff' || r === 'admin');
  if (!role) throw new DomainError('forbidden', {});
  return role;
}

/** The caller's own teacher id (a consultant on the roster), or null. */
export async function callerTeacherId(ctx: AuthedContext): Promise<string | null> {
  const row = await ctx.db.selectFrom('teachers').select('id').where('school_code', '=', ctx.config.code).where('host_user_id', '=', ctx.identity.userId).executeTakeFirst();
  return row?.id ?? null;
}

/** Teachers of this school by 教師代號. */
export async function teachersByNo(ctx: AuthedContext, numbers: readonly string[]): Promise<Map<string, { id: string; name: string }>> {
  const found = numbers.length ? await ctx.db.selectFrom('teachers').select(['id', 'teacher_no', 'name']).where('school_code', '=', ctx.config.code).where('teacher_no', 'in', [...new Set(numbers)]).execute() : [];
  return new Map(found.map((t) => [t.teacher_no, { id: t.id, name: t.name }]));
}

/** Enrolled students of this school by 學號 and by 班級. */
export async function studentsBy(ctx: AuthedContext, by: { studentNos?: readonly string[]; classNames?: readonly string[] }) {
  const rows: Array<{ id: string; student_no: string; class_name: string }> = [];
  const numbers = [...new Set(by.studentNos ?? [])];
  for (let i = 0; i < numbers.length; i += 500) {
    rows.push(...(await ctx.db.selectFrom('students').select(['id', 'student_no', 'class_name']).where('school_code', '=', ctx.config.code).where('student_no', 'in', numbers.slice(i, i + 500)).execute()));
  }
  const classes = [...new Set(by.classNames ?? [])];
  if (classes.length) {
    rows.push(...(await ctx.db.selectFrom('students').select(['id', 'student_no', 'class_name']).where('school_code', '=', ctx.config.code).where('class_name', 'in', classes).where('status', '=', 'enrolled').execute()));
  }
  const unique = [...new Map(rows.map((s) => [s.id, s])).values()];
  return {
    byNo: new Map(unique.map((s) => [s.student_no, s.id])),
    byClass: classes.reduce((map, c) => map.set(c, unique.filter((s) => s.class_name === c)), new Map<string, typeof unique>()),
  };
}

/**
 * Links each teacher to each of their students, skipping links that exist, inside `trx`.
 * Returns how many were added and how many were there already.
 */
export async function addAdvisees(trx: Kysely<PlatformDatabase>, ctx: AuthedContext, role: Role, pairs: ReadonlyArray<{ teacherId: string; studentId: string }>): Promise<{ added: number; already: number }> {
  const unique = [...new Map(pairs.map((p) => [`${p.teacherId}/${p.studentId}`, p])).values()];
  const teachers = [...new Set(unique.map((p) => p.teacherId))];
  const existing = new Set<string>();
  for (const teacherId of teachers) {
    const rows = await trx.selectFrom('advisees').select('student_id').where('teacher_id', '=', teacherId).execute();
    for (const r of rows) existing.add(`${teacherId}/${r.student_id}`);
  }
  const at = ctx.now();
  const rows = unique.filter((p) => !existing.has(`${p.teacherId}/${p.studentId}`)).map((p) => ({ id: newId(), school_code: ctx.config.code, teacher_id: p.teacherId, student_id: p.studentId, created_at: nowIso(at) }));
  for (let i = 0; i < rows.length; i += 200) await trx.insertInto('advisees').values(rows.slice(i, i + 200)).execute();
  await writeAudits(
    trx,
    rows.map((row) => ({ school: ctx.config.code, actor: ctx.identity, role, action: 'advisee.assign', entity: 'advisee', entityId: row.id, studentId: row.student_id, after: row, at })),
  );
  return { added: rows.length, already: unique.length - rows.length };
}
