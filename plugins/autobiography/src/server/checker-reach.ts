import { academicTermOf, essaySettings, type EssayChecker } from '@licheng/core';
import type { AuthedContext, PlatformDatabase } from '@licheng/server';
import type { Kysely } from 'kysely';

/**
 * Who checks (檢核) a student's documents: the role the school names in `rules.autobiography.checker`.
 * A homeroom teacher (導師) reaches the students of the classes they lead this academic year;
 * counseling staff (輔導組) every student of the school. The same rule as the record kinds'
 * scope (packages/server/src/records/kind-procedures/scope.ts): a class by its homeroom teacher,
 * an office school-wide. A caller out of reach sees nothing, and an id of theirs reads as not found.
 */
export interface CheckerReach {
  /** The school's checker role. */
  checker: EssayChecker;
  /** Whether the caller holds it. */
  mayCheck: boolean;
  /** The classes of this year the caller leads, for a homeroom teacher; null = every student (counseling). */
  classNames: string[] | null;
}

/** Read through `db` (the caller's transaction, when in one). */
export async function checkerReach(ctx: AuthedContext, db: Kysely<PlatformDatabase> = ctx.db): Promise<CheckerReach> {
  const { checker } = essaySettings(ctx.config);
  if (!ctx.identity.roles.includes(checker)) return { checker, mayCheck: false, classNames: [] };
  if (checker === 'counseling-staff') return { checker, mayCheck: true, classNames: null };
  const { academicYear } = academicTermOf(ctx.now());
  const rows = await db
    .selectFrom('classes')
    .innerJoin('teachers', 'teachers.id', 'classes.homeroom_teacher_id')
    .select('classes.class_name')
    .where('classes.school_code', '=', ctx.config.code)
    .where('classes.academic_year', '=', academicYear)
    .where('teachers.school_code', '=', ctx.config.code)
    .where('teachers.host_user_id', '=', ctx.identity.userId)
    .orderBy('classes.class_name')
    .execute();
  return { checker, mayCheck: true, classNames: rows.map((r) => r.class_name) };
}

/** Whether a student of `className` is within the caller's reach. */
export function reaches(reach: CheckerReach, className: string): boolean {
  return reach.mayCheck && (reach.classNames === null || reach.classNames.includes(className));
}
