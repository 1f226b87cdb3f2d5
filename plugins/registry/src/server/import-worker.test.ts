import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { databaseLocation, openDatabaseAt, type LichengDb } from '@licheng/db';
import { testDialects } from '@licheng/db/testing';
import { stopOffThreadWorker } from '@licheng/server';
import { createTestLicheng, users, type TestLicheng } from '@licheng/server/testing';
import registry from './index.ts';
import { fileOf, importForm, studentsSheet } from './test-support.ts';

/** A valid 身分證字號 for the n-th student of a generated roster (area letter A, check digit computed). */
function nationalId(n: number): string {
  const body = `2${String(n).padStart(7, '0')}`;
  const sum = 1 + [...body].reduce((acc, d, i) => acc + Number(d) * [8, 7, 6, 5, 4, 3, 2, 1][i]!, 0);
  return `A${body}${(10 - (sum % 10)) % 10}`;
}

function rosterCsv(rows: number, name = (i: number) => `學生${i}`, className = (i: number) => String(3000 + Math.floor(i / 50))): Uint8Array {
  const lines = Array.from({ length: rows }, (_, i) => `N${i},${name(i)},${nationalId(i)},2009-05-12,1,${className(i)},${(i % 50) + 1},日間部,n${i}`);
  return new TextEncoder().encode(`${studentsSheet[0]!.join(',')}\n${lines.join('\n')}\n`);
}

const ROWS = 20_000;

describe.each(testDialects())('a roster import in the worker thread on %s', (dialect) => {
  let t: TestLicheng;
  let probe: LichengDb | null = null;
  afterEach(async () => {
    await probe?.destroy();
    probe = null;
    await t?.close();
  });

  const db = () => t.db.kysely as any;
  const count = async (table: string) => Number((await db().selectFrom(table).select((eb: any) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const run = (bytes: Uint8Array) => t.upload('registry.imports.run', importForm('students', fileOf(bytes, 'students.csv')), users.registry);

  /**
   * Whether some other connection holds a write transaction open on the test database right
   * now: SQLite refuses a second writer at once (no busy wait on this connection); MariaDB
   * refuses, without waiting, to lock the rows the import has inserted but not committed.
   */
  async function writeTransactionOpen(): Promise<boolean> {
    probe ??= openDatabaseAt(databaseLocation(t.db.kysely)!);
    if (dialect === 'sqlite') {
      await sql`PRAGMA busy_timeout = 0`.execute(probe.kysely);
      try {
        await sql`BEGIN IMMEDIATE`.execute(probe.kysely);
      } catch {
        return true;
      }
      await sql`ROLLBACK`.execute(probe.kysely);
      return false;
    }
    // A locking read meets the rows the import inserted and holds: NOWAIT refuses it at once.
    try {
      await probe.kysely.transaction().execute((trx) => sql`SELECT id FROM students FOR UPDATE NOWAIT`.execute(trx));
      return false;
    } catch {
      return true;
    }
  }

  async function untilWriting(importing: Promise<unknown>): Promise<void> {
    let done = false;
    void importing.finally(() => (done = true));
    while (!(await writeTransactionOpen())) {
      if (done) throw new Error('the import ended before its write transaction was seen');
      await new Promise((r) => setTimeout(r, 5));
    }
  }

  it('lets other requests read while its write transaction is open, and commits it whole', async () => {
    t = await createTestLicheng({ dialect, plugins: [registry] });
    let settled = false;
    const importing = run(rosterCsv(ROWS)).finally(() => (settled = true));
    await untilWriting(importing);
    // The server's own connection answers with what was committed before the import.
    expect(await count('students')).toBe(0);
    expect(settled).toBe(false);
    const res = await importing;
    expect(res.data).toMatchObject({ ok: true, counts: { inserted: ROWS } });
    expect(await count('students')).toBe(ROWS);
  });

  it('writes nothing when its thread ends in the middle of the write transaction, and the next import goes through', async () => {
    t = await createTestLicheng({ dialect, plugins: [registry] });
    const audit = await count('audit_log');
    const importing = run(rosterCsv(ROWS));
    await untilWriting(importing);
    await stopOffThreadWorker();
    const res = await importing;
    expect(res.error?.licheng?.code).toBe('import-file-unreadable');
    expect(await count('students')).toBe(0);
    expect(await count('audit_log')).toBe(audit);
    // Nothing was left holding the database: the same file imports whole.
    await probe?.destroy();
    probe = null;
    const again = await run(rosterCsv(ROWS));
    expect(again.data).toMatchObject({ ok: true, counts: { inserted: ROWS } });
    expect(await count('students')).toBe(ROWS);
    // Two whole imports in a thread at the lowest priority (nice 19): a busy machine starves it first.
  }, 90_000);

  it('updates each re-imported row with its own values, many rows a statement', async () => {
    t = await createTestLicheng({ dialect, plugins: [registry] });
    await run(rosterCsv(120));
    // Every row changes its name and moves to a class of its own.
    const res = await run(rosterCsv(120, (i) => `改名${i}`, (i) => String(5000 + i)));
    expect(res.data).toMatchObject({ ok: true, counts: { inserted: 0, updated: 120, unchanged: 0 } });
    const rows = await db().selectFrom('students').select(['student_no', 'name', 'class_name']).execute();
    expect(rows).toHaveLength(120);
    for (const row of rows) {
      const i = Number(row.student_no.slice(1));
      expect(row).toMatchObject({ name: `改名${i}`, class_name: String(5000 + i) });
    }
  });
});
