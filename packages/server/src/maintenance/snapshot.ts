import { sql, type Kysely } from 'kysely';
import type { LichengDb } from '@licheng/db';

/**
 * Runs `read` on one connection of its own inside one read transaction, so every query sees the
 * database as it was at one moment while the server keeps writing:
 * - MySQL/MariaDB: REPEATABLE READ with a consistent snapshot (InnoDB tables), read only;
 * - SQLite (WAL): a deferred transaction whose first read fixes the snapshot; writers go on
 *   appending to the WAL and are never blocked by it.
 * The transaction is always ended (rolled back: it wrote nothing) before this returns.
 */
export async function withSnapshot<T>(db: LichengDb, read: (snapshot: Kysely<any>) => Promise<T>): Promise<T> {
  return db.kysely.connection().execute(async (conn) => {
    if (db.dialect === 'mysql') {
      await sql`set transaction isolation level repeatable read`.execute(conn);
      await sql`start transaction with consistent snapshot, read only`.execute(conn);
    } else {
      await sql`begin deferred`.execute(conn);
      // The first read starts the snapshot; the catalog read that follows is already inside it.
      await sql`select count(*) from sqlite_master`.execute(conn);
    }
    try {
      return await read(conn);
    } finally {
      await sql`rollback`.execute(conn);
    }
  });
}
