// Backup and restore of a school-sized data set, as a ratio against copying the same data plainly:
// `pnpm --filter @licheng/bench exec tsx backup-restore.ts sqlite,mysql [files] [kib-per-file]`.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseSchoolConfig } from '@licheng/core';
import { newId, nowIso } from '@licheng/db';
import { createTestDatabase } from '@licheng/db/testing';
import teaching from '@licheng/plugin-teaching/server';
import { backupTo, createLicheng, LocalFileStorage, migrationScopes, restoreFrom, verifyLive } from '@licheng/server';

const SCHOOL = '123456';
const SECRET = 'bench-secret-bench-secret-bench-secret-00';
const STUDENTS = 2000;
const RECORDS_PER_STUDENT = 10;

async function insertChunked(db: any, table: string, rows: object[]) {
  for (let i = 0; i < rows.length; i += 200) await db.insertInto(table).values(rows.slice(i, i + 200)).execute();
}

function sizeOf(dir: string): number {
  let total = 0;
  for (const e of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) if (e.isFile()) total += fs.statSync(path.join(e.parentPath, e.name)).size;
  return total;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;

/**
 * A school of 2,000 students with 20,000 records, as many audit rows, and `files` stored
 * objects of `kib` KiB each. Measured: `licheng backup` (one snapshot, gzip, SHA-256 of every
 * byte, fsync) and `licheng restore` into a fresh database and folder. Baseline: reading every
 * row of every table and copying every object with fs.copyFile and fsync, eight at a time (what
 * a plain durable copy costs).
 */
export async function backupBench(dialect: 'sqlite' | 'mysql', files: number, kib: number) {
  const db = await createTestDatabase(dialect);
  const target = await createTestDatabase(dialect);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'licheng-bench-backup-'));
  try {
    const storage = new LocalFileStorage(path.join(work, 'files'));
    const config = parseSchoolConfig({ code: SCHOOL, name: 'bench', type: 'general', plugins: { enabled: ['teaching'] } });
    await createLicheng({ config, db, storage, hostSecret: SECRET, plugins: [teaching] });
    const k = db.kysely as any;
    const at = nowIso();
    const students = Array.from({ length: STUDENTS }, (_, i) => ({ id: newId(), school_code: SCHOOL, student_no: `S${i}`, host_user_id: `s${i}`, name: `學生${i}`, national_id: 'A123456789', birth_date: '2009-01-01', grade: 1 + (i % 3), class_name: String(100 + (i % 60)), seat_no: i % 40, division: 'day', department_code: null, status: 'enrolled', created_at: at, updated_at: at }));
    await insertChunked(k, 'students', students);
    const stored: Array<{ id: string } & Record<string, unknown>> = [];
    for (let i = 0; i < files; i++) {
      const put = await storage.put(new Blob([Buffer.from('%PDF-1.7\n'), randomBytes(kib * 1024 - 9)]).stream(), { maxBytes: kib * 1024, tooLarge: () => new Error('too large') });
      stored.push({ id: newId(), school_code: SCHOOL, sha256: put.sha256, size: put.size, type: 'pdf', original_name: `成果${i}.pdf`, created_by: `s${i % STUDENTS}`, created_at: at });
    }
    await insertChunked(k, 'stored_files', stored);
    const records = students.flatMap((s, i) =>
      Array.from({ length: RECORDS_PER_STUDENT }, (_, j) => ({
        id: newId(), school_code: SCHOOL, kind: 'outcome', student_id: s.id, course_id: null, academic_year: 114, semester: 1, summary: '成果簡述'.repeat(5), data: '{}',
        document_file_id: stored[(i * RECORDS_PER_STUDENT + j) % Math.max(1, stored.length)]?.id ?? null, media_file_id: null, status: 'pending', status_reason: null,
        decided_by: null, decided_by_name: null, decided_role: null, decided_at: null, entered_by: s.host_user_id, entered_role: 'student', version: 1, created_at: at, updated_at: at,
      })),
    );
    await insertChunked(k, 'records', records);
    await insertChunked(k, 'audit_log', records.map((r) => ({ id: newId(), school_code: SCHOOL, actor_id: r.entered_by, actor_name: '學生', actor_role: 'student', action: 'outcome.enter', entity: 'record', entity_id: r.id, before: null, after: JSON.stringify(r), at })));

    let t0 = performance.now();
    const copies = path.join(work, 'plain-copy');
    for (const table of ['students', 'stored_files', 'records', 'audit_log']) for await (const _ of k.selectFrom(table).selectAll().stream(500));
    const shas: string[] = [];
    for await (const sha of storage.list()) shas.push(sha);
    await Promise.all(
      Array.from({ length: 8 }, async (_, lane) => {
        for (let i = lane; i < shas.length; i += 8) {
          const sha = shas[i]!;
          const copy = path.join(copies, sha.slice(0, 2), sha);
          await fs.promises.mkdir(path.dirname(copy), { recursive: true });
          await fs.promises.copyFile(path.join(storage.root, 'objects', sha.slice(0, 2), sha.slice(2, 4), sha), copy);
          const handle = await fs.promises.open(copy, 'r');
          await handle.sync();
          await handle.close();
        }
      }),
    );
    const baseline = performance.now() - t0;

    t0 = performance.now();
    const dir = path.join(work, 'backup');
    const manifest = await backupTo(dir, { db, storage, school: SCHOOL });
    const backup = performance.now() - t0;

    t0 = performance.now();
    await restoreFrom(dir, { db: target, storage: new LocalFileStorage(path.join(work, 'restored')), scopes: migrationScopes([teaching]), school: SCHOOL });
    const restore = performance.now() - t0;

    t0 = performance.now();
    const fsck = await verifyLive({ db, storage });
    if (fsck.issues.length) throw new Error(`verify found ${fsck.issues.length} problems in generated data`);
    const verify = performance.now() - t0;

    const rows = manifest.tables.reduce((n, t) => n + t.rows, 0);
    const dumps = manifest.tables.reduce((n, t) => n + manifest.files[t.file]!.size, 0);
    return {
      name: `backup (${STUDENTS.toLocaleString('en')} students, ${rows.toLocaleString('en')} rows, ${files.toLocaleString('en')} files of ${kib} KiB)`,
      ratio: backup / baseline,
      target: 5,
      detail: `backup ${seconds(backup)}, restore ${seconds(restore)} (${(restore / baseline).toFixed(2)}× baseline), verify ${seconds(verify)}, plain copy ${seconds(baseline)}; backup ${mib(sizeOf(dir))}: table dumps ${mib(dumps)} gzipped, objects ${mib(sizeOf(path.join(dir, 'objects')))}`,
    };
  } finally {
    await db.destroy();
    await target.destroy();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

const dialects = (process.argv[2] ?? 'sqlite').split(',') as Array<'sqlite' | 'mysql'>;
const files = Number(process.argv[3] ?? 2000);
const kib = Number(process.argv[4] ?? 256);
let failed = false;
for (const dialect of dialects) {
  const result = await backupBench(dialect, files, kib);
  if (result.ratio > result.target) failed = true;
  console.log(`${result.name} [${dialect}]: ${result.ratio.toFixed(2)}× baseline (target ≤ ${result.target}×) — ${result.ratio <= result.target ? 'ok' : 'OVER TARGET'}`);
  console.log(`  ${result.detail}`);
}
process.exit(failed ? 1 : 0);
