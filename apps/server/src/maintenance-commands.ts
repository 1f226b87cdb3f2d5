import path from 'node:path';
import { openDatabase, type LichengDb } from '@licheng/db';
import { backupTo, migrationScopes, restoreFrom, verifyBackup, verifyLive, type BackupManifest, type FileStorage } from '@licheng/server';
import { openFileStorage } from './file-storage.ts';
import { availablePlugins } from './plugins.ts';
import type { Settings } from './settings.ts';

/** The CLI's backup, restore and verify: they open the database without migrating it (a backup and a check change nothing). */

async function withData<T>(settings: Settings, work: (db: LichengDb, storage: FileStorage) => Promise<T>): Promise<T> {
  const db = openDatabase({ url: settings.databaseUrl, dataDir: settings.dataDir });
  try {
    return await work(db, openFileStorage(settings));
  } finally {
    await db.destroy();
  }
}

const problems = (n: number) => `${n} problem${n === 1 ? '' : 's'}`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function summary(manifest: BackupManifest): string {
  const rows = manifest.tables.reduce((n, t) => n + t.rows, 0);
  const bytes = Object.values(manifest.files).reduce((n, f) => n + f.size, 0);
  return `${manifest.tables.length} 個資料表 ${rows} 列、${manifest.objects.length} 個檔案，共 ${mb(bytes)} / ${manifest.tables.length} tables, ${rows} rows, ${manifest.objects.length} stored files, ${mb(bytes)} in all`;
}

function printIncomplete(problems: BackupManifest['problems']) {
  for (const p of problems) console.error(`${p.problem === 'missing' ? '備份時檔案已遺失 / missing when backed up' : '備份時檔案已損壞 / damaged when backed up'}: ${p.sha256}`);
}

export async function backupCommand(settings: Settings, dir: string): Promise<number> {
  const started = Date.now();
  const progress = process.stderr.isTTY ? (table: string, rows: number) => void process.stderr.write(`  ${table}: ${rows} rows\n`) : undefined;
  const manifest = await withData(settings, (db, storage) => backupTo(dir, { db, storage, school: settings.config.code, ...(progress ? { onTable: progress } : {}) }));
  console.log(`備份完成 / backup written: ${path.resolve(dir)} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  console.log(`  ${summary(manifest)}`);
  if (!manifest.problems.length) return 0;
  printIncomplete(manifest.problems);
  console.error(`備份已寫入，但有 ${manifest.problems.length} 個被引用的檔案無法備份（請執行 licheng verify）/ the backup is written but ${manifest.problems.length} referenced files could not be copied (run licheng verify)`);
  return 2;
}

export async function restoreCommand(settings: Settings, dir: string): Promise<number> {
  const started = Date.now();
  const result = await withData(settings, (db, storage) => restoreFrom(dir, { db, storage, scopes: migrationScopes(availablePlugins), school: settings.config.code }));
  console.log(`還原完成 / restored: ${path.resolve(dir)} (made ${result.manifest.createdAt}) — ${result.rows} rows, ${result.objects} stored files, every checksum and row count checked (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  if (!result.incomplete.length) return 0;
  printIncomplete(result.incomplete);
  return 2;
}

export async function verifyCommand(settings: Settings, dir: string | undefined): Promise<number> {
  if (dir) {
    const check = await verifyBackup(dir);
    for (const issue of check.issues) console.error(`${issue.file}: ${issue.problem}`);
    printIncomplete(check.incomplete);
    if (check.manifest && !check.issues.length) console.log(`備份完好 / backup intact: ${path.resolve(dir)} (${check.manifest.school}, ${check.manifest.dialect}, made ${check.manifest.createdAt}) — ${summary(check.manifest)}`);
    else console.error(`備份有 ${check.issues.length} 個問題 / the backup has ${problems(check.issues.length)}: ${path.resolve(dir)}`);
    return check.issues.length || check.incomplete.length ? 2 : 0;
  }
  const check = await withData(settings, (db, storage) => verifyLive({ db, storage }));
  const label = { missing: '檔案遺失 / missing', 'hash-mismatch': '內容與雜湊不符 / damaged (hash mismatch)', unreferenced: '未被引用 / unreferenced' };
  for (const issue of check.issues) console.error(`${label[issue.problem]}: ${issue.sha256}${issue.rows.length ? ` — ${issue.rows.join('; ')}` : ''}`);
  const counts = `${check.referenced} 個被引用的檔案、${check.objects} 個儲存物件 / ${check.referenced} referenced, ${check.objects} stored objects`;
  if (check.issues.length) console.error(`發現 ${check.issues.length} 個問題 / ${problems(check.issues.length)} found (${counts})`);
  else console.log(`資料完好 / data intact: ${counts}, every object re-hashed`);
  return check.issues.length ? 2 : 0;
}
