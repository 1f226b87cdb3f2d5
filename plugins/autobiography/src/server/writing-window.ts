import { academicTermOf, assertWindowOpen, essaySettings, findWindow, windowState, type EssayLanguage, type WindowState } from '@licheng/core';
import { DomainError } from '@licheng/core';
import { scheduleOf, type AuthedContext, type PlatformDatabase, type Student } from '@licheng/server';
import type { Kysely } from 'kysely';

/** The writing window (作業期程 activity `autobiography`) as a student's screen shows it. */
export interface WritingWindow {
  state: WindowState;
  start: string | null;
  end: string | null;
}

/** The window of the current academic year that applies to the student's grade. */
export async function writingWindow(ctx: AuthedContext, student: Student): Promise<WritingWindow> {
  const window = findWindow(await scheduleOf(ctx), 'autobiography', academicTermOf(ctx.now()), { grade: Number(student.grade), className: student.class_name });
  return { state: windowState(window, ctx.now()), start: window?.start ?? null, end: window?.end ?? null };
}

/** Refuses a change outside the writing window (window-unscheduled, window-not-open, window-closed). */
export async function assertWritingWindow(ctx: AuthedContext, student: Student, db: Kysely<PlatformDatabase> = ctx.db): Promise<void> {
  assertWindowOpen(await scheduleOf(ctx, db), 'autobiography', academicTermOf(ctx.now()), ctx.now(), { grade: Number(student.grade), className: student.class_name });
}

/** Refuses a language the school does not keep (a general school keeps only 中文 unless its config says otherwise). */
export function assertLanguageKept(ctx: AuthedContext, language: EssayLanguage): void {
  if (!essaySettings(ctx.config).languages.includes(language)) throw new DomainError('essay-language-not-kept', { language });
}
