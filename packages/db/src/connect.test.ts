import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqlite, type LichengDb } from './connect.ts';

const dirs: string[] = [];
const opened: LichengDb[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.destroy();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'licheng-connect-'));
  dirs.push(dir);
  return dir;
}
function open(file: string): LichengDb {
  const db = openSqlite(file);
  opened.push(db);
  return db;
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the embedded database shared by two connections (the CLI beside the server)', () => {
  it('runs read-then-write transactions of both one after the other, none refused as busy', async () => {
    const file = path.join(tempDir(), 'shared.sqlite');
    const first = open(file);
    const second = open(file);
    await sql`create table counter (n integer not null)`.execute(first.kysely);
    await sql`insert into counter (n) values (0)`.execute(first.kysely);
    // Each transaction reads the counter, pauses (another process's turn), then writes n + 1:
    // with DEFERRED transactions the later writer fails at once with SQLITE_BUSY.
    const increment = (db: LichengDb) =>
      db.kysely.transaction().execute(async (trx) => {
        const { n } = (await sql<{ n: number }>`select n from counter`.execute(trx)).rows[0]!;
        await sleep(100);
        await sql`update counter set n = ${n + 1}`.execute(trx);
      });
    const results = await Promise.allSettled([increment(first), increment(second), increment(first), increment(second)]);
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    expect((await sql<{ n: number }>`select n from counter`.execute(second.kysely)).rows[0]!.n).toBe(4);
  });

  it('keeps the event loop free while it waits for the other connection’s write lock', async () => {
    const file = path.join(tempDir(), 'shared.sqlite');
    const first = open(file);
    const second = open(file);
    await sql`create table t (n integer)`.execute(first.kysely);
    let ticks = 0;
    const timer = setInterval(() => ticks++, 10);
    const holder = first.kysely.transaction().execute(async (trx) => {
      await sql`insert into t (n) values (1)`.execute(trx);
      await sleep(400);
    });
    await sleep(20);
    await second.kysely.transaction().execute((trx) => sql`insert into t (n) values (2)`.execute(trx));
    clearInterval(timer);
    await holder;
    expect(ticks).toBeGreaterThan(10);
    expect((await sql<{ c: number }>`select count(*) as c from t`.execute(first.kysely)).rows[0]!.c).toBe(2);
  });
});

describe('the embedded database file', () => {
  it('is owner-only (0600, with its -wal and -shm) in an owner-only new folder (0700), whatever the umask', async () => {
    const previous = process.umask(0);
    try {
      const file = path.join(tempDir(), 'new-folder', 'licheng.sqlite');
      const db = open(file);
      await sql`create table t (n integer)`.execute(db.kysely);
      await sql`insert into t (n) values (1)`.execute(db.kysely);
      expect(fs.statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
      for (const f of [file, `${file}-wal`, `${file}-shm`]) expect([f, fs.statSync(f).mode & 0o777]).toEqual([f, 0o600]);
    } finally {
      process.umask(previous);
    }
  });

  it('tightens a database file another version left world-readable', async () => {
    const file = path.join(tempDir(), 'licheng.sqlite');
    fs.writeFileSync(file, '');
    fs.chmodSync(file, 0o644);
    open(file);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });
});
