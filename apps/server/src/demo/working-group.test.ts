import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LichengDb } from '@licheng/db';
import workingGroup from '@licheng/plugin-working-group/server';
import type { LichengApp } from '@licheng/server';
import { openApp } from '../open-app.ts';
import { readSettings } from '../settings.ts';
import { tempDirs } from '../testing/temp.ts';
import { seedDemo } from './seed.ts';
import { DEMO_WORKING_GROUP } from './working-group.ts';

const temp = tempDirs();

describe('the working group demo', () => {
  let app: LichengApp;
  let db: LichengDb;

  beforeEach(async () => {
    const settings = readSettings({ LICHENG_DEMO: '1', LICHENG_DATA_DIR: temp.make() });
    ({ app, db } = await openApp(settings, () => new Date('2026-11-27T04:00:00Z')));
  });
  afterEach(async () => {
    await db?.destroy();
    temp.cleanup();
  });

  it('has a convenor, an executive secretary and a dozen members; a meeting held last semester and none yet this one', async () => {
    expect(await seedDemo(app)).toBe(true);
    const staff = await app.actAs({ ...DEMO_WORKING_GROUP, school: app.config.code, roles: ['working-group'] });
    const caller = workingGroup.router.createCaller(staff);
    const { members } = await caller.members.list({});
    expect(members.map((m) => m.role).slice(0, 3)).toEqual(['convenor', 'executive-secretary', 'member']);
    expect(members.filter((m) => m.role === 'member')).toHaveLength(12);
    const meetings = await caller.meetings.list({});
    expect(meetings.meetings).toEqual([]);
    expect(meetings.missing).toEqual([{ academicYear: 115, semester: 1, current: true }]);
    const last = await caller.meetings.list({ academicYear: 114 });
    const second = last.meetings.find((m) => m.semester === 2)!;
    expect(second.decisions).toHaveLength(3);
    expect(second.counts).toEqual({ present: 12, excused: 1, absent: 1 });
    expect(second.minutes).toContain('主席報告');
  });

  it('has trainings of each kind, with the parent session of this semester only planned', async () => {
    await seedDemo(app);
    const staff = await app.actAs({ ...DEMO_WORKING_GROUP, school: app.config.code, roles: ['working-group'] });
    const trainings = await workingGroup.router.createCaller(staff).trainings.list({});
    expect(trainings.missing).toEqual([{ kind: 'parent', academicYear: 115, semester: 1, current: true }]);
    expect(trainings.trainings.map((x) => [x.kind, x.heldDate !== null, x.attendanceSource])).toEqual([
      ['parent', false, null],
      ['student', true, 'count'],
      ['teacher', true, 'sheet'],
    ]);
    expect(trainings.trainings[2]!.attendanceCount).toBe(4);
  });
});
