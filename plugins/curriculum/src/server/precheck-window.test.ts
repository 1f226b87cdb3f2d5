import { afterEach, describe, expect, it } from 'vitest';
import { testDialects } from '@licheng/db/testing';
import { setTestSchedule, type TestLicheng } from '@licheng/server/testing';
import { curriculumApp, importPlan, matchingPlan, PRECHECK_WINDOW, staff } from './test-support.ts';

const TERM = { academicYear: 114, semester: 1 };

/**
 * 開課預檢 only inside the school's pre-check window (作業期程, ADR 0021), judged in Taipei
 * days and for every grade and class the run covers (the test roster: class 101, grade 1).
 */
describe.each(testDialects())('the pre-check window on %s', (dialect) => {
  let t: TestLicheng;
  afterEach(async () => t?.close());

  const runs = async () => (await t.db.kysely.selectFrom('curriculum_precheck_runs' as any).select('id').execute()).length;
  const run = () => t.mutate('curriculum.precheck.run', TERM, staff);

  it('runs on the window’s last day until 23:59 Taipei and is refused from 00:00, writing nothing', async () => {
    ({ t } = await curriculumApp(dialect));
    await importPlan(t, matchingPlan());
    await setTestSchedule(t, [{ ...PRECHECK_WINDOW, start: '2025-09-01', end: '2025-09-28' }]);
    t.clock.now = new Date('2025-09-28T15:59:00Z'); // 114/09/28 23:59 in Taipei
    expect((await run()).error).toBeNull();
    t.clock.now = new Date('2025-09-28T16:00:00Z'); // 114/09/29 00:00 in Taipei
    const late = await run();
    expect(late.status).toBe(403);
    expect(late.error?.licheng).toMatchObject({ code: 'window-closed', params: { activity: 'pre-check', end: '2025-09-28' } });
    expect(late.error?.message).toBe('「開課預檢」的作業期間已於 114/09/28 結束');
    expect(await runs()).toBe(1);
  });

  it('is refused before the window opens and without a window, and opens at 00:00 Taipei', async () => {
    ({ t } = await curriculumApp(dialect));
    await importPlan(t, matchingPlan());
    await setTestSchedule(t, [{ ...PRECHECK_WINDOW, start: '2025-10-02' }]);
    t.clock.now = new Date('2025-10-01T15:59:00Z');
    const early = await run();
    expect(early.error?.licheng).toMatchObject({ code: 'window-not-open', params: { activity: 'pre-check', start: '2025-10-02' } });
    expect(early.error?.message).toBe('「開課預檢」尚未開放，將於 114/10/02 開始');
    t.clock.now = new Date('2025-10-01T16:00:00Z');
    expect((await run()).error).toBeNull();
    await setTestSchedule(t, [{ ...PRECHECK_WINDOW, academicYear: 115 }]);
    expect((await run()).error?.licheng?.code).toBe('window-unscheduled');
    expect(await runs()).toBe(1);
  });

  it('follows staggered windows: a closed window of a covered class refuses, one of another grade does not', async () => {
    ({ t } = await curriculumApp(dialect));
    await importPlan(t, matchingPlan());
    await setTestSchedule(t, [PRECHECK_WINDOW, { ...PRECHECK_WINDOW, classes: ['101'], end: '2025-09-30' }]);
    const refused = await run();
    expect(refused.error?.licheng).toMatchObject({ code: 'window-closed', params: { activity: 'pre-check', end: '2025-09-30' } });
    await setTestSchedule(t, [PRECHECK_WINDOW, { ...PRECHECK_WINDOW, grades: [2], end: '2025-09-30' }]);
    expect((await run()).error).toBeNull();
    expect(await runs()).toBe(1);
  });

  it('tells the desk ahead, in the status, why a run would be refused now (and nothing once it would go through)', async () => {
    ({ t } = await curriculumApp(dialect));
    await importPlan(t, matchingPlan());
    await setTestSchedule(t, [{ ...PRECHECK_WINDOW, start: '2025-09-01', end: '2025-09-28' }]);
    t.clock.now = new Date('2025-09-28T15:59:00Z');
    const open = await t.query('curriculum.precheck.status', TERM, staff);
    expect(open.data.runRefusal).toBeNull();
    t.clock.now = new Date('2025-09-28T16:00:00Z');
    const closed = await t.query('curriculum.precheck.status', TERM, staff);
    expect(closed.data.runRefusal).toBe('「開課預檢」的作業期間已於 114/09/28 結束');
  });
});
