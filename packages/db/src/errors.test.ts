import { afterEach, describe, expect, it } from 'vitest';
import { migrateScopes, columnTypes, tableOptions } from './migrate.ts';
import { isWriteConflict } from './errors.ts';
import { createTestDatabase, testDialects, type TestDatabase } from './testing/index.ts';

describe.each(testDialects())('isWriteConflict on %s', (dialect) => {
  let db: TestDatabase;
  afterEach(async () => db?.destroy());

  it('recognises a unique key taken by another write, and nothing else', async () => {
    db = await createTestDatabase(dialect);
    await migrateScopes(db.kysely, [
      {
        scope: 'probe',
        migrations: {
          '001': {
            up: async (k) => void (await k.schema.createTable('probe').addColumn('id', columnTypes.id, (c) => c.primaryKey()).addColumn('no', 'varchar(8)', (c) => c.notNull().unique()).modifyEnd(tableOptions(k)).execute()),
          },
        },
      },
    ]);
    await db.kysely.insertInto('probe').values({ id: 'a', no: 'S1' }).execute();
    const duplicate = await db.kysely.insertInto('probe').values({ id: 'b', no: 'S1' }).execute().catch((e: unknown) => e);
    expect(isWriteConflict(duplicate)).toBe(true);
    const missingTable = await db.kysely.selectFrom('nope' as never).selectAll().execute().catch((e: unknown) => e);
    expect(isWriteConflict(missingTable)).toBe(false);
    expect(isWriteConflict(new Error('plain'))).toBe(false);
  });
});
