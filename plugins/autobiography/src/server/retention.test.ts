import { afterEach, describe, expect, it } from 'vitest';
import { testDialects } from '@licheng/db/testing';
import { runRetention, upsertStatusChanges } from '@licheng/server';
import type { TestLicheng } from '@licheng/server/testing';
import plugin from './index.ts';
import { people, saveText, submitted, writingSchool } from './test-support.ts';

describe.each(testDialects())('purging a graduate’s autobiography on %s', (dialect) => {
  let t: TestLicheng;
  afterEach(async () => t?.close());

  it('deletes the documents, versions and checks on the purge date, not a day before, once; other students’ stay', async () => {
    t = await writingSchool(dialect);
    const id = await submitted(t, people.chen);
    expect((await t.mutate('autobiography.checks.decide', { documentId: id, version: 1, decision: 'pass' }, people.wang)).error).toBeNull();
    expect((await saveText(t, people.lin, '我是林小華。', 0)).error).toBeNull();
    await upsertStatusChanges(t.db.kysely as never, t.config.code, [{ studentNo: 'S001', date: '2026-06-15', kind: 'graduate', statusCode: '900', note: '' }], t.clock.now);
    const db = t.db.kysely as any;
    const rows = async () => ({
      documents: (await db.selectFrom('autobiography_documents').select('student_id').execute()).length,
      versions: (await db.selectFrom('autobiography_versions').select('id').execute()).length,
      checks: (await db.selectFrom('autobiography_checks').select('id').execute()).length,
      records: (await db.selectFrom('records').select('id').execute()).length,
    });
    expect(await rows()).toEqual({ documents: 2, versions: 2, checks: 1, records: 1 });

    // 2031-06-15 00:00 in Taipei is 2031-06-14T16:00Z: five years from graduation.
    expect((await runRetention(t.db.kysely as never, dialect, t.config, new Date('2031-06-14T15:59:59Z'), [plugin])).purged).toEqual([]);
    expect(await rows()).toEqual({ documents: 2, versions: 2, checks: 1, records: 1 });

    const onTheDay = await runRetention(t.db.kysely as never, dialect, t.config, new Date('2031-06-14T16:00:00Z'), [plugin]);
    expect(onTheDay.purged.map((p) => [p.studentNo, p.records, p.offices])).toEqual([
      [
        'S001',
        1,
        [
          { office: 'autobiography', table: 'autobiography_checks', rows: 1 },
          { office: 'autobiography', table: 'autobiography_versions', rows: 1 },
          { office: 'autobiography', table: 'autobiography_documents', rows: 1 },
        ],
      ],
    ]);
    expect(await rows()).toEqual({ documents: 1, versions: 1, checks: 0, records: 0 });
    const lin = await db.selectFrom('students').select('id').where('student_no', '=', 'S002').executeTakeFirstOrThrow();
    expect(await db.selectFrom('autobiography_documents').select('student_id').execute()).toEqual([{ student_id: lin.id }]);

    const again = await runRetention(t.db.kysely as never, dialect, t.config, new Date('2031-07-01T00:00:00Z'), [plugin]);
    expect(again.purged).toEqual([]);
    expect(await rows()).toEqual({ documents: 1, versions: 1, checks: 0, records: 0 });
    const purge = await db.selectFrom('retention_purges').selectAll().executeTakeFirstOrThrow();
    expect(JSON.parse(purge.offices)).toHaveLength(3);
  });
});
