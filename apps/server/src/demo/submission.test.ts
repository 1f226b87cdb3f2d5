import { afterEach, describe, expect, it } from 'vitest';
import type { LichengDb } from '@licheng/db';
import registry from '@licheng/plugin-registry/server';
import receipt from '@licheng/plugin-receipt/server';
import type { LichengApp } from '@licheng/server';
import { openApp } from '../open-app.ts';
import { readSettings } from '../settings.ts';
import { tempDirs } from '../testing/temp.ts';
import { demoSchedule } from './schedule.ts';
import { seedDemo } from './seed.ts';

const temp = tempDirs();

/**
 * What a newcomer opening the demo finds of the receipt loop: a roster marked submitted (this
 * term's 24 校內幹部經歷, a snapshot in its history), and last term's receipt with an issue routed to
 * the teacher who decided the outcome it names.
 */
describe('the demo’s submission and routed receipt issue', () => {
  let app: LichengApp;
  let db: LichengDb;
  afterEach(async () => {
    await db?.destroy();
    temp.cleanup();
  });

  async function open(schedule: boolean) {
    const now = new Date('2026-11-27T04:00:00Z');
    const settings = readSettings({ LICHENG_DEMO: '1', LICHENG_DATA_DIR: temp.make() });
    if (schedule) settings.config = { ...settings.config, schedule: demoSchedule(now) };
    ({ app, db } = await openApp(settings, () => now));
  }

  const asRegistry = () => app.actAs({ userId: 'demo-registry', name: '註冊組 林組長', school: app.config.code, roles: ['registry-staff'] });

  it('marks this term’s 校內幹部經歷 roster submitted: its history holds the snapshot, and nothing changed since', async () => {
    await open(true);
    expect(await seedDemo(app)).toBe(true);
    const caller = registry.router.createCaller(await asRegistry());
    const { snapshots } = await caller.rosters.snapshots({ academicYear: 115, roster: 'cadres', batch: 'regular' });
    expect(snapshots).toEqual([expect.objectContaining({ submittedByName: '註冊組 林組長', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) })]);
    expect(snapshots[0]!.studentCount).toBeGreaterThan(0);
    const changes = await caller.rosters.changes({ academicYear: 115, semester: 1, roster: 'cadres', batch: 'regular' });
    expect([changes.added, changes.removed, changes.changed]).toEqual([[], [], []]);
  });

  it('routes last term’s issue on 課程學習成果 to 王美玲, who decided the outcome, above her screen', async () => {
    await open(true);
    await seedDemo(app);
    const wang = await app.actAs({ userId: 'demo-t-wang', name: '王美玲', school: app.config.code, roles: ['subject-teacher'] });
    const issues = await receipt.router.createCaller(wang).issues.list({});
    expect(issues).toEqual([expect.objectContaining({ rosterName: '課程學習成果', status: 'open', routedTo: expect.objectContaining({ office: 'subject-teacher', ownerName: '王美玲' }) })]);
  });

  it('submits nothing while no roster-submission window is scheduled', async () => {
    await open(false);
    await seedDemo(app);
    expect(await db.kysely.selectFrom('roster_snapshots' as never).selectAll().execute()).toEqual([]);
  });
});
