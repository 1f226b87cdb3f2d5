import { academicTermOf, assertWindowOpen, essaySettings, findWindow, windowState, type EssayLanguage, type WindowState } from '@licheng/core';
import { DomainError } from '@licheng/core';
import type { AuthedContext, Student } from '@licheng/server';

/** The writing window (作業期程 activity `autobiography`) as a student's screen shows it. */
export interface WritingWindow {
  state: WindowState;
  start: string | null;
  end: string | null;
}

/** The window of the current academic year that applies to the student's grade. */
export function writingWindow(ctx: AuthedContext, student: Student): WritingWindow {
  const window = findWindow(ctx.config.schedule, 'autobiography', academicTermOf(ctx.now()), Number(student.grade));
  return { state: windowState(window, ctx.now()), start: window?.start ?? null, end: window?.end ?? null };
}

/** Refuses a change outside the writing window (window-unscheduled, window-not-open, window-closed). */
export function assertWritingWindow(ctx: AuthedContext, student: Student): void {
  assertWindowOpen(ctx.config.schedule, 'autobiography', academicTermOf(ctx.now()), ctx.now(), Number(student.grade));
}

/** Refuses a language the school does not keep (a general school keeps only 中文 unless its config says otherwise). */
export function assertLanguageKept(ctx: AuthedContext, language: EssayLanguage): void {
  if (!essaySettings(ctx.config).languages.includes(language)) throw new DomainError('essay-language-not-kept', { language });
}
