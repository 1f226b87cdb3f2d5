import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LichengDb } from '@licheng/db';
import curriculum from '@licheng/plugin-curriculum/server';
import type { LichengApp } from '@licheng/server';
import { openApp } from '../open-app.ts';
import { readSettings } from '../settings.ts';
import { tempDirs } from '../testing/temp.ts';
import { DEMO_CURRICULUM } from './curriculum.ts';
import { demoSchedule } from './schedule.ts';
import { seedDemo } from './seed.ts';

const temp = tempDirs();

describe('the curriculum office demo', () => {
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

  it('loads two cohorts’ plans, a pre-check with every kind of 「不同」 and a plan changed after it', async () => {
    expect(await seedDemo(app)).toBe(true);
    const staff = await app.actAs({ ...DEMO_CURRICULUM, school: app.config.code, roles: ['curriculum-staff'] });
    const caller = curriculum.router.createCaller(staff);
    const versions = await caller.plan.versions({});
    expect(versions.map((v) => [v.planYear, v.version])).toEqual([[114, 2], [114, 1], [113, 1]]);
    const latest = await caller.plan.version({ versionId: versions[0]!.id });
    expect(latest.diff.added.map((l) => l.subjectName)).toEqual(['資訊科技']);
    expect(latest.diff.changed.map((c) => c.fields.map((f) => [f.field, f.before, f.after]))).toEqual([[['credits', '330000', '220000']]]);

    const status = await caller.precheck.status({ academicYear: 114, semester: 1 });
    expect(status.planChangedSince).toEqual([expect.objectContaining({ planYear: 114, version: 2 })]);
    expect(status.runs).toHaveLength(1);
    const differences = await caller.precheck.differences({ runId: status.runs[0]!.id });
    const kinds = new Map<string, number>();
    for (const d of differences) kinds.set(d.kind, (kinds.get(d.kind) ?? 0) + 1);
    expect(Object.fromEntries(kinds)).toEqual({ credits: 2, 'subject-name': 2, 'unknown-code': 2, 'class-group': 1, 'required-missing': 8 });
    expect(differences.filter((d) => d.className === '201')).toEqual([]);
  });
});
