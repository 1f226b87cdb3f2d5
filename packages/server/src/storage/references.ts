import { forUpdate, type DialectName } from '@licheng/db';
import type { Kysely } from 'kysely';

/**
 * Every table column that names a stored object by its SHA-256. An object is in use while any
 * row of these names it; a new table that stores object hashes must be added here, or the
 * sweep would remove its files. (The receipt office's `receipt_batches.source_sha256` and
 * `receipt_rosters.sha256` are checksums of an imported ZIP and its entries, which are not
 * kept in storage: they reference no object.)
 */
export const OBJECT_REFERENCES = [{ table: 'stored_files', column: 'sha256' }] as const;

/** Every object hash some row references (for the sweep's first pass, verification and backups). */
export async function referencedObjects(db: Kysely<any>): Promise<Set<string>> {
  const found = new Set<string>();
  for (const { table, column } of OBJECT_REFERENCES) {
    const rows = await db.selectFrom(table).select(column).distinct().execute();
    for (const row of rows) found.add(String(row[column]));
  }
  return found;
}

/**
 * Whether any row references the object. Inside a transaction this is a locking read: on
 * MySQL/MariaDB the index range is locked (FOR UPDATE), so a row naming the object cannot be
 * inserted until the transaction ends; on SQLite the write transaction holds the database.
 */
export async function isObjectReferenced(trx: Kysely<any>, dialect: DialectName, sha256: string): Promise<boolean> {
  for (const { table, column } of OBJECT_REFERENCES) {
    const row = await forUpdate(trx.selectFrom(table).select(column).where(column, '=', sha256).limit(1), dialect).executeTakeFirst();
    if (row) return true;
  }
  return false;
}

/** The rows that reference `sha256`, named for a person reading a report (`stored_files 0199… 報告.pdf`). */
export async function rowsReferencing(db: Kysely<any>, sha256: string): Promise<string[]> {
  const rows = await db.selectFrom('stored_files').select(['id', 'original_name']).where('sha256', '=', sha256).execute();
  return rows.map((r) => `stored_files ${r.id} ${r.original_name}`);
}
