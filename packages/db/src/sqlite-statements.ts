import type SQLite from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/** Distinct statements kept prepared per database; the least recently used goes first beyond it. */
export const SQLITE_STATEMENT_CACHE_SIZE = 500;

/**
 * The embedded database as Kysely sees it, with each statement prepared once and reused: Kysely
 * calls `prepare` on every query, and preparing a join costs more than running it. A statement
 * still being iterated (a streamed query) is never handed out again — that call gets a fresh
 * statement. SQLite itself re-prepares a cached statement when the schema changes.
 */
export class CachedStatements implements SqliteDatabase {
  private readonly statements = new Map<string, SQLite.Statement>();
  /** How many statements were prepared (tests prove reuse with it). */
  prepared = 0;

  constructor(
    private readonly database: SQLite.Database,
    private readonly capacity = SQLITE_STATEMENT_CACHE_SIZE,
  ) {}

  prepare(sql: string): SqliteStatement {
    const cached = this.statements.get(sql);
    if (cached && !cached.busy) {
      // Most recently used last, so the first key is the one to drop.
      this.statements.delete(sql);
      this.statements.set(sql, cached);
      return cached;
    }
    const statement = this.database.prepare(sql);
    this.prepared++;
    if (cached) return statement;
    this.statements.set(sql, statement);
    if (this.statements.size > this.capacity) this.statements.delete(this.statements.keys().next().value!);
    return statement;
  }

  close(): void {
    this.statements.clear();
    this.database.close();
  }
}
