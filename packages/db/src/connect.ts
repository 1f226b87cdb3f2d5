import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, MysqlDialect, SqliteDialect } from 'kysely';
import { createPool } from 'mysql2';

export type DialectName = 'sqlite' | 'mysql';

/** An open database: the Kysely instance plus which dialect it speaks. */
export interface LichengDb<DB = any> {
  readonly kysely: Kysely<DB>;
  readonly dialect: DialectName;
  /** Human-readable description without secrets, e.g. for GET /health. */
  readonly description: string;
  destroy(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** `mysql://user:pass@host:port/db`, `sqlite:/path/file.db`, or empty for the embedded default. */
  url?: string | undefined;
  /** Where the embedded database lives when no URL is given. */
  dataDir?: string | undefined;
}

/**
 * Where an open database lives — the SQLite file or the MySQL URL — so that another thread (a
 * worker running an import) can open its own connection to the same data. Plain values only:
 * it is sent to the thread as it is.
 */
export interface DatabaseLocation {
  dialect: DialectName;
  target: string;
}

const locations = new WeakMap<object, DatabaseLocation>();

/** Where the database behind `kysely` lives; null when no other connection can reach it (in-memory SQLite). */
export function databaseLocation(kysely: object): DatabaseLocation | null {
  return locations.get(kysely) ?? null;
}

/** A new connection (pool) to the database at `location`, opened the way the server opens it. */
export function openDatabaseAt(location: DatabaseLocation): LichengDb {
  return location.dialect === 'mysql' ? openMysql(location.target) : openSqlite(location.target);
}

/** Opens MySQL/MariaDB (mysql2) when the URL says so, else the embedded SQLite file. */
export function openDatabase(options: OpenDatabaseOptions): LichengDb {
  const url = options.url?.trim();
  if (url && /^mysql:\/\//i.test(url)) return openMysql(url);
  if (url && !/^sqlite:/i.test(url)) {
    throw new Error(`LICHENG_DATABASE_URL must start with mysql:// or sqlite: (got "${url.split(':')[0]}:…")`);
  }
  const file = url ? url.replace(/^sqlite:(\/\/)?/i, '') : path.join(options.dataDir ?? '.data', 'licheng.sqlite');
  return openSqlite(file);
}

export function openSqlite(file: string): LichengDb {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const database = new SQLite(file);
  database.pragma('journal_mode = WAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  const kysely = new Kysely<any>({ dialect: new SqliteDialect({ database }) });
  if (file !== ':memory:') locations.set(kysely, { dialect: 'sqlite', target: path.resolve(file) });
  return {
    kysely,
    dialect: 'sqlite',
    description: `embedded SQLite (${file})`,
    destroy: () => kysely.destroy(),
  };
}

export function openMysql(url: string): LichengDb {
  const parsed = new URL(url);
  const pool = createPool({
    uri: url,
    charset: 'utf8mb4',
    timezone: 'Z',
    supportBigNumbers: true,
    connectionLimit: Number(parsed.searchParams.get('connectionLimit') ?? 10),
  });
  const kysely = new Kysely<any>({ dialect: new MysqlDialect({ pool }) });
  locations.set(kysely, { dialect: 'mysql', target: url });
  return {
    kysely,
    dialect: 'mysql',
    description: `MySQL/MariaDB (${parsed.hostname}:${parsed.port || 3306}${parsed.pathname})`,
    destroy: () => kysely.destroy(),
  };
}
