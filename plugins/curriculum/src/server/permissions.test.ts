import { afterEach, describe, expect, it } from 'vitest';
import { testDialects } from '@licheng/db/testing';
import type { TestLicheng, TestUser } from '@licheng/server/testing';
import { curriculumApp, importPlan, matchingPlan, planCsv, planForm, registry, staff, student, teacher } from './test-support.ts';

const TERM = { academicYear: 114, semester: 1 };

describe.each(testDialects())('who may use the curriculum office on %s', (dialect) => {
  let t: TestLicheng;
  afterEach(async () => t?.close());
  const get = async (path: string, user?: TestUser) => t.app.request(path, { headers: user ? { authorization: `Bearer ${await t.token(user)}` } : {} });

  it('refuses students and teachers everything; registry staff read but change nothing', async () => {
    ({ t } = await curriculumApp(dialect));
    const { version } = await importPlan(t, matchingPlan());
    const run = (await t.mutate('curriculum.precheck.run', TERM, staff)).data;
    for (const user of [student, teacher]) {
      expect((await t.query('curriculum.plan.versions', {}, user)).status).toBe(403);
      expect((await t.query('curriculum.precheck.status', TERM, user)).status).toBe(403);
      expect((await t.query('curriculum.precheck.differences', { runId: run.id }, user)).status).toBe(403);
      expect((await get(`/api/curriculum/precheck/export.xlsx?runId=${run.id}`, user)).status).toBe(403);
    }
    expect((await t.query('curriculum.plan.version', { versionId: version.id }, registry)).error).toBeNull();
    expect((await t.query('curriculum.classGroups.list', { academicYear: 114 }, registry)).data).toEqual([{ className: '101', grade: 1, classGroup: null }]);
    expect((await t.upload('curriculum.plan.commit', planForm(planCsv(matchingPlan()), 'plan.csv'), registry)).status).toBe(403);
    expect((await t.mutate('curriculum.precheck.run', TERM, registry)).status).toBe(403);
    expect((await t.mutate('curriculum.plan.restore', { versionId: version.id }, registry)).status).toBe(403);
    expect((await t.mutate('curriculum.classGroups.set', { academicYear: 114, className: '101', classGroup: 'A' }, registry)).status).toBe(403);
    expect((await t.query('curriculum.plan.versions', {})).status).toBe(401);
  });

  it("reads another school's plan version or run as not found", async () => {
    ({ t } = await curriculumApp(dialect));
    const { version } = await importPlan(t, matchingPlan());
    const run = (await t.mutate('curriculum.precheck.run', TERM, staff)).data;
    await t.db.kysely.updateTable('curriculum_plan_versions' as any).set({ school_code: '654321' } as any).execute();
    await t.db.kysely.updateTable('curriculum_precheck_runs' as any).set({ school_code: '654321' } as any).execute();
    expect((await t.query('curriculum.plan.version', { versionId: version.id }, staff)).status).toBe(404);
    expect((await t.mutate('curriculum.plan.restore', { versionId: version.id }, staff)).status).toBe(404);
    expect((await t.query('curriculum.plan.version', { versionId: 'no-such-id' }, staff)).status).toBe(404);
    expect((await t.query('curriculum.precheck.differences', { runId: run.id }, registry)).status).toBe(404);
    expect((await get(`/api/curriculum/precheck/export.xlsx?runId=${run.id}`, staff)).status).toBe(404);
    expect((await t.query('curriculum.plan.versions', {}, staff)).data).toEqual([]);
  });

  it('sets a class group only for a class of that year and only as 0-4 or a letter', async () => {
    ({ t } = await curriculumApp(dialect));
    const unknown = await t.mutate('curriculum.classGroups.set', { academicYear: 114, className: '999', classGroup: 'A' }, staff);
    expect(unknown.error?.licheng?.code).toBe('class-unknown');
    const bad = await t.mutate('curriculum.classGroups.set', { academicYear: 114, className: '101', classGroup: '7' }, staff);
    expect(bad.status).toBe(400);
    expect(bad.error?.message).toMatch(/^classGroup: /);
    await t.mutate('curriculum.classGroups.set', { academicYear: 114, className: '101', classGroup: 'A' }, staff);
    await t.mutate('curriculum.classGroups.set', { academicYear: 114, className: '101', classGroup: 'B' }, staff);
    expect((await t.query('curriculum.classGroups.list', { academicYear: 114 }, staff)).data).toEqual([{ className: '101', grade: 1, classGroup: 'B' }]);
  });
});
