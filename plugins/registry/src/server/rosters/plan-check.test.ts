import { afterEach, describe, expect, it } from 'vitest';
import { newId } from '@licheng/db';
import { testDialects } from '@licheng/db/testing';
import curriculum from '@licheng/plugin-curriculum/server';
import { createTestLicheng, setTestSchedule, testRoster, users, type TestLicheng } from '@licheng/server/testing';
import registry from '../index.ts';
import { ROSTER_WINDOWS } from '../test-support.ts';
import { seedOutcomes } from './outcome-fixtures.ts';

const OUTCOMES = { academicYear: 114, semester: 1, roster: 'outcomes' } as const;
const [CHINESE, PHYSICS] = testRoster.courses.map((c) => c.code) as [string, string];

/**
 * A course code not in the course plan (課程計畫) of its 實施學年度 — the year the code begins with —
 * is what the central database rejects: the check reads the curriculum office's current plan and
 * keeps the row back for 教學組; with the curriculum office off there is no plan to check.
 */
describe.each(testDialects())('the course-plan check of a roster on %s', (dialect) => {
  let t: TestLicheng;
  afterEach(async () => t?.close());
  const db = () => t.db.kysely as any;

  async function start(plugins: Array<typeof registry | typeof curriculum>) {
    t = await createTestLicheng({ dialect, plugins });
    await setTestSchedule(t, ROSTER_WINDOWS);
    await seedOutcomes(t, [
      { student: 'S001', course: '國語文', summary: '紅樓夢' },
      { student: 'S001', course: '物理', summary: '落體' },
    ]);
  }

  /** The 108 plan (the codes begin 108) lists 國語文 only. */
  async function seedPlan() {
    await db().insertInto('curriculum_plan_versions').values({ id: 'plan-108', school_code: t.config.code, plan_year: 108, version: 1, source_name: 'plan.xlsx', source_sha256: 'a'.repeat(64), line_count: 1, imported_by: 'c', imported_by_name: '教學組長', imported_at: '2025-08-20T00:00:00.000Z' }).execute();
    await db()
      .insertInto('curriculum_plan_lines')
      .values({ id: newId(), school_code: t.config.code, version_id: 'plan-108', code: CHINESE, course_type: '日', subject_name: '國語文', credits: '440000', offering_modes: '------', attributes: CHINESE.charAt(16) + CHINESE.charAt(18) + CHINESE.slice(19, 21), entry_year: 108, class_group: '0', category: CHINESE.charAt(16), subject_attribute: CHINESE.charAt(18), domain: CHINESE.slice(19, 21) })
      .execute();
  }

  it('finds the code the plan lacks, for 教學組, and the export keeps that row back', async () => {
    await start([registry, curriculum]);
    await seedPlan();
    const res = (await t.query('registry.rosters.validate', OUTCOMES, users.registry)).data;
    expect(res).toMatchObject({ planChecked: true, rowCount: 1, reviewCount: 1 });
    expect(res.findings.map((f: any) => [f.code, f.office])).toEqual([['course-not-in-plan', 'curriculum-staff']]);
    const exported = (await t.mutate('registry.rosters.export', OUTCOMES, users.registry)).data;
    expect(exported).toMatchObject({ rowCount: 1, review: { rowCount: 1 } });
    expect(PHYSICS.startsWith('108')).toBe(true);
  });

  it('does not check without a plan of that year, nor with the curriculum office off', async () => {
    await start([registry, curriculum]);
    expect((await t.query('registry.rosters.validate', OUTCOMES, users.registry)).data).toMatchObject({ planChecked: false, rowCount: 2, findings: [] });
    await t.close();
    await start([registry]);
    expect((await t.query('registry.rosters.validate', OUTCOMES, users.registry)).data).toMatchObject({ planChecked: false, rowCount: 2, findings: [] });
  });
});
