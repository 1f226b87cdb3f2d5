import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type LichengDb } from '@licheng/db';
import { testDialects } from '@licheng/db/testing';
import { enabledPluginJobs, startJobRunner } from '@licheng/server';
import { createTestLicheng, seedRoster, type TestLicheng } from '@licheng/server/testing';
import { recordDeemedConfirmations } from './deemed-confirmed.ts';
import plugin from './index.ts';
import { chenUser, importZip, linUser, receiptZip, registry, rows, setDay, standardFiles } from './test-support.ts';

describe.each(testDialects())('recording silent items as deemed confirmed on %s', (dialect) => {
  let t: TestLicheng;
  let second: LichengDb | null = null;
  afterEach(async () => {
    await second?.destroy();
    second = null;
    await t?.close();
  });

  /** The usual receipt (window 2025-10-02 – 2025-10-06): chen confirms 校內幹部經歷, lin raises an issue on theirs. */
  async function start() {
    t = await createTestLicheng({ dialect, plugins: [plugin] });
    await seedRoster(t);
    const res = await importZip(t, await receiptZip(standardFiles()));
    expect(res.data?.ok).toBe(true);
    setDay(t, '2025-10-03');
    const items = async (user: typeof chenUser) => (await t.query('receipt.mine', undefined, user)).data.batches[0].items as Array<{ id: string; rosterName: string }>;
    const [chenCadre] = await items(chenUser);
    const [linCadre] = await items(linUser);
    await t.mutate('receipt.confirm', { itemIds: [chenCadre!.id] }, chenUser);
    const issue = await t.mutate('receipt.raiseIssue', { itemId: linCadre!.id, text: '職務有誤' }, linUser);
    return { batchId: res.data.batchId as string, issueId: issue.data.id as string };
  }

  const statuses = async () => (await rows(t, 'receipt_items')).map((r) => [r.status, r.deemed_confirmed_at]).sort((a, b) => String(a[0]).localeCompare(String(b[0])));

  it('waits for the window to end, then records each still-pending item once, with the time, audited', async () => {
    const { batchId } = await start();
    setDay(t, '2025-10-06'); // the window's last day: nothing yet
    expect(await recordDeemedConfirmations(t.db.kysely as any, t.config.code, t.clock.now)).toEqual({ batches: 0, items: 0 });
    setDay(t, '2025-10-07');
    expect(await recordDeemedConfirmations(t.db.kysely as any, t.config.code, t.clock.now)).toEqual({ batches: 1, items: 1 });
    expect(await statuses()).toEqual([
      ['confirmed', null],
      ['deemed-confirmed', '2025-10-07T04:00:00.000Z'],
      ['issue', null],
    ]);
    // Twice changes nothing.
    t.clock.now = new Date(t.clock.now.getTime() + 3_600_000);
    expect(await recordDeemedConfirmations(t.db.kysely as any, t.config.code, t.clock.now)).toEqual({ batches: 0, items: 0 });
    expect((await statuses())[1]).toEqual(['deemed-confirmed', '2025-10-07T04:00:00.000Z']);

    const audit = await t.db.kysely.selectFrom('audit_log').select(['action', 'entity_id', 'actor_id', 'parent_id']).where('action', 'like', '%deem-confirmed').orderBy('action').execute();
    expect(audit.map((a) => [a.action, a.actor_id])).toEqual([
      ['receipt.batch.deem-confirmed', 'licheng:receipt-job'],
      ['receipt.item.deem-confirmed', 'licheng:receipt-job'],
    ]);
    expect(audit[0]!.entity_id).toBe(batchId);
    expect(audit[1]!.parent_id).not.toBeNull();
    // The student and the office read it as deemed confirmed.
    const chenItems = (await t.query('receipt.mine', undefined, chenUser)).data.batches[0].items;
    expect(chenItems.map((i: any) => [i.rosterName, i.status, i.deemedConfirmedAt])).toEqual([
      ['校內幹部經歷', 'confirmed', null],
      ['課程學習成果', 'deemed-confirmed', '2025-10-07T04:00:00.000Z'],
    ]);
    const progress = (await t.query('receipt.batches.progress', { batchId }, registry)).data.rosters;
    expect(progress.find((r: any) => r.kind === 26)).toMatchObject({ deemedConfirmed: 1, pending: 0 });
  });

  it('records an item freed by a late answer on the next run', async () => {
    const { issueId } = await start();
    setDay(t, '2025-10-08');
    await recordDeemedConfirmations(t.db.kysely as any, t.config.code, t.clock.now);
    expect((await t.mutate('receipt.issues.answer', { issueId, answer: '經查無誤', corrected: false }, registry)).error).toBeNull();
    expect((await statuses()).map((s) => s[0])).toEqual(['confirmed', 'deemed-confirmed', 'pending']);
    t.clock.now = new Date(t.clock.now.getTime() + 3_600_000);
    expect(await recordDeemedConfirmations(t.db.kysely as any, t.config.code, t.clock.now)).toEqual({ batches: 1, items: 1 });
    expect((await statuses()).map((s) => s[0])).toEqual(['confirmed', 'deemed-confirmed', 'deemed-confirmed']);
  });

  it('runs once on the platform’s job runner however many processes run it, as the office declares it', async () => {
    await start();
    setDay(t, '2025-10-09');
    second = openDatabase({ url: t.db.url });
    const lines: string[] = [];
    const quiet = { tickMs: 0, now: () => t.clock.now, log: (line: string) => lines.push(line), logError: (line: string) => lines.push(line) };
    const config = { ...t.config, plugins: { ...t.config.plugins, enabled: ['receipt'] } };
    const a = startJobRunner(t.db.kysely as any, { ...quiet, holder: 'process-a', jobs: enabledPluginJobs(config, [plugin], t.db.kysely as any) });
    const b = startJobRunner(second.kysely, { ...quiet, holder: 'process-b', jobs: enabledPluginJobs(config, [plugin], second.kysely) });
    await Promise.all([a.tick(), b.tick()]);
    await Promise.all([b.tick(), a.tick()]);
    await Promise.all([a.stop(), b.stop()]);
    expect(lines).toEqual([`[licheng] job receipt-deemed-confirmed:${t.config.code}: 1 receipt items of 1 batches recorded as deemed confirmed`]);
    const audit = await t.db.kysely.selectFrom('audit_log').select('action').where('action', '=', 'receipt.item.deem-confirmed').execute();
    expect(audit).toHaveLength(1);
  });
});
