import { afterEach, describe, expect, it } from 'vitest';
import { testDialects } from '@licheng/db/testing';
import { createTestLicheng, seedRoster, setTestSchedule, users, type TestLicheng } from '@licheng/server/testing';
import student from './index.ts';
import { performanceForm, performanceSchedule } from './performance-testing.ts';

describe.each(testDialects())('the selection (勾選) of performances on %s', (dialect) => {
  let t: TestLicheng;
  afterEach(async () => t?.close());

  /** Chen enters `n` performances; the last `registered` of them become records the school registered (校內幹部, a registered competition). */
  async function start(n: number, registered = 0) {
    t = await createTestLicheng({ dialect, plugins: [student], config: { schedule: performanceSchedule } });
    await seedRoster(t);
    const ids: string[] = [];
    for (let i = 0; i < n + registered; i++) {
      const res = await t.upload('student.performances.upload', performanceForm(i % 2 ? 'performance-work' : 'performance-service', { summary: `表現 ${i}` }), users.chen);
      expect(res.error).toBeNull();
      ids.push(res.data.id);
    }
    const school = ids.slice(n);
    for (const [i, id] of school.entries()) {
      await t.db.kysely.updateTable('records' as any).set({ kind: i % 2 ? 'competition-in' : 'cadre', entered_by: 'sa-staff', entered_role: 'activities-staff' } as any).where('id', '=', id).execute();
    }
    return { mine: ids.slice(0, n), school };
  }

  const get = async (user = users.chen) => (await t.query('student.performances.selection.get', { academicYear: 114 }, user)).data;
  const save = (recordIds: string[], user = users.chen) => t.mutate('student.performances.selection.save', { academicYear: 114, recordIds }, user);

  it('takes at most 10 a year of what the student entered; the records the school registered are shown beside them and do not count', async () => {
    const { mine, school } = await start(12, 2);
    const before = await get();
    expect(before).toMatchObject({ cap: 10, recordIds: [], window: { state: 'open' } });
    expect(before.items.map((i: any) => i.id)).toEqual(mine);
    expect(before.registered.map((i: any) => [i.id, i.kind, i.label['zh-TW']])).toEqual([
      [school[0], 'cadre', '校內幹部經歷'],
      [school[1], 'competition-in', '校內外競賽'],
    ]);
    const tooMany = await save(mine.slice(0, 11));
    expect(tooMany.error?.licheng?.code).toBe('selection-cap-reached');
    const ten = await save(mine.slice(0, 10));
    expect(ten.data).toEqual({ academicYear: 114, recordIds: mine.slice(0, 10), cap: 10 });
    // A registered record is not the student's to select (it goes anyway, not counting).
    const withSchool = await save([...mine.slice(0, 9), school[0]!]);
    expect(withSchool.status).toBe(404);
    expect(withSchool.error?.licheng?.code).toBe('not-found');
    expect((await get()).recordIds.sort()).toEqual(mine.slice(0, 10).sort());
    // Outcomes' selection is another bucket: a performance is not an outcome.
    expect((await t.mutate('student.selections.save', { academicYear: 114, recordIds: [mine[0]] }, users.chen)).status).toBe(404);
  });

  it('holds the cap in the transaction under concurrent saves: the selection is exactly one of the saves', async () => {
    const { mine } = await start(14);
    const sets = [mine.slice(0, 10), mine.slice(4, 14), mine.slice(2, 12), [...mine.slice(0, 5), ...mine.slice(9, 14)]];
    const results = await Promise.all(sets.map((ids) => save(ids)));
    expect(results.every((r) => r.error === null)).toBe(true);
    const chosen = (await get()).recordIds.sort();
    expect(chosen).toHaveLength(10);
    expect(sets.some((ids) => JSON.stringify([...ids].sort()) === JSON.stringify(chosen))).toBe(true);
    const rows = await t.db.kysely.selectFrom('selections' as any).select('record_id' as any).where('kind' as any, '=', 'performance').execute();
    expect(rows).toHaveLength(10);
  });

  it("refuses another student's performance as not found, a withdrawn one, and saving outside the window", async () => {
    const { mine } = await start(2);
    const lin = await t.upload('student.performances.upload', performanceForm('performance-work'), users.lin);
    expect((await save([lin.data.id])).status).toBe(404);
    expect((await t.mutate('student.performances.withdraw', { id: mine[1], version: 1, reason: '重複' }, users.chen)).error).toBeNull();
    expect((await save([mine[1]!])).error?.licheng?.code).toBe('not-found');
    expect((await get()).items.map((i: any) => i.id)).toEqual([mine[0]]);
    await setTestSchedule(t, [{ activity: 'performance-selection', academicYear: 114, semester: 0, start: '2025-08-01', end: '2025-09-30' }]);
    expect((await get()).window.state).toBe('closed');
    expect((await save([mine[0]!])).error?.licheng?.code).toBe('window-closed');
  });
});
