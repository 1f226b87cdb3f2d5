import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DialectName } from '@licheng/db';
import { createTestDatabase, testDialects, type TestDatabase } from '@licheng/db/testing';
import { importRosterFile } from '@licheng/plugin-registry/server';
import { backupTo, LocalFileStorage, migrationScopes, restoreFrom, signHostToken, verifyBackup, verifyLive, type BackupManifest } from '@licheng/server';
import { tableContents } from '@licheng/server/testing';
import { demoSchedule } from './demo/schedule.ts';
import { seedDemo } from './demo/seed.ts';
import { openApp } from './open-app.ts';
import { availablePlugins } from './plugins.ts';
import { appRoot, readSettings, type Settings } from './settings.ts';
import { HOST_SECRET, tempDirs } from './testing/temp.ts';

const temp = tempDirs();
const databases: TestDatabase[] = [];

/** Settings for the demo school on a fresh database of `dialect` (MariaDB through a URL, as a school runs it). */
async function schoolSettings(dialect: DialectName): Promise<Settings> {
  const env: Record<string, string> = { LICHENG_DATA_DIR: temp.make('licheng-school-'), LICHENG_SCHOOL_CONFIG: path.join(appRoot, 'config/demo-school.json'), LICHENG_HOST_SECRET: HOST_SECRET };
  if (dialect === 'mysql') {
    const db = await createTestDatabase('mysql');
    databases.push(db);
    env.LICHENG_DATABASE_URL = db.url;
  }
  const settings = readSettings(env);
  settings.config = { ...settings.config, schedule: demoSchedule(new Date()) };
  return settings;
}

/** The demo school loaded through the real paths: a roster import, uploads, certification, a selection, a receipt. */
async function seedSchool(settings: Settings) {
  const { app, db } = await openApp(settings);
  try {
    expect(await seedDemo(app)).toBe(true);
    const csv = path.join(temp.make(), 'students.csv');
    fs.writeFileSync(csv, ['學號,姓名,身分證號,出生日期,年級,班級,座號,部別,科別代碼,系統帳號', '1149901,匯入甲,A123456789,98/03/01,1,103,1,日間部,,imp-1', '1149902,匯入乙,F131104093,2009-05-12,1,103,2,,,'].join('\r\n'));
    expect((await importRosterFile(app, 'students', csv)).ok).toBe(true);
    const passed = await db.kysely
      .selectFrom('records')
      .innerJoin('students', 'students.id', 'records.student_id')
      .select(['records.id', 'records.academic_year', 'students.host_user_id', 'students.name'])
      .where('records.status', '=', 'passed')
      .where('records.kind', '=', 'outcome')
      .orderBy('records.id')
      .executeTakeFirstOrThrow();
    const token = await signHostToken({ userId: passed.host_user_id, name: passed.name, school: settings.config.code, roles: ['student'] }, settings.hostSecret, 600);
    const res = await app.request('/trpc/student.selections.save', { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ academicYear: passed.academic_year, recordIds: [passed.id] }) });
    expect(res.status).toBe(200);
  } finally {
    await db.destroy();
  }
}

async function contents(settings: Settings) {
  const db = openDatabase({ url: settings.databaseUrl, dataDir: settings.dataDir });
  try {
    return await tableContents(db.kysely, db.dialect);
  } finally {
    await db.destroy();
  }
}

async function objectsOf(settings: Settings): Promise<string[]> {
  const found: string[] = [];
  for await (const sha of new LocalFileStorage(path.join(settings.dataDir, 'files')).list()) found.push(sha);
  return found.sort();
}

afterAll(async () => {
  for (const db of databases.splice(0)) await db.destroy();
  temp.cleanup();
});

describe.each(testDialects())('the demo school backed up on %s', (source) => {
  let school: Settings;
  let dir: string;
  let manifest: BackupManifest;

  beforeAll(async () => {
    school = await schoolSettings(source);
    await seedSchool(school);
    dir = path.join(temp.make('licheng-backups-'), 'nightly');
    const db = openDatabase({ url: school.databaseUrl, dataDir: school.dataDir });
    try {
      manifest = await backupTo(dir, { db, storage: new LocalFileStorage(path.join(school.dataDir, 'files')), school: school.config.code });
    } finally {
      await db.destroy();
    }
  });

  it('holds every table of every enabled office and each scope’s migration state, with a checksum for every file', async () => {
    const names = manifest.tables.map((t) => t.name);
    expect(names).toEqual(expect.arrayContaining(['students', 'records', 'stored_files', 'selections', 'audit_log', 'receipt_items', 'receipt_issues', 'licheng_migrations_platform', 'licheng_migrations_receipt', 'autobiography_documents', 'autobiography_versions', 'autobiography_checks', 'curriculum_plan_versions', 'curriculum_plan_lines', 'curriculum_precheck_runs', 'status_changes', 'term_placements', 'proxies', 'staff_absences', 'staff_departures', 'course_grades', 'grade_appeals', 'licheng_migrations_registry', 'record_origins', 'retention_purges', 'portfolio_consents']));
    expect(names).toEqual(expect.arrayContaining(['working_group_members', 'working_group_meetings', 'working_group_trainings']));
    expect(Object.keys(manifest.migrations).sort()).toEqual(['licheng_migrations_autobiography', 'licheng_migrations_curriculum', 'licheng_migrations_homeroom', 'licheng_migrations_platform', 'licheng_migrations_receipt', 'licheng_migrations_registry', 'licheng_migrations_student', 'licheng_migrations_working_group']);
    const rows = Object.fromEntries(manifest.tables.map((t) => [t.name, t.rows]));
    // The outcome selected here and the demo's two selected performances.
    expect(rows).toMatchObject({ students: 28, selections: 3 });
    expect(rows.receipt_items).toBeGreaterThan(0);
    expect(manifest.objects.length).toBeGreaterThan(0);
    expect(Object.keys(manifest.files).sort()).toEqual([...manifest.tables.map((t) => t.file), ...manifest.objects.map((o) => o.file)].sort());
    expect(await verifyBackup(dir)).toMatchObject({ issues: [], incomplete: [] });
  });

  it.each(testDialects())('restores into a fresh %s database and data folder with every row and file equal, and the school opens on it', async (target) => {
    const restored = await schoolSettings(target);
    const db = openDatabase({ url: restored.databaseUrl, dataDir: restored.dataDir });
    const storage = new LocalFileStorage(path.join(restored.dataDir, 'files'));
    try {
      await restoreFrom(dir, { db, storage, scopes: migrationScopes(availablePlugins), school: restored.config.code });
      expect(await verifyLive({ db, storage })).toMatchObject({ issues: [] });
      // Backed up again, the restored school gives the same bytes: every table dump and every file has the same SHA-256.
      const again = await backupTo(path.join(temp.make('licheng-backups-'), 'again'), { db, storage, school: restored.config.code });
      expect(again.files).toEqual(manifest.files);
      expect(again.tables).toEqual(manifest.tables);
      expect(again.migrations).toEqual(manifest.migrations);
    } finally {
      await db.destroy();
    }
    const before = await contents(school);
    const after = await contents(restored);
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    for (const table of Object.keys(before)) expect(after[table], table).toEqual(before[table]);
    expect(await objectsOf(restored)).toEqual(await objectsOf(school));
    const { db: reopened } = await openApp(restored);
    await reopened.destroy();
  });
});
