import { academicTermOf, assertWindowOpen, findWindow, windowState, type WindowState } from '@licheng/core';
import type { AuthedContext, Student } from '@licheng/server';

/** The grade check window (作業期程 activity `grade-check`) as the student's screen shows it. */
export interface GradeCheckWindow {
  state: WindowState;
  start: string | null;
  end: string | null;
}

export function gradeCheckWindow(ctx: AuthedContext, student: Student): GradeCheckWindow {
  const window = findWindow(ctx.config.schedule, 'grade-check', academicTermOf(ctx.now()), Number(student.grade));
  return { state: windowState(window, ctx.now()), start: window?.start ?? null, end: window?.end ?? null };
}

/** Refuses an appeal outside the window (window-unscheduled, window-not-open, window-closed). */
export function assertGradeCheckOpen(ctx: AuthedContext, student: Student): void {
  assertWindowOpen(ctx.config.schedule, 'grade-check', academicTermOf(ctx.now()), ctx.now(), Number(student.grade));
}
