import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { CompiledQuery, Kysely, MysqlDialect, SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver, type SqliteDialectConfig, type TransactionSettings } from 'kysely';
import { createPool } from 'mysql2';
import { CachedStatements } from './sqlite-statements.ts';

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

/** How long one statement waits for another process's write lock (a synchronous wait). */
const SQLITE_BUSY_TIMEOUT_MS = 5000;
/** How long a write transaction waits to begin while another process writes (an asynchronous wait). */
export const SQLITE_WRITE_WAIT_MS = 30_000;

/**
 * The embedded database. WAL mode lets readers run beside one writer; write transactions begin
 * IMMEDIATE, taking the write lock up front, so a transaction that reads and then writes never
 * fails at once with SQLITE_BUSY when another process (the CLI beside the server) wrote
 * meanwhile. The file (and its -wal and -shm files) is owner-only (0600), a folder it creates 0700.
 */
export function openSqlite(file: string): LichengDb {
  if (file !== ':memory:') makePrivateDatabaseFile(file);
  const database = new SQLite(file);
  database.pragma('journal_mode = WAL');
  database.pragma('foreign_keys = ON');
  database.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
  if (file !== ':memory:') for (const extra of ['-wal', '-shm']) chmodIfPresent(`${file}${extra}`);
  const kysely = new Kysely<any>({ dialect: new ImmediateSqliteDialect({ database: new CachedStatements(database) }, database) });
  if (file !== ':memory:') locations.set(kysely, { dialect: 'sqlite', target: path.resolve(file) });
  return {
    kysely,
    dialect: 'sqlite',
    description: `embedded SQLite (${file})`,
    destroy: () => kysely.destroy(),
  };
}

/** Creates the database file 0600 (and its folder 0700) before SQLite opens it; tightens an existing one. */
function makePrivateDatabaseFile(file: string): void {
  const dir = path.dirname(path.resolve(file));
  if (!fs.existsSync(dir)) {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    fs.chmodSync(dir, 0o700);
  }
  fs.closeSync(fs.openSync(file, 'a', 0o600));
  chmodIfPresent(file);
}

/** Makes an existing file 0600; a file of another account (EPERM) is left as it is. */
function chmodIfPresent(file: string): void {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (!stat || (stat.mode & 0o777) === 0o600) return;
  try {
    fs.chmodSync(file, 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') throw error;
  }
}

/** SqliteDialect whose write transactions begin IMMEDIATE (see ImmediateSqliteDriver). */
class ImmediateSqliteDialect extends SqliteDialect {
  constructor(
    private readonly settings: SqliteDialectConfig,
    private readonly database: SQLite.Database,
  ) {
    super(settings);
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.settings, this.database);
  }
}

/**
 * Begins write transactions with BEGIN IMMEDIATE. While another process holds the write lock
 * it retries with short asynchronous pauses (up to SQLITE_WRITE_WAIT_MS) instead of SQLite's
 * own busy wait, which would block the event loop; a transaction marked read only begins
 * DEFERRED and never takes the lock.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  constructor(
    settings: SqliteDialectConfig,
    private readonly database: SQLite.Database,
  ) {
    super(settings);
  }

  override async beginTransaction(connection: DatabaseConnection, settings?: TransactionSettings): Promise<void> {
    if (settings?.accessMode === 'read only') return super.beginTransaction(connection);
    const deadline = Date.now() + SQLITE_WRITE_WAIT_MS;
    for (let pause = 2; ; pause = Math.min(pause * 2, 50)) {
      this.database.pragma('busy_timeout = 0');
      try {
        await connection.executeQuery(CompiledQuery.raw('begin immediate'));
        return;
      } catch (error) {
        if ((error as { code?: unknown }).code !== 'SQLITE_BUSY' || Date.now() + pause > deadline) throw error;
      } finally {
        this.database.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
      }
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }
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
