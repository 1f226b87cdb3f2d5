import { afterEach, describe, expect, it } from 'vitest';
import { newId } from '@licheng/db';
import { testDialects } from '@licheng/db/testing';
import { createTestLicheng, seedRoster, setTestSchedule, users, type TestLicheng } from '@licheng/server/testing';
import registry from './index.ts';
import { ROSTER_WINDOWS } from './test-support.ts';

const INPUT = { academicYear: 114, semester: 1, roster: 'outcomes' };
const WINDOW = ROSTER_WINDOWS[0];

/**
 * 名冊提交 only inside the school's roster-submission window (作業期程, ADR 0021), judged in
 * Taipei days and for every grade and class the roster carries; nothing is stored when refused.
 */
describe.each(testDialects())('the roster-submission window on %s', (dialect) => {
  let t: TestLicheng;
  afterEach(async () => t?.close());
  const db = () => t.db.kysely as any;

  /** The test roster with S003 moved to 201 (grade 2), and a passed, selected outcome of S001 and of S003 in 114-1. */
  async function start() {
    t = await createTestLicheng({ dialect, plugins: [registry] });
    const { courseIds } = await seedRoster(t);
    await db().updateTable('students').set({ grade: 2, class_name: '201' }).where('student_no', '=', 'S003').execute();
    const at = '2025-10-01T00:00:00.000Z';
    for (const no of ['S001', 'S003']) {
      const student = await db().selectFrom('students').select('id').where('student_no', '=', no).executeTakeFirstOrThrow();
      const id = newId();
      await db()
        .insertInto('records')
        .values({ id, school_code: t.config.code, kind: 'outcome', student_id: student.id, course_id: courseIds['國語文'], academic_year: 114, semester: 1, summary: `${no} 成果`, data: '{}', document_file_id: null, media_file_id: null, status: 'passed', status_reason: null, decided_by: null, decided_by_name: null, decided_role: null, decided_at: null, entered_by: 's', entered_role: 'student', version: 1, created_at: at, updated_at: at })
        .execute();
      await db().insertInto('selections').values({ id: newId(), school_code: t.config.code, student_id: student.id, record_id: id, kind: 'outcome', academic_year: 114, created_at: at }).execute();
    }
  }
  const exportRoster = () => t.mutate('registry.rosters.export', INPUT, users.registry);
  const stored = async () => (await db().selectFrom('stored_files').select('id').execute()).length;

  it('exports on the last day until 23:59 Taipei and refuses from 00:00, storing nothing', async () => {
    await start();
    await setTestSchedule(t, [{ ...WINDOW, end: '2025-10-01' }]);
    t.clock.now = new Date('2025-10-01T15:59:00Z'); // 114/10/01 23:59 in Taipei
    expect((await exportRoster()).data).toMatchObject({ rowCount: 2 });
    t.clock.now = new Date('2025-10-01T16:00:00Z'); // 114/10/02 00:00 in Taipei
    const late = await exportRoster();
    expect(late.status).toBe(403);
    expect(late.error?.licheng).toMatchObject({ code: 'window-closed', params: { activity: 'roster-submission', end: '2025-10-01' } });
    expect(late.error?.message).toBe('「名冊提交」的作業期間已於 114/10/01 結束');
    expect(await stored()).toBe(1);
    expect(await db().selectFrom('audit_log').select('action').execute()).toEqual([{ action: 'roster.export.26' }]);
  });

  it('refuses before the window opens (opening at 00:00 Taipei) and when none is scheduled', async () => {
    await start();
    await setTestSchedule(t, [{ ...WINDOW, start: '2025-10-02' }]);
    t.clock.now = new Date('2025-10-01T15:59:00Z');
    const early = await exportRoster();
    expect(early.error?.licheng).toMatchObject({ code: 'window-not-open', params: { activity: 'roster-submission', start: '2025-10-02' } });
    t.clock.now = new Date('2025-10-01T16:00:00Z');
    expect((await exportRoster()).error).toBeNull();
    await setTestSchedule(t, []);
    const none = await exportRoster();
    expect(none.error?.licheng?.code).toBe('window-unscheduled');
    expect(none.error?.message).toBe('「名冊提交」尚未排定作業期程');
    expect(await stored()).toBe(1);
  });

  it('follows staggered windows: a closed grade the roster carries refuses, a closed window of another record kind does not', async () => {
    await start();
    await setTestSchedule(t, [WINDOW, { ...WINDOW, grades: [2], end: '2025-09-30' }]);
    expect((await exportRoster()).error?.licheng).toMatchObject({ code: 'window-closed', params: { end: '2025-09-30' } });
    await setTestSchedule(t, [WINDOW, { ...WINDOW, classes: ['201'], end: '2025-09-30' }]);
    expect((await exportRoster()).error?.licheng?.code).toBe('window-closed');
    await setTestSchedule(t, [WINDOW, { ...WINDOW, recordKinds: ['performance'], end: '2025-09-30' }, { ...WINDOW, grades: [3], end: '2025-09-30' }]);
    expect((await exportRoster()).data).toMatchObject({ rowCount: 2 });
    expect(await stored()).toBe(1);
  });

  it('tells the screen ahead (registry.rosters.window) what the export would answer, in the caller’s language, writing nothing', async () => {
    await start();
    await setTestSchedule(t, [{ ...WINDOW, end: '2025-10-01' }]);
    const window = () => t.query('registry.rosters.window', INPUT, users.registry);
    t.clock.now = new Date('2025-10-01T15:59:00Z');
    expect((await window()).data).toEqual({ refusal: null });
    t.clock.now = new Date('2025-10-01T16:00:00Z');
    expect((await window()).data).toEqual({ refusal: '「名冊提交」的作業期間已於 114/10/01 結束' });
    expect(await stored()).toBe(0);
    expect((await t.query('registry.rosters.window', INPUT, users.chen)).status).toBe(403);
  });
});
