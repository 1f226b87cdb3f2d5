import { afterEach, describe, expect, it } from 'vitest';
import { sql, type Kysely } from 'kysely';
import { testDialects } from '@licheng/db/testing';
import { writeAudit } from '../audit.ts';
import { createTestLicheng, TEST_SCHOOL, type TestLicheng } from '../testing/index.ts';
import { AUDIT_APPEND_ONLY_MESSAGE } from './audit-migration.ts';
import type { PlatformDatabase } from './tables.ts';

describe.each(testDialects())('the audit trail is append-only in the database on %s', (dialect) => {
  let t: TestLicheng;
  afterEach(async () => t?.close());

  async function oneEntry() {
    t = await createTestLicheng({ dialect, plugins: [] });
    return writeAudit(t.db.kysely, {
      school: TEST_SCHOOL,
      actor: { userId: 'r-staff', name: '註冊組長' },
      role: 'registry-staff',
      action: 'record.certify.pass',
      entity: 'record',
      entityId: 'rec-1',
      before: { status: 'pending', summary: '報告' },
      after: { status: 'passed', summary: '報告' },
      at: new Date('2025-10-01T04:00:00Z'),
    });
  }

  it('keeps only the fields that changed, and still accepts new rows', async () => {
    const id = await oneEntry();
    const row = await t.db.kysely.selectFrom('audit_log').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(JSON.parse(row.before!)).toEqual({ status: 'pending' });
    expect(JSON.parse(row.after!)).toEqual({ status: 'passed' });
    await sql`INSERT INTO audit_log (id, school_code, actor_id, actor_name, actor_role, action, entity, entity_id, at) VALUES ('raw-1', ${TEST_SCHOOL}, 'x', 'x', 'admin', 'raw.insert', 'record', 'rec-2', '2025-10-01T05:00:00.000Z')`.execute(t.db.kysely);
    expect(await t.db.kysely.selectFrom('audit_log').select('id').orderBy('at').execute()).toHaveLength(2);
  });

  it('refuses UPDATE of an audit row, by raw SQL and by the query builder', async () => {
    const id = await oneEntry();
    await expect(sql`UPDATE audit_log SET after = '{"status":"failed"}' WHERE id = ${id}`.execute(t.db.kysely)).rejects.toThrow(AUDIT_APPEND_ONLY_MESSAGE);
    await expect(t.db.kysely.updateTable('audit_log').set({ actor_name: '別人' }).execute()).rejects.toThrow(AUDIT_APPEND_ONLY_MESSAGE);
    const row = await t.db.kysely.selectFrom('audit_log').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect([row.actor_name, JSON.parse(row.after!)]).toEqual(['註冊組長', { status: 'passed' }]);
  });

  it('refuses DELETE of an audit row, one row or all of them', async () => {
    const id = await oneEntry();
    await expect(sql`DELETE FROM audit_log WHERE id = ${id}`.execute(t.db.kysely)).rejects.toThrow(AUDIT_APPEND_ONLY_MESSAGE);
    await expect(sql`DELETE FROM audit_log`.execute(t.db.kysely)).rejects.toThrow(AUDIT_APPEND_ONLY_MESSAGE);
    expect(await t.db.kysely.selectFrom('audit_log').select('id').execute()).toEqual([{ id }]);
  });

  it('refuses inside a transaction too, and the transaction’s other writes roll back with it', async () => {
    const id = await oneEntry();
    const attempt = (t.db.kysely as Kysely<PlatformDatabase>).transaction().execute(async (trx) => {
      await writeAudit(trx, { school: TEST_SCHOOL, actor: { userId: 'x', name: 'x' }, role: 'admin', action: 'cover.up', entity: 'record', entityId: 'rec-1', at: new Date() });
      await trx.deleteFrom('audit_log').where('id', '=', id).execute();
    });
    await expect(attempt).rejects.toThrow(AUDIT_APPEND_ONLY_MESSAGE);
    expect(await t.db.kysely.selectFrom('audit_log').select('id').execute()).toEqual([{ id }]);
  });
});
