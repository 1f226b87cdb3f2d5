import { afterEach, describe, expect, it } from 'vitest';
import { testDialects } from '@licheng/db/testing';
import { createTestLicheng, seedRoster, users, type TestLicheng, type TestUser } from '@licheng/server/testing';
import registryPlugin from '@licheng/plugin-registry/server';
import plugin from './index.ts';
import { chen, chenUser, COURSE, importZip, receiptZip, registry, rosterJson, setDay, standardFiles } from './test-support.ts';

const CHANGES = { academicYear: 114, semester: 1, roster: 'outcomes', batch: 'regular' } as const;

/**
 * The registry's "what changed since" (registry.rosters.changes) lists the records corrected after
 * a receipt issue through the platform service this office provides — the registry never imports
 * the receipt office.
 */
describe.each(testDialects())('corrections waiting for the next submission, seen by the registry, on %s', (dialect) => {
  let t: TestLicheng;
  afterEach(async () => t?.close());

  async function start(plugins: Array<typeof plugin | typeof registryPlugin>) {
    t = await createTestLicheng({ dialect, plugins });
    await seedRoster(t);
    setDay(t, '2025-10-03');
  }

  it('lists a corrected outcome under roster 26 of its year, and none under 24', async () => {
    await start([registryPlugin, plugin]);
    setDay(t, '2025-10-01');
    const imported = await importZip(t, await receiptZip({ ...standardFiles(), [COURSE]: rosterJson('課程學習成果', [{ ...chen, 學期課程學習成果: [{ 課程代碼: '108123456E22L0101020005', 成果簡述: '閱讀心得' }] }]) }));
    expect(imported.error).toBeNull();
    setDay(t, '2025-10-03');
    const mine = (await t.query('receipt.mine', undefined, chenUser)).data;
    const item = mine.batches[0].items.find((i: any) => i.rosterName === '課程學習成果');
    const issue = (await t.mutate('receipt.raiseIssue', { itemId: item.id, text: '成果簡述有誤' }, chenUser)).data;
    expect((await t.query('registry.rosters.changes', CHANGES, registry)).data.pendingCorrections).toEqual([]);

    expect((await t.mutate('receipt.issues.answer', { issueId: issue.id, answer: '已更正', corrected: true }, registry)).error).toBeNull();
    const changes = (await t.query('registry.rosters.changes', CHANGES, registry)).data;
    // Each names its student, so the office knows whose row waits for resubmission.
    expect(changes.pendingCorrections).toMatchObject([{ issueId: issue.id, rosterKind: 26, rosterName: '課程學習成果', batch: { academicYear: 114 }, student: { studentNo: 'S001', name: '陳小明', className: '101', seatNo: 1 } }]);
    expect((await t.query('registry.rosters.changes', { ...CHANGES, roster: 'cadres' }, registry)).data.pendingCorrections).toEqual([]);
    expect((await t.query('registry.rosters.changes', { ...CHANGES, academicYear: 113 }, registry)).data.pendingCorrections).toEqual([]);
  });

  it('has none to show while the receipt office is off', async () => {
    await start([registryPlugin]);
    expect((await t.query('registry.rosters.changes', CHANGES, users.registry as TestUser)).data.pendingCorrections).toEqual([]);
  });
});
