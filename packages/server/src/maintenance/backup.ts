import fs from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { createGzip } from 'node:zlib';
import type { Kysely } from 'kysely';
import type { LichengDb } from '@licheng/db';
import { missingUnlessFault, type FileStorage } from '../storage/index.ts';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, MANIFEST_FILE, isMigrationTable, objectFile, tableFile, type BackupManifest } from './backup-format.ts';
import { describeTable, listTables, type TableShape } from './database-catalog.ts';
import { referencedObjects } from '../storage/references.ts';
import { COPY_LANES, inParallel } from './in-parallel.ts';
import { encodeValue } from './row-codec.ts';
import { makePrivateDir, PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from '../storage/private-fs.ts';
import { syncPath, writePrivateFile, type Hashed } from './secure-files.ts';
import { withSnapshot } from './snapshot.ts';

export interface BackupOptions {
  db: LichengDb;
  storage: FileStorage;
  /** The school code the manifest names (restore refuses a backup of another school). */
  school: string;
  now?: () => Date;
  /** Rows read from the database at a time while dumping (bounds memory). */
  streamChunk?: number;
  /** Called after each table is dumped, still inside the snapshot (progress for a person watching). */
  onTable?: (table: string, rows: number) => void | Promise<void>;
}

/**
 * Writes a backup of the whole database and every stored object its rows reference into `dir`
 * (a new folder). Everything is written into `<dir>.partial` first and renamed when complete,
 * so a folder named `dir` is always a whole backup. The database is read in one snapshot while
 * the server keeps serving; objects are copied after it, hashed while copying.
 */
export async function backupTo(dir: string, options: BackupOptions): Promise<BackupManifest> {
  const target = path.resolve(dir);
  const partial = `${target}.partial`;
  if (await exists(target)) throw new Error(`${target} already exists; a backup is written into a new folder`);
  await fs.mkdir(path.dirname(target), { recursive: true });
  try {
    await fs.mkdir(partial, { mode: PRIVATE_DIR_MODE });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new Error(`${partial} exists: another backup is being written there, or one was interrupted (remove that folder and try again)`);
    throw error;
  }
  try {
    const manifest = await writeBackup(partial, options);
    await fs.rename(partial, target);
    await syncPath(path.dirname(target));
    return manifest;
  } catch (error) {
    await fs.rm(partial, { recursive: true, force: true });
    throw error;
  }
}

async function writeBackup(dir: string, options: BackupOptions): Promise<BackupManifest> {
  await fs.chmod(dir, PRIVATE_DIR_MODE);
  await makePrivateDir(path.join(dir, 'tables'));
  await makePrivateDir(path.join(dir, 'objects'));
  const files: BackupManifest['files'] = {};
  const createdAt = (options.now?.() ?? new Date()).toISOString();
  const { tables, migrations, referenced } = await withSnapshot(options.db, async (snapshot) => {
    const tables: BackupManifest['tables'] = [];
    const migrations: BackupManifest['migrations'] = {};
    for (const name of await listTables(snapshot, options.db.dialect)) {
      if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Error(`table "${name}" has a name a backup cannot hold (letters, digits and _ only); is this database Licheng's own?`);
      const shape = await describeTable(snapshot, options.db.dialect, name);
      const file = tableFile(name);
      const { rows, hashed } = await dumpTable(snapshot, shape, path.join(dir, file), options.streamChunk ?? 500);
      const counted = Number((await snapshot.selectFrom(name).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
      if (counted !== rows) throw new Error(`table ${name}: read ${rows} rows but the snapshot holds ${counted}; the backup is not complete`);
      files[file] = hashed;
      tables.push({ name, file, rows, columns: shape.columns, primaryKey: shape.primaryKey });
      if (isMigrationTable(name)) migrations[name] = (await snapshot.selectFrom(name).select('name').orderBy('name').execute()).map((r) => String(r.name));
      await options.onTable?.(name, rows);
    }
    return { tables, migrations, referenced: await referencedObjects(snapshot) };
  });

  const objects: BackupManifest['objects'] = [];
  const problems: BackupManifest['problems'] = [];
  const sorted = [...referenced].sort();
  const folders = [...new Set(sorted.map((sha) => path.dirname(path.join(dir, objectFile(sha)))))];
  for (const folder of folders) await makePrivateDir(folder);
  await inParallel(sorted, COPY_LANES, async (sha256) => {
    const file = objectFile(sha256);
    const body = await options.storage.open(sha256).catch(missingUnlessFault);
    if (!body) return void problems.push({ sha256, problem: 'missing' });
    const hashed = await writePrivateFile(path.join(dir, file), Readable.fromWeb(body as import('node:stream/web').ReadableStream<Uint8Array>));
    if (hashed.sha256 !== sha256) {
      await fs.rm(path.join(dir, file));
      return void problems.push({ sha256, problem: 'hash-mismatch' });
    }
    files[file] = hashed;
    objects.push({ sha256, size: hashed.size, file });
  });
  objects.sort((a, b) => a.sha256.localeCompare(b.sha256));
  problems.sort((a, b) => a.sha256.localeCompare(b.sha256));
  for (const folder of folders) await syncPath(folder);

  const manifest: BackupManifest = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    createdAt,
    school: options.school,
    dialect: options.db.dialect,
    migrations,
    tables,
    objects,
    problems,
    files: Object.fromEntries(Object.entries(files).sort(([a], [b]) => a.localeCompare(b))),
  };
  const manifestPath = path.join(dir, MANIFEST_FILE);
  await fs.writeFile(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`, { flag: 'wx', mode: PRIVATE_FILE_MODE });
  await fs.chmod(manifestPath, PRIVATE_FILE_MODE);
  await syncPath(manifestPath);
  await syncPath(path.join(dir, 'tables'));
  await syncPath(path.join(dir, 'objects'));
  await syncPath(dir);
  return manifest;
}

/** Streams a table, ordered by its primary key, into a gzipped JSON Lines file: one array of values (in `columns` order) a line. */
async function dumpTable(snapshot: Kysely<any>, shape: TableShape, file: string, chunk: number): Promise<{ rows: number; hashed: Hashed }> {
  let rows = 0;
  async function* lines() {
    let query = snapshot.selectFrom(shape.name).selectAll();
    for (const column of shape.primaryKey.length ? shape.primaryKey : shape.columns) query = query.orderBy(column);
    let buffered: string[] = [];
    let size = 0;
    for await (const row of query.stream(chunk)) {
      const line = `${JSON.stringify(shape.columns.map((c) => encodeValue(row[c], `${shape.name}.${c}`)))}\n`;
      buffered.push(line);
      size += line.length;
      rows++;
      if (size >= 64 * 1024) {
        yield Buffer.from(buffered.join(''));
        buffered = [];
        size = 0;
      }
    }
    if (buffered.length) yield Buffer.from(buffered.join(''));
  }
  const hashed = await writePrivateFile(file, Readable.from(lines()), createGzip());
  return { rows, hashed };
}

async function exists(p: string): Promise<boolean> {
  return fs.access(p).then(
    () => true,
    () => false,
  );
}
