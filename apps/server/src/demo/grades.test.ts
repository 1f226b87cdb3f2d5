import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LichengDb } from '@licheng/db';
import type { LichengApp } from '@licheng/server';
import { openApp } from '../open-app.ts';
import { readSettings } from '../settings.ts';
import { tempDirs } from '../testing/temp.ts';
import { seedDemo } from './seed.ts';
import { demoSchedule } from './schedule.ts';

const temp = tempDirs();

describe('the demo registry course records', () => {
  let app: LichengApp;
  let db: LichengDb;

  beforeEach(async () => {
    const settings = readSettings({ LICHENG_DEMO: '1', LICHENG_DATA_DIR: temp.make() });
    const now = new Date('2025-10-01T04:00:00Z');
    settings.config = { ...settings.config, schedule: demoSchedule(now) };
    ({ app, db } = await openApp(settings, () => now));
  });
  afterEach(async () => {
    await db?.destroy();
    temp.cleanup();
  });

  it('has every way of taking a course, a night-division class, placements, two status changes and an open appeal', async () => {
    expect(await seedDemo(app)).toBe(true);
    const k = db.kysely as any;
    const takes = await k.selectFrom('course_grades').select('take').execute();
    expect(new Set(takes.map((g: any) => g.take))).toEqual(new Set(['term', 'night', 'make-up', 'retake', 'repeat-year', 'transfer', 'borrowed']));
    const night = await k.selectFrom('term_placements').select(['class_name', 'division']).where('division', '=', 'night').execute();
    expect(night).toEqual([{ class_name: '901', division: 'night' }, { class_name: '901', division: 'night' }]);
    expect((await k.selectFrom('status_changes').select('kind').orderBy('kind').execute()).map((c: any) => c.kind)).toEqual(['suspend', 'transfer-in']);
    expect(await k.selectFrom('grade_appeals').select(['status']).execute()).toEqual([{ status: 'open' }]);
    // The borrowed-study student (201 seat 2) has the 借讀 columns of their 借讀成績 row, and only those.
    const borrowed = await k.selectFrom('course_grades').innerJoin('students', 'students.id', 'course_grades.student_id').select(['students.class_name', 'students.seat_no', 'students.roster_fields']).where('course_grades.take', '=', 'borrowed').execute();
    expect(borrowed.map((b: any) => [b.class_name, b.seat_no, JSON.parse(b.roster_fields)])).toEqual([['201', 2, { borrowSchoolCode: '013402', borrowCode: 'B1' }]]);
  });
});
