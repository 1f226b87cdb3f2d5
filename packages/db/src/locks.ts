import type { SelectQueryBuilder } from 'kysely';
import type { DialectName } from './connect.ts';

/**
 * `SELECT … FOR UPDATE` on MySQL. SQLite has no row locks: a write transaction there begins
 * IMMEDIATE and holds the whole database (also against another process on the same file),
 * so transactions are already serialised.
 */
export function forUpdate<DB, TB extends keyof DB, O>(
  query: SelectQueryBuilder<DB, TB, O>,
  dialect: DialectName,
): SelectQueryBuilder<DB, TB, O> {
  return dialect === 'mysql' ? query.forUpdate() : query;
}
