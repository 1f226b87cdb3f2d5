import { createReadStream } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { Migrator, NO_MIGRATIONS, sql, type Kysely } from 'kysely';
import { migrationTableName, type LichengDb, type MigrationScope } from '@licheng/db';
import type { FileStorage } from '../storage/index.ts';
import type { BackupManifest } from './backup-format.ts';
import { describeTable, foreignKeyOrder, listTables } from './database-catalog.ts';
import { COPY_LANES, inParallel } from './in-parallel.ts';
import { decodeValue } from './row-codec.ts';
import { readManifest, readTableDump, verifyBackup, type BackupIssue } from './verify-backup.ts';

export interface RestoreOptions {
  /** A new, empty database. */
  db: LichengDb;
  /** The data folder's file storage, holding no objects yet. */
  storage: FileStorage;
  /** Every migration scope this build knows (the platform's and every office's, enabled or not). */
  scopes: MigrationScope[];
  /** The school this installation serves; a backup of another school is refused. */
  school: string;
  /** Largest number of values one INSERT carries. */
  maxValuesPerInsert?: number;
}

export interface RestoreResult {
  manifest: BackupManifest;
  rows: number;
  objects: number;
  /** Objects the backup itself recorded as missing when it was made (their rows are restored). */
  incomplete: BackupManifest['problems'];
}

/** A backup that fails its checks: nothing was written. */
export class BackupDamagedError extends Error {
  constructor(
    readonly dir: string,
    readonly issues: BackupIssue[],
  ) {
    super(`the backup ${dir} is damaged; nothing was restored:\n${issues.map((i) => `  ${i.file}: ${i.problem}`).join('\n')}`);
  }
}

/**
 * Restores a backup into a fresh database and data folder. Before writing anything it refuses a
 * database that has tables, storage that holds objects, a backup of another school, migrations
 * this build does not know, and any file whose checksum differs from the manifest. Then it runs
 * each scope's migrations to the backed-up state, inserts the rows in chunks (tables ordered so
 * foreign keys hold, in one transaction), stores the objects (re-hashed) and checks every
 * table's row count against the manifest.
 */
export async function restoreFrom(dir: string, options: RestoreOptions): Promise<RestoreResult> {
  const { db } = options;
  const existing = await listTables(db.kysely, db.dialect);
  if (existing.length) throw new Error(`the database ${db.description} is not empty (${existing.length} tables: ${existing.slice(0, 5).join(', ')}${existing.length > 5 ? ', …' : ''}); restore only into a new, empty database`);
  for await (const sha of options.storage.list()) throw new Error(`the file storage already holds objects (${sha}, …); restore only into a new, empty data folder (or, on an object store, an empty bucket or LICHENG_S3_PREFIX)`);

  const declared = await readManifest(dir);
  if (declared.school !== options.school) throw new Error(`the backup is of school ${declared.school}, but this installation serves ${options.school}; nothing was restored`);
  migrationPlan(declared, options.scopes);
  const check = await verifyBackup(dir);
  if (!check.manifest || check.issues.length) throw new BackupDamagedError(path.resolve(dir), check.issues);
  const manifest = check.manifest;
  const plan = migrationPlan(manifest, options.scopes);

  // From here on the target is written to: a failure leaves it part-way, and says so.
  try {
    for (const { scope, target } of plan) {
      const table = migrationTableName(scope.scope);
      const migrator = new Migrator({ db: db.kysely, provider: { getMigrations: async () => scope.migrations }, migrationTableName: table, migrationLockTableName: `${table}_lock` });
      const { error } = await migrator.migrateTo(target ?? NO_MIGRATIONS);
      if (error) throw new Error(`migration of ${scope.scope} failed while restoring: ${error instanceof Error ? error.message : error}`);
    }

    const shapes = await Promise.all((await listTables(db.kysely, db.dialect)).map((t) => describeTable(db.kysely, db.dialect, t)));
    const byName = new Map(shapes.map((s) => [s.name, s]));
    for (const table of manifest.tables) {
      const shape = byName.get(table.name);
      const unknown = shape ? table.columns.filter((c) => !shape.columns.includes(c)) : [];
      if (!shape || unknown.length) {
        throw new Error(`the backed-up table ${table.name} ${shape ? `has columns the migrated schema lacks (${unknown.join(', ')})` : 'does not exist after migrating to the backed-up state'}`);
      }
    }
    const inManifest = new Map(manifest.tables.map((t) => [t.name, t]));
    const order = foreignKeyOrder(shapes.filter((s) => inManifest.has(s.name)));
    const maxValues = options.maxValuesPerInsert ?? 4000;
    let rows = 0;
    await db.kysely.transaction().execute(async (trx) => {
      for (const shape of order) {
        const table = inManifest.get(shape.name)!;
        // Tables the migrations filled themselves (their own bookkeeping) take the backed-up rows
        // instead; no other table is touched but by INSERT (audit rows are append-only).
        if (await hasRows(trx, table.name)) await trx.deleteFrom(table.name).execute();
        rows += await insertTable(trx, table, path.join(dir, table.file), Math.max(1, Math.floor(maxValues / table.columns.length)));
      }
    });

    let objects = 0;
    await inParallel(manifest.objects, COPY_LANES, async (object) => {
      const put = await options.storage.put(Readable.toWeb(createReadStream(path.join(dir, object.file))) as ReadableStream<Uint8Array>, {
        maxBytes: object.size,
        tooLarge: () => new Error(`${object.file} grew past the ${object.size} bytes the manifest lists`),
      });
      if (put.sha256 !== object.sha256) throw new Error(`${object.file} changed while being restored (SHA-256 ${put.sha256})`);
      objects++;
    });

    const wrong: string[] = [];
    for (const table of manifest.tables) {
      const n = Number((await db.kysely.selectFrom(table.name).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
      if (n !== table.rows) wrong.push(`${table.name}: ${n} rows, the backup has ${table.rows}`);
    }
    if (wrong.length) throw new Error(`the restored row counts differ from the backup:\n  ${wrong.join('\n  ')}`);
    return { manifest, rows, objects, incomplete: manifest.problems };
  } catch (error) {
    throw new Error(`${error instanceof Error ? error.message : error}\nthe restore stopped part-way: drop the database and empty the data folder before trying again`, { cause: error });
  }
}

/** Which migration each scope goes to: exactly the backed-up ones, which must be the first of what this build knows. */
function migrationPlan(manifest: BackupManifest, scopes: MigrationScope[]): Array<{ scope: MigrationScope; target: string | undefined }> {
  const byTable = new Map(scopes.map((s) => [migrationTableName(s.scope), s]));
  const problems: string[] = [];
  const plan: Array<{ scope: MigrationScope; target: string | undefined }> = [];
  for (const [table, applied] of Object.entries(manifest.migrations)) {
    const scope = byTable.get(table);
    if (!scope) {
      problems.push(`${table}: no office of this build has these migrations`);
      continue;
    }
    const known = Object.keys(scope.migrations).sort();
    const sorted = [...applied].sort();
    const unknown = sorted.filter((m) => !known.includes(m));
    if (unknown.length) problems.push(`${scope.scope}: migrations ${unknown.join(', ')} are newer than this build`);
    else if (sorted.some((m, i) => known[i] !== m)) problems.push(`${scope.scope}: the backed-up migrations are not the first ${sorted.length} this build knows`);
    else plan.push({ scope, target: sorted.at(-1) });
  }
  if (problems.length) throw new Error(`this build cannot restore the backup's schema; nothing was restored (restore with the Licheng version that made the backup):\n  ${problems.join('\n  ')}`);
  // The platform first, then offices in the build's order, as migrations run at start-up.
  return plan.sort((a, b) => scopes.indexOf(a.scope) - scopes.indexOf(b.scope));
}

async function insertTable(trx: Kysely<any>, table: BackupManifest['tables'][number], file: string, rowsPerInsert: number): Promise<number> {
  let batch: Record<string, unknown>[] = [];
  let bytes = 0;
  let rows = 0;
  const flush = async () => {
    if (batch.length) await trx.insertInto(table.name).values(batch).execute();
    batch = [];
    bytes = 0;
  };
  for await (const values of readTableDump(file)) {
    const row: Record<string, unknown> = {};
    table.columns.forEach((column, i) => (row[column] = decodeValue(values[i]!)));
    batch.push(row);
    bytes += values.reduce<number>((n, v) => n + (typeof v === 'string' ? v.length * 3 : 16), 0);
    rows++;
    if (batch.length >= rowsPerInsert || bytes >= 1024 * 1024) await flush();
  }
  await flush();
  return rows;
}

async function hasRows(db: Kysely<any>, table: string): Promise<boolean> {
  return (await db.selectFrom(table).select(sql.lit(1).as('one')).limit(1).executeTakeFirst()) !== undefined;
}
