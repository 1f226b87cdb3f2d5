import type { AuthedContext } from '../context.ts';
import type { Principal } from './staff-state.ts';

/**
 * 代理 — for each course among `courseIds` the caller does not teach, the principal (a teacher
 * the caller acts for today) who teaches it: whom the caller certifies its items for.
 */
export async function proxiedCourses(ctx: AuthedContext, principals: readonly Principal[], courseIds: readonly (string | null)[]): Promise<Map<string, Principal>> {
  const ids = [...new Set(courseIds.filter((id): id is string => id !== null))];
  const result = new Map<string, Principal>();
  if (!ids.length) return result;
  const teachers = await ctx.db
    .selectFrom('course_teachers')
    .innerJoin('teachers', 'teachers.id', 'course_teachers.teacher_id')
    .select(['course_teachers.course_id', 'teachers.host_user_id'])
    .where('course_teachers.course_id', 'in', ids)
    .where('teachers.school_code', '=', ctx.config.code)
    .where('teachers.host_user_id', 'in', [ctx.identity.userId, ...principals.map((p) => p.userId)])
    .orderBy('teachers.host_user_id')
    .execute();
  const own = new Set(teachers.filter((t) => t.host_user_id === ctx.identity.userId).map((t) => t.course_id));
  for (const t of teachers) {
    if (own.has(t.course_id) || result.has(t.course_id)) continue;
    const p = principals.find((x) => x.userId === t.host_user_id);
    if (p) result.set(t.course_id, { userId: p.userId, name: p.name });
  }
  return result;
}
