import { academicTermOf, assertWindowOpen, findWindow, windowState, type WindowState } from '@licheng/core';
import { scheduleOf, type AuthedContext, type PlatformDatabase, type Student } from '@licheng/server';
import type { Kysely } from 'kysely';

/** The grade check window (作業期程 activity `grade-check`) as the student's screen shows it. */
export interface GradeCheckWindow {
  state: WindowState;
  start: string | null;
  end: string | null;
}

export async function gradeCheckWindow(ctx: AuthedContext, student: Student): Promise<GradeCheckWindow> {
  const window = findWindow(await scheduleOf(ctx), 'grade-check', academicTermOf(ctx.now()), { grade: Number(student.grade), className: student.class_name });
  return { state: windowState(window, ctx.now()), start: window?.start ?? null, end: window?.end ?? null };
}

/** Refuses an appeal outside the window (window-unscheduled, window-not-open, window-closed). */
export async function assertGradeCheckOpen(ctx: AuthedContext, student: Student, db: Kysely<PlatformDatabase> = ctx.db): Promise<void> {
  assertWindowOpen(await scheduleOf(ctx, db), 'grade-check', academicTermOf(ctx.now()), ctx.now(), { grade: Number(student.grade), className: student.class_name });
}
