import { afterEach, describe, expect, it } from 'vitest';
import { testDialects } from '@licheng/db/testing';
import { createTestLicheng, fakeFile, seedRoster, users, type TestLicheng, type TestUser } from '@licheng/server/testing';
import { availablePlugins } from './plugins.ts';
import { form, taipei } from './testing/seed-schools.ts';

const group: TestUser = { userId: 'wg-1', name: '教務主任', roles: ['working-group'] };
const upload114 = { activity: 'outcome-upload', academicYear: 114, semester: 1, start: '2025-09-01', end: '2025-10-15' };

/**
 * The schedule the working group sets on screen is what every office enforces, at once and on
 * Taipei days: staggered windows by grade and class, relative windows, removal and restore.
 */
describe.each(testDialects())('schedule enforcement on %s', (dialect) => {
  let t: TestLicheng;
  let courseIds: Record<string, string>;
  afterEach(async () => t?.close());

  /** No windows at all; 張小英 (S003) moved to class 102. */
  async function start(now = taipei('2025-10-10')) {
    t = await createTestLicheng({ dialect, plugins: availablePlugins.filter((p) => ['student', 'working-group'].includes(p.id)), config: { schedule: [] }, now });
    ({ courseIds } = await seedRoster(t));
    await (t.db.kysely as any).updateTable('students').set({ class_name: '102' }).where('student_no', '=', 'S003').execute();
  }
  const save = async (window: unknown, id?: string, version?: number) => {
    const res = await t.mutate('working-group.schedule.save', { window, ...(id ? { id, version } : {}) }, group);
    expect(res.error).toBeNull();
    return res.data;
  };
  const uploadAs = (user: TestUser, i = 0) => t.upload('student.outcomes.upload', form({ courseId: courseIds['國語文']!, summary: `成果 ${i}`, document: fakeFile('pdf', 900 + i) }), user);
  const chang: TestUser = { userId: 's-chang', name: '張小英', roles: ['student'] };

  it('blocks uploads until the working group opens the window, then lets them through without a restart', async () => {
    await start();
    const blocked = await uploadAs(users.chen);
    expect(blocked.status).toBe(403);
    expect(blocked.error?.licheng?.code).toBe('window-unscheduled');
    const opened = await save(upload114);
    expect((await uploadAs(users.chen)).error).toBeNull();
    const removed = await t.mutate('working-group.schedule.remove', { id: opened.id, version: 1 }, group);
    expect(removed.error).toBeNull();
    expect((await uploadAs(users.chen, 1)).error?.licheng?.code).toBe('window-unscheduled');
    expect((await t.mutate('working-group.schedule.restore', { id: opened.id, version: 2 }, group)).error).toBeNull();
    expect((await uploadAs(users.chen, 2)).error).toBeNull();
  });

  it('closes a class’s staggered window on its own day, in Taipei time, while the grade’s stays open', async () => {
    await start(taipei('2025-10-08', '23:59'));
    await save(upload114);
    await save({ ...upload114, classes: ['101'], end: '2025-10-08' });
    await save({ ...upload114, grades: [2], end: '2025-10-01' });
    expect((await uploadAs(users.chen)).error).toBeNull();
    t.clock.now = taipei('2025-10-09', '00:00');
    const late = await uploadAs(users.chen, 1);
    expect(late.status).toBe(403);
    expect(late.error?.licheng).toEqual({ code: 'window-closed', params: { activity: 'outcome-upload', end: '2025-10-08' } });
    expect((await uploadAs(chang, 2)).error).toBeNull();
  });

  it('staggers by grade: a grade-1 window ends before the window for everyone', async () => {
    await start(taipei('2025-10-12'));
    await save(upload114);
    await save({ ...upload114, grades: [1], end: '2025-10-11' });
    expect((await uploadAs(users.chen)).error?.licheng?.code).toBe('window-closed');
    expect((await uploadAs(chang, 1)).error?.licheng?.code).toBe('window-closed');
    await t.query('working-group.schedule.windows', { academicYear: 114 }, group).then(async (res) => {
      const grade1 = res.data.windows.find((w: any) => w.grades?.[0] === 1);
      await save({ ...upload114, grades: [1], end: '2025-10-20' }, grade1.id, grade1.version);
    });
    expect((await uploadAs(users.chen, 2)).error).toBeNull();
  });

  it('enforces a relative window: the school closes two weeks before the national deadline', async () => {
    await start(taipei('2025-10-17', '23:59'));
    const national = await save({ ...upload114, qualifier: '全國截止', grades: [3], end: '2025-10-31' });
    await save({ ...upload114, endFrom: { anchor: national.id, edge: 'end', offsetDays: -14 } });
    expect((await uploadAs(users.chen)).error).toBeNull();
    t.clock.now = taipei('2025-10-18', '00:00');
    const late = await uploadAs(users.chen, 1);
    expect(late.status).toBe(403);
    expect(late.error?.licheng).toEqual({ code: 'window-closed', params: { activity: 'outcome-upload', end: '2025-10-17' } });
    // The national deadline moves a week later: the school's window follows at once.
    await save({ ...upload114, qualifier: '全國截止', grades: [3], end: '2025-11-07' }, national.id, 1);
    expect((await uploadAs(users.chen, 2)).error).toBeNull();
  });

  it('shows the self-check date in the public schedule of every user', async () => {
    await start();
    await save({ ...upload114, selfCheck: '2025-10-20' });
    const list = await t.query('working-group.schedule.list', { academicYear: 114 }, users.chen);
    expect(list.data.windows[0]).toMatchObject({ activity: 'outcome-upload', selfCheck: '2025-10-20' });
  });
});
