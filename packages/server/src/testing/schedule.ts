import { parseSchoolConfig, type ScheduleWindow } from '@licheng/core';
import { newId, nowIso } from '@licheng/db';
import { windowColumns } from '../schedule/schedule-store.ts';
import type { TestLicheng } from './harness.ts';

/**
 * Replaces the test school's stored 作業期程 with `windows` (checked as a config would be), as
 * the working group would by removing every window and adding these: the next call of any
 * procedure sees them.
 */
export async function setTestSchedule(t: TestLicheng, windows: readonly unknown[]): Promise<void> {
  const parsed = parseSchoolConfig({ code: t.config.code, name: t.config.name, type: t.config.type, schedule: windows }).schedule as ScheduleWindow[];
  const at = nowIso(t.clock.now);
  const db = t.db.kysely as any;
  await db.transaction().execute(async (trx: any) => {
    await trx.deleteFrom('schedule_windows').where('school_code', '=', t.config.code).execute();
    for (const w of parsed) {
      await trx
        .insertInto('schedule_windows')
        .values({ id: w.id ?? newId(), school_code: t.config.code, ...windowColumns(w), version: 1, created_at: at, created_by: 'test', updated_at: at, updated_by: 'test', updated_by_name: 'test', removed_at: null, removed_by: null })
        .execute();
    }
  });
}
