import type { Kysely } from 'kysely';

/** Where rows name stored objects by content hash: the only table whose rows reference storage. */
export const OBJECT_REFERENCES = [{ table: 'stored_files', column: 'sha256' }] as const;

/** The SHA-256 of every stored object some row references (on whatever connection or snapshot `db` is). */
export async function referencedObjects(db: Kysely<any>): Promise<Set<string>> {
  const shas = new Set<string>();
  for (const { table, column } of OBJECT_REFERENCES) {
    const rows = await db.selectFrom(table).select(column).distinct().execute();
    for (const row of rows) shas.add(String(row[column]));
  }
  return shas;
}

/** The rows that reference `sha256`, named for a person reading a report (`stored_files 0199… 報告.pdf`). */
export async function rowsReferencing(db: Kysely<any>, sha256: string): Promise<string[]> {
  const rows = await db.selectFrom('stored_files').select(['id', 'original_name']).where('sha256', '=', sha256).execute();
  return rows.map((r) => `stored_files ${r.id} ${r.original_name}`);
}
