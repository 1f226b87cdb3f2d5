import { assertWindowOpenForAll, type WindowScope } from '@licheng/core';
import { scheduleOf, type AuthedContext, type PlatformDatabase } from '@licheng/server';
import type { Kysely } from 'kysely';
import type { Term } from './precheck.ts';

/**
 * The grades and classes a pre-check of the term covers: those of the enrolled students and
 * of the term's offerings (a class with offerings and nobody enrolled yet is compared too).
 */
export async function precheckScopes(db: Kysely<PlatformDatabase>, school: string, term: Term): Promise<WindowScope[]> {
  const students = await db.selectFrom('students').select(['grade', 'class_name']).distinct()
    .where('school_code', '=', school).where('status', '=', 'enrolled').execute();
  const courses = await db.selectFrom('courses').select(['grade_level', 'class_name']).distinct()
    .where('school_code', '=', school).where('academic_year', '=', term.academicYear).where('semester', '=', term.semester).execute();
  const scopes = new Map<string, WindowScope>();
  for (const s of students) scopes.set(`${s.grade}|${s.class_name}`, { grade: Number(s.grade), className: s.class_name });
  for (const c of courses) if (c.class_name) scopes.set(`${c.grade_level}|${c.class_name}`, { grade: Number(c.grade_level), className: c.class_name });
  return [...scopes.values()];
}

/**
 * 開課預檢 happens inside the school's `pre-check` window of the term (作業期程, ADR 0021),
 * open for every grade and class the run covers; refused with window-unscheduled,
 * window-not-open or window-closed otherwise. Read inside the run's transaction.
 */
export async function assertPrecheckWindow(ctx: AuthedContext, db: Kysely<PlatformDatabase>, term: Term): Promise<void> {
  const scopes = await precheckScopes(db, ctx.config.code, term);
  assertWindowOpenForAll(await scheduleOf(ctx, db), 'pre-check', { academicYear: term.academicYear, semester: term.semester as 1 | 2 }, ctx.now(), scopes);
}
