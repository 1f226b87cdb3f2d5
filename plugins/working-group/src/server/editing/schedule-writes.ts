import { DomainError, resolveSchedule, windowProblem, windowsCollide, type ScheduleWindow } from '@licheng/core';
import { forUpdate, nowIso } from '@licheng/db';
import { seedSchedule, windowOfRow, writeAudit, type AuthedContext, type PlatformDatabase, type StoredScheduleWindow } from '@licheng/server';
import type { Kysely } from 'kysely';

type Db = Kysely<PlatformDatabase>;

/**
 * Runs `change` in one transaction that first takes the school's schedule row, so changes of
 * one school's schedule run one after another (on MySQL a row lock; SQLite's write transaction
 * holds the file), and every rule is judged on the latest windows. The config seeds the table
 * first when the school has none yet.
 */
export async function changeSchedule<T>(ctx: AuthedContext, change: (trx: Db, windows: StoredScheduleWindow[]) => Promise<T>): Promise<T> {
  // One primary-key lookup (the server seeds at start, so this is nearly always a no-op).
  await seedSchedule(ctx.db, ctx.config, ctx.now());
  return ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('schedule_schools')
      .set((eb) => ({ changes: eb('changes', '+', 1) }))
      .where('school_code', '=', ctx.config.code)
      .execute();
    const rows = await forUpdate(trx.selectFrom('schedule_windows').selectAll().where('school_code', '=', ctx.config.code), ctx.dialect).execute();
    return change(trx, rows.map(windowOfRow));
  });
}

/** The stored window `id` of the school at `version`: not-found, or schedule-version-conflict with the latest version. */
export function windowAt(windows: readonly StoredScheduleWindow[], id: string, version: number): StoredScheduleWindow {
  const window = windows.find((w) => w.id === id);
  if (!window) throw new DomainError('not-found', {});
  if (window.version !== version) throw new DomainError('schedule-version-conflict', { latest: window.version });
  return window;
}

/**
 * Checks the school's active windows with `changed` in place of its stored self (or added):
 * every relative date resolves (no circle, no missing anchor), the changed window's dates make
 * sense (end not before start; a receipt window of at least 3 days) and no other window covers
 * the same activity, term, audience and batch. Returns `changed` with its dates resolved.
 */
export function checkedWindow(windows: readonly StoredScheduleWindow[], changed: ScheduleWindow): ScheduleWindow {
  const active: ScheduleWindow[] = windows.filter((w) => w.removedAt === null && w.id !== changed.id);
  const resolved = resolveSchedule([...active, changed]);
  const window = resolved[resolved.length - 1]!;
  const problem = windowProblem(window);
  if (problem) throw new DomainError(problem.code, problem.params);
  const other = resolved.slice(0, -1).find((w) => windowsCollide(w, window));
  if (other) throw new DomainError('schedule-window-collides', { activity: other.activity, start: other.start, end: other.end });
  return window;
}

/** The active windows whose dates are relative to `id`. */
export function dependantsOf(windows: readonly StoredScheduleWindow[], id: string): StoredScheduleWindow[] {
  return windows.filter((w) => w.removedAt === null && w.id !== id && (w.startFrom?.anchor === id || w.endFrom?.anchor === id));
}

/** Who changed the row and when, for an update. */
export function changedBy(ctx: AuthedContext, at: Date) {
  return { updated_at: nowIso(at), updated_by: ctx.identity.userId, updated_by_name: ctx.identity.name };
}

/** One audit entry of a schedule change: the window before and after (only the changed fields are kept). */
export function auditWindow(trx: Db, ctx: AuthedContext, action: string, id: string, before: unknown, after: unknown, at: Date) {
  return writeAudit(trx, { school: ctx.config.code, actor: ctx.identity, role: ctx.actingRole, action: `schedule.window.${action}`, entity: 'schedule-window', entityId: id, before, after, at });
}

/** A window as the audit trail keeps it: its own fields, without who/when. */
export function auditedFields(w: ScheduleWindow & { removedAt?: string | null }) {
  const { activity, academicYear, semester, start, end, grades, classes, recordKinds, selfCheck, qualifier, startFrom, endFrom, reminderLeadDays } = w;
  return { activity, academicYear, semester, start, end, grades, classes, recordKinds, selfCheck, qualifier, startFrom, endFrom, reminderLeadDays, removedAt: w.removedAt ?? null };
}
