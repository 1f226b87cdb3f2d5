import { afterEach, describe, expect, it } from 'vitest';
import { testDialects } from '@licheng/db/testing';
import { createTestLicheng, seedRoster, setTestSchedule, type TestLicheng } from '@licheng/server/testing';
import plugin from './index.ts';
import { chenUser, importZip, receiptZip, setDay, standardFiles } from './test-support.ts';

/**
 * The school's own 收訖明細確認 window in its schedule (作業期程), set by the working group, holds
 * on top of the batch's window: a class whose window has closed can no longer confirm or raise
 * an issue, while the batch's window is still open.
 */
describe.each(testDialects())('receipt confirmation within the school’s schedule on %s', (dialect) => {
  let t: TestLicheng;
  afterEach(async () => t?.close());

  /** The usual receipt, its batch window 2025-10-02 – 2025-10-06 (114-1). */
  async function start(schedule: unknown[]) {
    t = await createTestLicheng({ dialect, plugins: [plugin] });
    await seedRoster(t);
    expect((await importZip(t, await receiptZip(standardFiles()))).data?.ok).toBe(true);
    await setTestSchedule(t, schedule);
  }
  const items = async () => (await t.query('receipt.mine', undefined, chenUser)).data.batches[0].items as Array<{ id: string }>;
  const window = { activity: 'receipt-confirmation', academicYear: 114, semester: 1, start: '2025-10-02', end: '2025-10-06' };

  it('refuses confirming and raising an issue after the class’s staggered window has closed', async () => {
    await start([window, { ...window, classes: ['101'], end: '2025-10-04' }]);
    setDay(t, '2025-10-05');
    const [cadre, outcome] = await items();
    const confirm = await t.mutate('receipt.confirm', { itemIds: [cadre!.id] }, chenUser);
    expect(confirm.status).toBe(403);
    expect(confirm.error?.licheng).toEqual({ code: 'window-closed', params: { activity: 'receipt-confirmation', end: '2025-10-04' } });
    const issue = await t.mutate('receipt.raiseIssue', { itemId: outcome!.id, text: '成果數量不對' }, chenUser);
    expect(issue.error?.licheng?.code).toBe('window-closed');
  });

  it('lets the student confirm inside the schedule’s window, and refuses before it opens', async () => {
    await start([{ ...window, start: '2025-10-03' }]);
    setDay(t, '2025-10-02');
    const [cadre] = await items();
    const early = await t.mutate('receipt.confirm', { itemIds: [cadre!.id] }, chenUser);
    expect(early.error?.licheng).toEqual({ code: 'window-not-open', params: { activity: 'receipt-confirmation', start: '2025-10-03' } });
    setDay(t, '2025-10-03');
    expect((await t.mutate('receipt.confirm', { itemIds: [cadre!.id] }, chenUser)).error).toBeNull();
  });

  it('leaves the batch’s window alone in charge when the schedule sets none for the term', async () => {
    await start([{ ...window, academicYear: 115 }]);
    setDay(t, '2025-10-05');
    const [cadre] = await items();
    expect((await t.mutate('receipt.confirm', { itemIds: [cadre!.id] }, chenUser)).error).toBeNull();
  });
});
