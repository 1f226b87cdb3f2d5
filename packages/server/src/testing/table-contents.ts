import type { Kysely } from 'kysely';
import type { DialectName } from '@licheng/db';
import { describeTable, listTables } from '../maintenance/database-catalog.ts';

/** Every table's rows, as sorted JSON lines: two databases hold the same data when these are equal. */
export async function tableContents(db: Kysely<any>, dialect: DialectName): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const table of await listTables(db, dialect)) {
    const { columns } = await describeTable(db, dialect, table);
    const rows = await db.selectFrom(table).selectAll().execute();
    out[table] = rows.map((r) => JSON.stringify(columns.map((c) => r[c]))).sort();
  }
  return out;
}
