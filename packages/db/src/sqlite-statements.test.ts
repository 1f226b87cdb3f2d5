import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { CachedStatements } from './sqlite-statements.ts';

const open: Array<{ close(): void }> = [];
afterEach(() => {
  for (const o of open.splice(0)) o.close();
});

function cached(capacity?: number) {
  const database = new SQLite(':memory:');
  database.exec('create table notes (id integer primary key, body text not null unique)');
  const statements = new CachedStatements(database, capacity);
  open.push(statements);
  return { database, statements, kysely: new Kysely<any>({ dialect: new SqliteDialect({ database: statements }) }) };
}

describe('SQLite statements prepared once', () => {
  it('prepares a query once however often Kysely runs it, with each call its own parameters', async () => {
    const { statements, kysely } = cached();
    for (let i = 0; i < 20; i++) await kysely.insertInto('notes').values({ body: `n${i}` }).execute();
    const found: string[] = [];
    for (let i = 0; i < 20; i++) found.push(((await kysely.selectFrom('notes').select('body').where('id', '=', i + 1).executeTakeFirst()) as any).body);
    expect(found).toEqual(Array.from({ length: 20 }, (_, i) => `n${i}`));
    expect(statements.prepared).toBe(2);
  });

  it('hands a statement still being iterated to no one else', () => {
    const { statements } = cached();
    statements.prepare("insert into notes (body) values ('a'), ('b'), ('c')").run([]);
    const query = 'select body from notes order by id';
    const streaming = statements.prepare(query).iterate([]);
    expect(streaming.next().value).toEqual({ body: 'a' });
    // The same SQL while the first is mid-iteration: a fresh statement, both read correctly.
    expect(statements.prepare(query).all([])).toEqual([{ body: 'a' }, { body: 'b' }, { body: 'c' }]);
    expect([...streaming]).toEqual([{ body: 'b' }, { body: 'c' }]);
    expect(statements.prepared).toBe(3);
    // Once the stream is done, the cached statement serves again.
    expect(statements.prepare(query).all([])).toHaveLength(3);
    expect(statements.prepared).toBe(3);
  });

  it('sees a schema change and survives a failed statement', async () => {
    const { kysely } = cached();
    await kysely.insertInto('notes').values({ body: 'x' }).execute();
    expect(await kysely.selectFrom('notes').selectAll().execute()).toEqual([{ id: 1, body: 'x' }]);
    await sql`alter table notes add column tag text default 't'`.execute(kysely);
    expect(await kysely.selectFrom('notes').selectAll().execute()).toEqual([{ id: 1, body: 'x', tag: 't' }]);
    await expect(kysely.insertInto('notes').values({ body: 'x' }).execute()).rejects.toThrow(/UNIQUE/);
    await kysely.insertInto('notes').values({ body: 'y' }).execute();
    expect(await kysely.selectFrom('notes').select('body').orderBy('id').execute()).toEqual([{ body: 'x' }, { body: 'y' }]);
  });

  it('keeps at most its capacity, dropping the least recently used', () => {
    const { statements } = cached(2);
    for (const q of ['select 1', 'select 2', 'select 1', 'select 3', 'select 1']) statements.prepare(q).all([]);
    expect(statements.prepared).toBe(3);
    statements.prepare('select 2').all([]);
    expect(statements.prepared).toBe(4);
  });
});
