import { afterEach, describe, expect, it } from 'vitest';
import { testDialects } from '@licheng/db/testing';
import { createTestLicheng, seedRoster, setTestSchedule, users, type TestLicheng, type TestUser } from '@licheng/server/testing';
import plugin from './index.ts';
import { performanceForm } from './performance-testing.ts';

const chang: TestUser = { userId: 's-chang', name: '張小英', roles: ['student'] };

/**
 * Windows the working group limits to a record kind or staggers by class hold for the student's
 * performances and selections (the harness's clock: 2025-10-01, 114-1).
 */
describe.each(testDialects())('student work within staggered and per-kind windows on %s', (dialect) => {
  let t: TestLicheng;
  afterEach(async () => t?.close());

  async function start(schedule: unknown[]) {
    t = await createTestLicheng({ dialect, plugins: [plugin], config: { schedule } });
    await seedRoster(t);
    // 張小英 sits in 102; 陳小明 in 101.
    await (t.db.kysely as any).updateTable('students').set({ class_name: '102' }).where('student_no', '=', 'S003').execute();
  }
  const year = { academicYear: 114, semester: 0 };

  it('closes one performance type’s uploads on its own date while the other types stay open', async () => {
    await start([
      { activity: 'performance-upload', ...year, start: '2025-08-01', end: '2026-07-31' },
      { activity: 'performance-upload', ...year, recordKinds: ['performance-work'], start: '2025-08-01', end: '2025-09-30' },
    ]);
    const work = await t.upload('student.performances.upload', performanceForm('performance-work'), users.chen);
    expect(work.status).toBe(403);
    expect(work.error?.licheng).toEqual({ code: 'window-closed', params: { activity: 'performance-upload', end: '2025-09-30' } });
    expect((await t.upload('student.performances.upload', performanceForm('performance-service'), users.chen)).error).toBeNull();
    const kinds = await t.query('student.performances.kinds', undefined, users.chen);
    expect(kinds.data.window).toMatchObject({ state: 'open', end: '2026-07-31' });
  });

  it('staggers the selection by class: 101 has closed, 102 still selects', async () => {
    await start([
      { activity: 'performance-upload', ...year, start: '2025-08-01', end: '2026-07-31' },
      { activity: 'performance-selection', ...year, start: '2025-08-01', end: '2026-07-31' },
      { activity: 'performance-selection', ...year, classes: ['101'], start: '2025-08-01', end: '2025-09-30' },
    ]);
    const mine = await t.upload('student.performances.upload', performanceForm('performance-service'), users.chen);
    const hers = await t.upload('student.performances.upload', performanceForm('performance-service'), chang);
    const save = (id: string, user: TestUser) => t.mutate('student.performances.selection.save', { academicYear: 114, recordIds: [id] }, user);
    const closed = await save(mine.data.id, users.chen);
    expect(closed.error?.licheng).toEqual({ code: 'window-closed', params: { activity: 'performance-selection', end: '2025-09-30' } });
    expect((await t.query('student.performances.selection.get', { academicYear: 114 }, users.chen)).data.window.state).toBe('closed');
    expect((await save(hers.data.id, chang)).error).toBeNull();
    // The working group reopens 101's window: it applies on the next call.
    await setTestSchedule(t, [
      { activity: 'performance-upload', ...year, start: '2025-08-01', end: '2026-07-31' },
      { activity: 'performance-selection', ...year, start: '2025-08-01', end: '2026-07-31' },
    ]);
    expect((await save(mine.data.id, users.chen)).error).toBeNull();
  });
});
