import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { columnTypes, migrateScopes, tableOptions } from './migrate.ts';
import { forUpdate } from './locks.ts';
import { newId, nowIso } from './ids.ts';
import { createTestDatabase, testDialects, type TestDatabase } from './testing/index.ts';

const notes = {
  '2026_11_24_001_notes': {
    async up(db: any) {
      await db.schema
        .createTable('notes')
        .addColumn('id', columnTypes.id, (c: any) => c.primaryKey())
        .addColumn('school_code', columnTypes.schoolCode, (c: any) => c.notNull())
        .addColumn('body', columnTypes.longText)
        .addColumn('created_at', columnTypes.timestamp, (c: any) => c.notNull())
        .modifyEnd(tableOptions(db))
        .execute();
    },
  },
};

describe.each(testDialects())('migrations on %s', (dialect) => {
  let db: TestDatabase;
  afterEach(async () => db?.destroy());

  it('runs each scope once, in its own migration table', async () => {
    db = await createTestDatabase(dialect);
    const first = await migrateScopes(db.kysely, [{ scope: 'notes-plugin', migrations: notes }]);
    expect(first).toEqual(['notes-plugin/2026_11_24_001_notes']);
    const again = await migrateScopes(db.kysely, [{ scope: 'notes-plugin', migrations: notes }]);
    expect(again).toEqual([]);
    const tables = (await db.kysely.introspection.getTables()).map((t) => t.name);
    expect(tables).toContain('licheng_migrations_notes_plugin');
    expect(tables).toContain('notes');
  });

  it('stores Chinese text, long text and ISO timestamps unchanged', async () => {
    db = await createTestDatabase(dialect);
    await migrateScopes(db.kysely, [{ scope: 'notes', migrations: notes }]);
    const row = { id: newId(), school_code: '123456', body: '課程學習成果：𠀀 '.repeat(5000), created_at: nowIso() };
    await db.kysely.insertInto('notes').values(row).execute();
    const back = await forUpdate(db.kysely.selectFrom('notes').selectAll().where('id', '=', row.id), dialect).executeTakeFirstOrThrow();
    expect(back).toEqual(row);
  });

  it('compares text exactly: ids that differ only in case are different rows', async () => {
    db = await createTestDatabase(dialect);
    await migrateScopes(db.kysely, [{ scope: 'notes', migrations: notes }]);
    await db.kysely.insertInto('notes').values({ id: 's-chen', school_code: '123456', body: null, created_at: nowIso() }).execute();
    for (const other of ['S-CHEN', 'S-chen']) {
      expect(await db.kysely.selectFrom('notes').select('id').where('id', '=', other).execute()).toEqual([]);
      await db.kysely.insertInto('notes').values({ id: other, school_code: '123456', body: null, created_at: nowIso() }).execute();
    }
    expect(await db.kysely.selectFrom('notes').select('id').execute()).toHaveLength(3);
  });

  it('reports which migration failed and keeps earlier ones', async () => {
    db = await createTestDatabase(dialect);
    const broken = { ...notes, '2026_11_24_002_broken': { up: async (k: any) => void (await sql`select * from missing_table`.execute(k)) } };
    await expect(migrateScopes(db.kysely, [{ scope: 'notes', migrations: broken }])).rejects.toThrow(/notes\/2026_11_24_002_broken failed/);
    const tables = (await db.kysely.introspection.getTables()).map((t) => t.name);
    expect(tables).toContain('notes');
  });
});

describe('ids', () => {
  it('are time-ordered and unique', () => {
    const ids = Array.from({ length: 1000 }, newId);
    expect(new Set(ids).size).toBe(1000);
    expect([...ids].sort()).toEqual(ids);
  });
});
