import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { openDatabase, type DialectName } from '@licheng/db';
import { createTestDatabase, testDialects, type TestDatabase } from '@licheng/db/testing';
import { LocalFileStorage } from '../storage/index.ts';
import { createTestLicheng, TEST_SCHOOL, type TestLicheng, type TestUser } from '../testing/index.ts';
import { backupTo } from './backup.ts';
import { migrationScopes } from './migration-scopes.ts';
import { BackupDamagedError, restoreFrom } from './restore.ts';
import { tableContents } from '../testing/index.ts';
import { filer, modesBelow } from './test-support.ts';
import { verifyBackup } from './verify-backup.ts';

const staff: TestUser = { userId: 'r-staff', name: '註冊組長', roles: ['registry-staff'] };
const scopes = migrationScopes([filer]);

describe.each(testDialects())('backup and restore on %s', (dialect) => {
  let t: TestLicheng;
  let work: string;
  const opened: TestDatabase[] = [];

  beforeEach(async () => {
    t = await createTestLicheng({ dialect, plugins: [filer] });
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'licheng-backup-test-'));
  });
  afterEach(async () => {
    await t?.close();
    for (const db of opened.splice(0)) await db.destroy();
    fs.rmSync(work, { recursive: true, force: true });
  });

  async function store(text: string) {
    const res = await t.mutate('filer-office.store', { text }, staff);
    expect(res.error).toBeNull();
    return res.data as { id: string; sha256: string };
  }

  async function freshTarget(target: DialectName = dialect) {
    const db = await createTestDatabase(target);
    opened.push(db);
    return { db, storage: new LocalFileStorage(fs.mkdtempSync(path.join(work, 'files-'))) };
  }

  it('round trip: every table’s rows and every object come back identical, in files 0600 and folders 0700', async () => {
    for (const text of ['成果一', '成果二', '成果一' /* the same bytes again: one object, two rows */, 'ünïcödé 𠀀 emoji 🎓']) await store(text);
    const umask = process.umask(0);
    let manifest;
    try {
      manifest = await backupTo(path.join(work, 'nightly'), { db: t.db, storage: t.storage, school: TEST_SCHOOL });
    } finally {
      process.umask(umask);
    }
    expect(fs.existsSync(path.join(work, 'nightly.partial'))).toBe(false);
    for (const entry of modesBelow(path.join(work, 'nightly'))) expect({ path: entry.path, mode: entry.mode.toString(8) }).toEqual({ path: entry.path, mode: entry.dir ? '700' : '600' });

    expect(manifest.dialect).toBe(dialect);
    expect(manifest.school).toBe(TEST_SCHOOL);
    expect(manifest.objects).toHaveLength(3);
    expect(manifest.problems).toEqual([]);
    expect(manifest.migrations).toEqual({ licheng_migrations_platform: Object.keys(scopes[0]!.migrations).sort(), licheng_migrations_filer_office: ['0001_notes'] });
    const rowsOf = (name: string) => manifest.tables.find((x) => x.name === name)?.rows;
    expect([rowsOf('stored_files'), rowsOf('filer_notes'), rowsOf('licheng_migrations_filer_office')]).toEqual([4, 4, 1]);
    expect(await verifyBackup(path.join(work, 'nightly'))).toMatchObject({ issues: [], incomplete: [] });

    const target = await freshTarget();
    const result = await restoreFrom(path.join(work, 'nightly'), { ...target, scopes, school: TEST_SCHOOL, maxValuesPerInsert: 20 });
    expect(result.objects).toBe(3);
    expect(await tableContents(target.db.kysely, dialect)).toEqual(await tableContents(t.db.kysely, dialect));
    const restoredObjects: string[] = [];
    for await (const sha of target.storage.list()) restoredObjects.push(sha);
    expect(restoredObjects.sort()).toEqual(manifest.objects.map((o) => o.sha256).sort());
  });

  it('a backup made on one database restores into the other', async () => {
    await store('跨資料庫');
    await backupTo(path.join(work, 'b'), { db: t.db, storage: t.storage, school: TEST_SCHOOL });
    const other: DialectName = dialect === 'sqlite' ? 'mysql' : 'sqlite';
    if (!testDialects().includes(other)) return;
    const target = await freshTarget(other);
    await restoreFrom(path.join(work, 'b'), { ...target, scopes, school: TEST_SCHOOL });
    const source = await tableContents(t.db.kysely, dialect);
    const restored = await tableContents(target.db.kysely, other);
    expect(Object.keys(restored).sort()).toEqual(Object.keys(source).sort());
    for (const table of Object.keys(source)) expect(restored[table], table).toEqual(source[table]);
  });

  it('a corrupted byte in a backed-up object is named by verify and by restore, which writes nothing', async () => {
    const { sha256 } = await store('會被破壞的檔案');
    const dir = path.join(work, 'b');
    await backupTo(dir, { db: t.db, storage: t.storage, school: TEST_SCHOOL });
    const objectPath = `objects/${sha256.slice(0, 2)}/${sha256}`;
    const bytes = fs.readFileSync(path.join(dir, objectPath));
    bytes[5] = bytes[5]! ^ 0x01;
    fs.writeFileSync(path.join(dir, objectPath), bytes);

    const check = await verifyBackup(dir);
    expect(check.issues).toEqual([{ file: objectPath, problem: expect.stringMatching(/^SHA-256 [0-9a-f]{64} does not match the manifest/) }]);
    const target = await freshTarget();
    const refused = await restoreFrom(dir, { ...target, scopes, school: TEST_SCHOOL }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(BackupDamagedError);
    expect((refused as Error).message).toContain(objectPath);
    expect(await tableContents(target.db.kysely, dialect)).toEqual({});
    expect(fs.readdirSync(target.storage.root)).toEqual([]);
  });

  it('a damaged table dump, a missing file and an unlisted file are each named', async () => {
    await store('x');
    const dir = path.join(work, 'b');
    const manifest = await backupTo(dir, { db: t.db, storage: t.storage, school: TEST_SCHOOL });
    const dump = path.join(dir, 'tables/students.jsonl.gz');
    fs.appendFileSync(dump, Buffer.from([0]));
    fs.rmSync(path.join(dir, manifest.objects[0]!.file));
    fs.writeFileSync(path.join(dir, 'tables/extra.jsonl.gz'), 'x');
    const { issues } = await verifyBackup(dir);
    expect(issues.map((i) => i.file).sort()).toEqual([manifest.objects[0]!.file, 'tables/extra.jsonl.gz', 'tables/students.jsonl.gz']);
    expect(issues.find((i) => i.file === 'tables/students.jsonl.gz')!.problem).toMatch(/^size \d+ bytes, the manifest says \d+/);
    expect(issues.find((i) => i.file === manifest.objects[0]!.file)!.problem).toBe('missing from the backup');
    expect(issues.find((i) => i.file === 'tables/extra.jsonl.gz')!.problem).toBe('not listed in the manifest');
  });

  it('a referenced object already missing from storage is recorded, the rest is backed up and restores', async () => {
    const lost = await store('已遺失');
    const kept = await store('還在');
    fs.rmSync(path.join(t.filesDir, 'objects', lost.sha256.slice(0, 2), lost.sha256.slice(2, 4), lost.sha256));
    const dir = path.join(work, 'b');
    const manifest = await backupTo(dir, { db: t.db, storage: t.storage, school: TEST_SCHOOL });
    expect(manifest.problems).toEqual([{ sha256: lost.sha256, problem: 'missing' }]);
    expect(manifest.objects.map((o) => o.sha256)).toEqual([kept.sha256]);
    expect(await verifyBackup(dir)).toMatchObject({ issues: [], incomplete: [{ sha256: lost.sha256, problem: 'missing' }] });
    const target = await freshTarget();
    const result = await restoreFrom(dir, { ...target, scopes, school: TEST_SCHOOL });
    expect(result.incomplete).toEqual([{ sha256: lost.sha256, problem: 'missing' }]);
    expect((await target.db.kysely.selectFrom('stored_files').select('sha256').execute()).map((r) => r.sha256).sort()).toEqual([lost.sha256, kept.sha256].sort());
  });

  it('a damaged or missing manifest is named, and restore refuses it', async () => {
    await store('x');
    const dir = path.join(work, 'b');
    await backupTo(dir, { db: t.db, storage: t.storage, school: TEST_SCHOOL });
    const manifestPath = path.join(dir, 'manifest.json');
    fs.writeFileSync(manifestPath, fs.readFileSync(manifestPath, 'utf8').replace('"formatVersion": 1', '"formatVersion": 9'));
    expect((await verifyBackup(dir)).issues).toEqual([{ file: 'manifest.json', problem: expect.stringMatching(/is not a Licheng backup manifest: formatVersion/) }]);
    fs.rmSync(manifestPath);
    expect((await verifyBackup(dir)).issues).toEqual([{ file: 'manifest.json', problem: expect.stringMatching(/cannot be read: .* is not a backup/) }]);
    const target = await freshTarget();
    await expect(restoreFrom(dir, { ...target, scopes, school: TEST_SCHOOL })).rejects.toThrow(/manifest\.json cannot be read/);
  });

  it('restore refuses a database that has tables, storage that has objects and another school’s backup', async () => {
    await store('x');
    const dir = path.join(work, 'b');
    await backupTo(dir, { db: t.db, storage: t.storage, school: TEST_SCHOOL });
    await expect(restoreFrom(dir, { db: t.db, storage: new LocalFileStorage(path.join(work, 'empty')), scopes, school: TEST_SCHOOL })).rejects.toThrow(/is not empty \(\d+ tables: .*\); restore only into a new, empty database/);
    const target = await freshTarget();
    await expect(restoreFrom(dir, { db: target.db, storage: t.storage, scopes, school: TEST_SCHOOL })).rejects.toThrow(/already holds objects .*restore only into a new, empty data folder/);
    await expect(restoreFrom(dir, { ...target, scopes, school: '654321' })).rejects.toThrow('the backup is of school 123456, but this installation serves 654321');
    await expect(restoreFrom(dir, { ...target, scopes: migrationScopes([]), school: TEST_SCHOOL })).rejects.toThrow(/licheng_migrations_filer_office: no office of this build has these migrations/);
    expect(await tableContents(target.db.kysely, dialect)).toEqual({});
  });

  it('restores to the backed-up migration state, and refuses a backup newer than this build', async () => {
    await store('x');
    const dir = path.join(work, 'b');
    await backupTo(dir, { db: t.db, storage: t.storage, school: TEST_SCHOOL });
    const newer = migrationScopes([{ ...filer, migrations: { ...filer.migrations, '0002_later': { up: async (db) => void (await db.schema.createTable('filer_later').addColumn('id', 'varchar(36)').execute()) } } }]);
    const target = await freshTarget();
    await restoreFrom(dir, { ...target, scopes: newer, school: TEST_SCHOOL });
    expect((await target.db.kysely.selectFrom('licheng_migrations_filer_office').select('name').execute()).map((r) => r.name)).toEqual(['0001_notes']);
    expect(Object.keys(await tableContents(target.db.kysely, dialect))).not.toContain('filer_later');

    const older = migrationScopes([{ ...filer, migrations: {} }]);
    const other = await freshTarget();
    await expect(restoreFrom(dir, { ...other, scopes: older, school: TEST_SCHOOL })).rejects.toThrow(/filer-office: migrations 0001_notes are newer than this build/);
    expect(await tableContents(other.db.kysely, dialect)).toEqual({});
  });

  it('inserts with foreign keys checked: a backup whose rows break them stops with nothing of its rows kept', async () => {
    await store('x');
    const dir = path.join(work, 'b');
    await backupTo(dir, { db: t.db, storage: t.storage, school: TEST_SCHOOL });
    // A consistent manifest over a dump that lost its rows (as a faulty tool could write): stored_files emptied, filer_notes still point at it.
    const manifestPath = path.join(dir, 'manifest.json');
    const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
    const empty = gzipSync(Buffer.alloc(0));
    fs.writeFileSync(path.join(dir, 'tables/stored_files.jsonl.gz'), empty);
    manifest.files['tables/stored_files.jsonl.gz'] = { size: empty.length, sha256: createHash('sha256').update(empty).digest('hex') };
    manifest.tables.find((x: { name: string }) => x.name === 'stored_files').rows = 0;
    fs.writeFileSync(manifestPath, JSON.stringify(manifest));
    const target = await freshTarget();
    await expect(restoreFrom(dir, { ...target, scopes, school: TEST_SCHOOL })).rejects.toThrow(/foreign key[\s\S]*the restore stopped part-way: drop the database and empty the data folder/i);
    expect(await target.db.kysely.selectFrom('filer_notes').selectAll().execute()).toEqual([]);
  });

  it('refuses to write into an existing folder or beside an unfinished one, leaving both alone', async () => {
    fs.mkdirSync(path.join(work, 'taken'));
    await expect(backupTo(path.join(work, 'taken'), { db: t.db, storage: t.storage, school: TEST_SCHOOL })).rejects.toThrow('already exists');
    fs.mkdirSync(path.join(work, 'busy.partial'));
    await expect(backupTo(path.join(work, 'busy'), { db: t.db, storage: t.storage, school: TEST_SCHOOL })).rejects.toThrow(/busy\.partial exists: another backup is being written there, or one was interrupted/);
    expect(fs.existsSync(path.join(work, 'busy.partial'))).toBe(true);
    expect(fs.existsSync(path.join(work, 'busy'))).toBe(false);
  });

  it('backs up while uploads commit on another connection: the manifest’s rows and files agree', async () => {
    for (let i = 0; i < 5; i++) await store(`before ${i}`);
    const second = openDatabase({ url: t.db.url });
    let running = true;
    let committed = 0;
    const uploads = (async () => {
      while (running) {
        await store(`during ${committed} ${'內容'.repeat(committed % 50)}`);
        committed++;
      }
    })();
    const committedAfter = async (n: number) => {
      while (committed < n) await new Promise((r) => setTimeout(r, 5));
    };
    let duringSnapshot = 0;
    try {
      const dir = path.join(work, 'live');
      const manifest = await backupTo(dir, {
        db: second,
        storage: t.storage,
        school: TEST_SCHOOL,
        streamChunk: 2,
        // filer_notes is dumped before stored_files: let uploads commit in between (and after every table).
        onTable: async () => {
          const before = committed;
          await committedAfter(before + 1);
          duringSnapshot += committed - before;
        },
      });
      running = false;
      await uploads;
      expect(duringSnapshot).toBeGreaterThan(manifest.tables.length - 1);
      expect(await verifyBackup(dir)).toMatchObject({ issues: [], incomplete: [] });
      const rowsOf = (name: string) => manifest.tables.find((x) => x.name === name)!.rows;
      // Each store commits one stored_files row and one note together: one snapshot sees both or neither.
      expect(rowsOf('filer_notes')).toBe(rowsOf('stored_files'));
      const live = Number((await t.db.kysely.selectFrom('stored_files').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
      expect(rowsOf('stored_files')).toBeGreaterThanOrEqual(5);
      expect(live).toBeGreaterThan(rowsOf('stored_files'));
      const target = await freshTarget();
      await restoreFrom(dir, { ...target, scopes, school: TEST_SCHOOL });
      const restored = await target.db.kysely.selectFrom('stored_files').select('sha256').execute();
      expect(new Set(restored.map((r) => r.sha256))).toEqual(new Set(manifest.objects.map((o) => o.sha256)));
      expect(await tableContents(target.db.kysely, dialect)).toMatchObject({ filer_notes: expect.any(Array) });
    } finally {
      running = false;
      await uploads;
      await second.destroy();
    }
  });
});
