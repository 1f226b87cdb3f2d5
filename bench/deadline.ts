import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, MysqlDialect, SqliteDialect } from 'kysely';
import { createPool } from 'mysql2';
import { createTestDatabase } from '@licheng/db/testing';
import { signHostToken } from '@licheng/server';
import type { DeadlineLoadResult, DeadlinePlan, Step } from './deadline-load.ts';
import { deadlineApp, SCHOOL, SECRET, seedDeadlineSchool, YEAR, type SeededStudent } from './deadline-school.ts';
import { child, here, mb, percentile, sleep, startServer, tsx } from './processes.ts';


export interface DeadlineOptions {
  /** Students of the generated school; each runs the selection flow once in the window. */
  students: number;
  /** Seconds over which the students' flows start (and the uploads run). */
  seconds: number;
  /** Time between a student's steps. */
  thinkMs: number;
  uploadsPerSecond: number;
  uploadBytes: number;
  /** Seconds the server is left idle after the load before its memory is read again. */
  settleSeconds: number;
  /** Seconds of uploads alone, for the CPU per upload and the upload speed. */
  uploadSeconds: number;
  /** Files of `uploadBytes` the disk baseline writes. */
  diskFiles: number;
}

export const deadlineDefaults: DeadlineOptions = { students: 1000, seconds: 30, thinkMs: 1000, uploadsPerSecond: 3, uploadBytes: 4 * 1024 * 1024, settleSeconds: 10, uploadSeconds: 10, diskFiles: 12 };

const TARGET = { p95Ms: 300, diskShare: 0.5, cpuMsPerUpload: 20, rssGrowth: 1.1 };

/** The statements one student.selections.save runs, recorded through Kysely's log (in this process, on the benchmark's database). */
async function saveStatements(dialect: 'sqlite' | 'mysql', url: string, files: string, student: SeededStudent): Promise<string[]> {
  const statements: string[] = [];
  let recording = false;
  const log = (event: { query: { sql: string } }) => {
    if (recording) statements.push(event.query.sql);
  };
  const kysely =
    dialect === 'sqlite'
      ? new Kysely<any>({ dialect: new SqliteDialect({ database: new SQLite(url.replace(/^sqlite:/, '')) }), log })
      : new Kysely<any>({ dialect: new MysqlDialect({ pool: createPool({ uri: url, charset: 'utf8mb4', timezone: 'Z', supportBigNumbers: true }) }), log });
  try {
    const app = await deadlineApp({ kysely, dialect, description: 'recording', destroy: () => kysely.destroy() }, files, false);
    const headers = { authorization: `Bearer ${await signHostToken({ userId: student.userId, name: student.name, school: SCHOOL, roles: ['student'] }, SECRET)}` };
    const listed = await app.request('/trpc/student.outcomes.list', { headers });
    const ids = ((await listed.json()) as { result: { data: { id: string }[] } }).result.data.map((o) => o.id).slice(0, 6);
    recording = true;
    const saved = await app.request('/trpc/student.selections.save', { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify({ academicYear: YEAR, recordIds: ids }) });
    recording = false;
    if (!saved.ok) throw new Error(`selections.save answered ${saved.status}: ${await saved.text()}`);
    return statements;
  } finally {
    await kysely.destroy();
  }
}

type Server = Awaited<ReturnType<typeof startServer>>;

/** Runs one plan of the load generator against the server, with the server's usage before and after. */
async function runLoad(server: Server, planFile: string) {
  const load = child(tsx, [path.join(here, 'deadline-load.ts'), server.base, planFile]);
  if ((await load.next()) !== 'ready') throw new Error('load generator did not start');
  const before = await server.usage();
  load.send('go');
  const result = JSON.parse(await load.next()) as DeadlineLoadResult;
  const after = await server.usage();
  return { result, before, after };
}

/**
 * The deadline peak: `students` students of a generated school, in the last hour of the outcome
 * selection window, each running the student office's selection flow (list → courses → selection
 * get → selection save), with 4 MB outcome uploads beside them at a fixed rate; the server in its
 * own process, the load open-loop from another. Then uploads alone (CPU per upload, upload speed
 * against the disk's write + fsync speed measured by plain node in the same run) and the server's
 * memory after it has been left idle.
 */
export async function deadlineBench(dialect: 'sqlite' | 'mysql', given: Partial<DeadlineOptions> = {}) {
  const options = { ...deadlineDefaults, ...given };
  const db = await createTestDatabase(dialect);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'licheng-bench-'));
  const files = path.join(work, 'files');
  let server: Server | undefined;
  try {
    await deadlineApp(db, files, true);
    const students = await seedDeadlineSchool(db, options.students);
    const statements = await saveStatements(dialect, db.url, files, students[students.length - 1]!);
    const tokens = await Promise.all(students.map((s) => signHostToken({ userId: s.userId, name: s.name, school: SCHOOL, roles: ['student'] }, SECRET, 24 * 3600)));
    const plan = (mode: DeadlinePlan['mode'] | 'warmup', seconds: number): string => {
      const file = path.join(work, `${mode}.json`);
      const all = students.map((s, i) => ({ token: tokens[i]!, courseId: s.courseId }));
      // The warm-up runs the flow of the last few students only; the peak then finds every other student's selection empty.
      const chosen = mode === 'warmup' ? all.slice(-Math.min(20, all.length)) : all;
      const body: DeadlinePlan = { mode: mode === 'warmup' ? 'peak' : mode, seconds, thinkMs: options.thinkMs, uploadsPerSecond: options.uploadsPerSecond, uploadBytes: options.uploadBytes, academicYear: YEAR, students: chosen };
      fs.writeFileSync(file, JSON.stringify(body));
      return file;
    };

    server = await startServer('deadline-server.ts', [db.url, files]);
    // Warm up (JIT, pool, caches) with a second of the same flow, then let the server settle to its idle size.
    await runLoad(server, plan('warmup', 1));
    await sleep(2000);

    // The disk's own speed, with the same bytes per file, in the folder storage writes to.
    const diskDir = path.join(work, 'disk');
    fs.mkdirSync(diskDir);
    const disk = child(process.execPath, [path.join(here, 'disk-write.mjs'), diskDir, String(options.diskFiles), String(options.uploadBytes)]);
    const diskMs = (JSON.parse(await disk.next()) as { ms: number[] }).ms;
    fs.rmSync(diskDir, { recursive: true, force: true });

    const idle = await server.usage();
    const peak = await runLoad(server, plan('peak', options.seconds));
    const uploads = await runLoad(server, plan('uploads', options.uploadSeconds));
    await sleep(options.settleSeconds * 1000);
    const settled = await server.usage();

    const steps: Step[] = ['list', 'courses', 'selectionGet', 'selectionSave', 'upload'];
    const stat = (r: DeadlineLoadResult, step: Step) => ({ n: r.latencies[step].length, failures: r.failures[step], p50: percentile(r.latencies[step], 50), p95: percentile(r.latencies[step], 95), p99: percentile(r.latencies[step], 99) });
    const peakSteps = Object.fromEntries(steps.map((s) => [s, stat(peak.result, s)])) as Record<Step, ReturnType<typeof stat>>;
    const uploadAlone = stat(uploads.result, 'upload');
    const failures = steps.reduce((n, s) => n + peak.result.failures[s] + uploads.result.failures[s], 0);
    const requests = steps.reduce((n, s) => n + peakSteps[s].n, 0);
    const flowP95 = Math.max(...(['list', 'courses', 'selectionGet', 'selectionSave'] as const).map((s) => peakSteps[s].p95));
    const diskMBps = mb(options.uploadBytes) / (percentile(diskMs, 50) / 1000);
    const uploadMBps = mb(options.uploadBytes) / (uploadAlone.p50 / 1000);
    const uploadCpuMs = (uploads.after.cpuMicros - uploads.before.cpuMicros) / 1000 / Math.max(1, uploadAlone.n);
    const peakCpuSeconds = (peak.after.cpuMicros - peak.before.cpuMicros) / 1e6;
    const errors = [...peak.result.errors, ...uploads.result.errors].slice(0, 3).join(' / ');
    const size = `${options.students.toLocaleString('en')} students, ${options.seconds} s`;
    const fmt = (s: ReturnType<typeof stat>) => `${s.p50.toFixed(0)}/${s.p95.toFixed(0)}/${s.p99.toFixed(0)}`;

    return [
      {
        name: `deadline peak: selection flow p95 / ${TARGET.p95Ms} ms (${size})`,
        ratio: failures ? Infinity : flowP95 / TARGET.p95Ms,
        target: 1,
        detail:
          `p50/p95/p99 ms — list ${fmt(peakSteps.list)}, courses ${fmt(peakSteps.courses)}, selection get ${fmt(peakSteps.selectionGet)}, selection save ${fmt(peakSteps.selectionSave)}, upload ${fmt(peakSteps.upload)}; ` +
          `${requests} requests in ${peak.result.elapsed.toFixed(1)} s (${(requests / peak.result.elapsed).toFixed(0)} req/s), ${failures} errors${errors ? ` (${errors})` : ''}; ` +
          `server CPU ${peakCpuSeconds.toFixed(1)} s (${((100 * peakCpuSeconds) / peak.result.elapsed).toFixed(0)} % of a core; ${(((peakCpuSeconds - (uploadCpuMs * peakSteps.upload.n) / 1000) * 1000) / (requests - peakSteps.upload.n)).toFixed(1)} ms a flow request, uploads' share taken out), event-loop delay p99 ${peak.after.loopDelayP99.toFixed(0)} ms, max ${peak.after.loopDelayMax.toFixed(0)} ms; load generator CPU ${(peak.result.cpuMicros / 1e6).toFixed(1)} s; RSS ${mb(peak.before.rss).toFixed(0)} → ${mb(peak.after.rss).toFixed(0)} MB, peak ${mb(peak.after.peakRss).toFixed(0)} MB; ` +
          `selection save: ${statements.length} statements in Kysely's log (BEGIN and COMMIT included)`,
        statements,
        steps: peakSteps,
        failures,
      },
      {
        name: `deadline uploads: disk write+fsync speed / upload speed (${(options.uploadBytes / 1024 / 1024).toFixed(0)} MB files, ${options.uploadsPerSecond}/s)`,
        ratio: uploadAlone.failures ? Infinity : diskMBps / uploadMBps,
        target: 1 / TARGET.diskShare,
        detail:
          `an upload body at ${uploadMBps.toFixed(1)} MB/s (${uploadAlone.n} uploads alone, p50 ${uploadAlone.p50.toFixed(0)} ms, p99 ${uploadAlone.p99.toFixed(0)} ms) vs disk ${diskMBps.toFixed(1)} MB/s (write + fsync of one file, median of ${diskMs.length}: ${percentile(diskMs, 50).toFixed(0)} ms); ` +
          `during the peak ${mb(peak.result.uploadedBytes / peak.result.elapsed).toFixed(1)} MB/s of upload bodies accepted (${peakSteps.upload.n} uploads)`,
      },
      {
        name: `deadline uploads: server CPU per upload / ${TARGET.cpuMsPerUpload} ms`,
        ratio: uploadCpuMs / TARGET.cpuMsPerUpload,
        target: 1,
        detail: `${uploadCpuMs.toFixed(1)} ms CPU per ${(options.uploadBytes / 1024 / 1024).toFixed(0)} MB upload (${uploadAlone.n} uploads alone over ${uploads.result.elapsed.toFixed(1)} s)`,
      },
      {
        name: `deadline memory: server RSS ${options.settleSeconds} s after the load / idle`,
        ratio: settled.rss / idle.rss,
        target: TARGET.rssGrowth,
        detail: `idle ${mb(idle.rss).toFixed(0)} MB before the load, peak ${mb(Math.max(peak.after.peakRss, uploads.after.peakRss)).toFixed(0)} MB, ${mb(settled.rss).toFixed(0)} MB ${options.settleSeconds} s after`,
      },
    ];
  } finally {
    await server?.stop();
    await db.destroy();
    fs.rmSync(work, { recursive: true, force: true });
  }
}
