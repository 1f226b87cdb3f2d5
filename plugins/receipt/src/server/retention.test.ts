import { afterEach, describe, expect, it } from 'vitest';
import { testDialects } from '@licheng/db/testing';
import { runRetention, upsertStatusChanges } from '@licheng/server';
import { createTestLicheng, seedRoster, type TestLicheng } from '@licheng/server/testing';
import plugin from './index.ts';
import { chenUser, importZip, linUser, receiptZip, rows, setDay, standardFiles } from './test-support.ts';

describe.each(testDialects())('purging a graduate’s receipt rows on %s', (dialect) => {
  let t: TestLicheng;
  afterEach(async () => t?.close());

  it('deletes the graduate’s items and issues on the purge date, not a day before, once; the batch and other students’ items stay', async () => {
    t = await createTestLicheng({ dialect, plugins: [plugin] });
    await seedRoster(t);
    const imported = await importZip(t, await receiptZip(standardFiles()));
    expect(imported.data?.ok).toBe(true);
    setDay(t, '2025-10-03');
    const [linCadre] = (await t.query('receipt.mine', undefined, linUser)).data.batches[0].items as Array<{ id: string }>;
    expect((await t.mutate('receipt.raiseIssue', { itemId: linCadre!.id, text: '職務有誤' }, linUser)).error).toBeNull();
    await upsertStatusChanges(t.db.kysely as never, t.config.code, [{ studentNo: 'S002', date: '2026-06-15', kind: 'graduate', statusCode: '900', note: '' }], t.clock.now);
    const counts = async () => ({ items: (await rows(t, 'receipt_items')).length, issues: (await rows(t, 'receipt_issues')).length, batches: (await rows(t, 'receipt_batches')).length });
    expect(await counts()).toEqual({ items: 3, issues: 1, batches: 1 });

    expect((await runRetention(t.db.kysely as never, dialect, t.config, new Date('2031-06-14T15:59:59Z'), [plugin])).purged).toEqual([]);
    expect(await counts()).toEqual({ items: 3, issues: 1, batches: 1 });

    const onTheDay = await runRetention(t.db.kysely as never, dialect, t.config, new Date('2031-06-14T16:00:00Z'), [plugin]);
    expect(onTheDay.purged.map((p) => [p.studentNo, p.offices])).toEqual([
      [
        'S002',
        [
          { office: 'receipt', table: 'receipt_issues', rows: 1 },
          { office: 'receipt', table: 'receipt_items', rows: 1 },
        ],
      ],
    ]);
    expect(await counts()).toEqual({ items: 2, issues: 0, batches: 1 });
    expect((await t.query('receipt.mine', undefined, chenUser)).data.batches[0].items).toHaveLength(2);

    expect((await runRetention(t.db.kysely as never, dialect, t.config, new Date('2031-07-01T00:00:00Z'), [plugin])).purged).toEqual([]);
    expect(await counts()).toEqual({ items: 2, issues: 0, batches: 1 });
  });
});
