import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { serve } from '@hono/node-server';
import { parseSchoolConfig } from '@licheng/core';
import { newId, nowIso } from '@licheng/db';
import { createTestDatabase } from '@licheng/db/testing';
import registry from '@licheng/plugin-registry/server';
import student from '@licheng/plugin-student/server';
import { createLicheng, LocalFileStorage, signHostToken } from '@licheng/server';
import ExcelJS from 'exceljs';

const SCHOOL = '123456';
const SECRET = 'bench-secret-bench-secret-bench-secret-00';
const STUDENTS = 2000;
const COURSES = 200;
const PER_STUDENT = 10;
const IMPORT_ROWS = 50_000;
/** Requests per second from the load generator: a busy school, not a flood. */
const RATE = 50;
/** Each round: the server idle this long, then one import; idle and busy samples are pooled over the rounds. */
const ROUNDS = 4;
const IDLE_SECONDS = 5;
const here = path.dirname(fileURLToPath(import.meta.url));

async function insertChunked(db: any, table: string, rows: object[]) {
  for (let i = 0; i < rows.length; i += 500) await db.insertInto(table).values(rows.slice(i, i + 500)).execute();
}

function percentile(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((s.length * p) / 100))]!;
}

/** A valid 身分證字號 for the n-th imported student (area letter A, check digit computed). */
function nationalId(n: number): string {
  const body = `1${String(n).padStart(7, '0')}`;
  const weights = [8, 7, 6, 5, 4, 3, 2, 1];
  const sum = 1 + 0 * 9 + [...body].reduce((acc, d, i) => acc + Number(d) * weights[i]!, 0);
  return `A${body}${(10 - (sum % 10)) % 10}`;
}

async function rosterWorkbook(rows: number): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('學生名冊');
  sheet.addRow(['學號', '姓名', '身分證號', '出生日期', '年級', '班級', '座號', '部別', '系統帳號']);
  for (let i = 0; i < rows; i++) {
    sheet.addRow([`N${String(i).padStart(6, '0')}`, `學生${i}`, nationalId(i), '2009-05-12', 1 + (i % 3), String(2000 + Math.floor(i / 50)), (i % 50) + 1, '日間部', `n${i}`]);
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
}

interface Load {
  stop(): Promise<{ latencies: number[]; failures: number }>;
}

/** Starts the load generator process against `url` and resolves once it sends requests. */
async function startLoad(url: string, token: string): Promise<Load> {
  const child = spawn(path.join(here, 'node_modules/.bin/tsx'), [path.join(here, 'latency-load.ts'), url, token, String(RATE)], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  const first = await lines.next();
  if (first.value !== 'ready') throw new Error(`load generator: ${first.value}`);
  return {
    async stop() {
      child.stdin!.write('stop\n');
      const result = await lines.next();
      return JSON.parse(result.value as string);
    },
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A 50,000-row student roster imported over HTTP while students read their outcomes: the p99
 * latency of `student.outcomes.list` during the import, against its p99 with the server idle,
 * measured in the same run with the same load generator (its own process, 50 requests a second, latency counted from when each was due).
 */
export async function importLatencyBench(dialect: 'sqlite' | 'mysql') {
  const db = await createTestDatabase(dialect);
  const files = fs.mkdtempSync(path.join(os.tmpdir(), 'licheng-bench-'));
  const server: { close(): void }[] = [];
  try {
    const config = parseSchoolConfig({ code: SCHOOL, name: 'bench', type: 'general', plugins: { enabled: ['student', 'registry'] } });
    const app = await createLicheng({ config, db, storage: new LocalFileStorage(files), hostSecret: SECRET, plugins: [student, registry] });
    const k = db.kysely as any;
    const at = nowIso();
    const students = Array.from({ length: STUDENTS }, (_, i) => ({ id: newId(), school_code: SCHOOL, student_no: `S${i}`, host_user_id: `s${i}`, name: `學生${i}`, national_id: nationalId(900_000 + i), birth_date: '2009-01-01', grade: 1, class_name: String(100 + (i % 60)), seat_no: (i % 40) + 1 + 40 * Math.floor(i / 2400), division: 'day', department_code: null, status: 'enrolled', created_at: at, updated_at: at }));
    const courses = Array.from({ length: COURSES }, (_, i) => ({ id: newId(), school_code: SCHOOL, academic_year: 114, semester: 1, code: `108${SCHOOL}E22L0101${String(i).padStart(6, '0')}`.slice(0, 23), subject_name: `科目${i}`, grade_level: 1, credits: 2, class_name: String(i), created_at: at, updated_at: at }));
    await insertChunked(k, 'students', students);
    await insertChunked(k, 'courses', courses);
    const records = students.flatMap((s, i) =>
      Array.from({ length: PER_STUDENT }, (_, j) => ({
        id: newId(), school_code: SCHOOL, kind: 'outcome', student_id: s.id, course_id: courses[(i * 7 + j * 61) % COURSES]!.id, academic_year: 114, semester: 1,
        summary: '成果簡述'.repeat(5), data: '{}', document_file_id: null, media_file_id: null, status: 'pending', status_reason: null,
        decided_by: null, decided_by_name: null, decided_role: null, decided_at: null, entered_by: s.host_user_id, entered_role: 'student', version: 1, created_at: at, updated_at: at,
      })),
    );
    await insertChunked(k, 'records', records);

    const listening = await new Promise<number>((resolve) => {
      server.push(serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info) => resolve(info.port)));
    });
    const base = `http://127.0.0.1:${listening}`;
    const studentToken = await signHostToken({ userId: 's7', name: '學生7', school: SCHOOL, roles: ['student'] }, SECRET);
    const staffToken = await signHostToken({ userId: 'r1', name: '註冊組', school: SCHOOL, roles: ['registry-staff'] }, SECRET);
    const listUrl = `${base}/trpc/student.outcomes.list`;
    const check = await fetch(listUrl, { headers: { authorization: `Bearer ${studentToken}` } });
    if (!check.ok) throw new Error(`outcomes.list answered ${check.status}: ${await check.text()}`);
    const workbook = await rosterWorkbook(IMPORT_ROWS);

    const idle: number[] = [];
    const busy: number[] = [];
    let importMs = 0;
    let failures = 0;
    // How late the server's event loop ran its callbacks, idle and during the imports.
    const idleLag = monitorEventLoopDelay({ resolution: 10 });
    const busyLag = monitorEventLoopDelay({ resolution: 10 });
    for (let round = 0; round < ROUNDS; round++) {
      const idleLoad = await startLoad(listUrl, studentToken);
      idleLag.enable();
      await sleep(IDLE_SECONDS * 1000);
      idleLag.disable();
      const quiet = await idleLoad.stop();
      const busyLoad = await startLoad(listUrl, studentToken);
      busyLag.enable();
      await sleep(500);
      const form = new FormData();
      form.append('kind', 'students');
      form.append('file', new File([workbook as Uint8Array<ArrayBuffer>], 'students.xlsx'));
      const t0 = performance.now();
      const response = await fetch(`${base}/trpc/registry.imports.run`, { method: 'POST', body: form, headers: { authorization: `Bearer ${staffToken}` } });
      const answer = (await response.json()) as any;
      importMs += performance.now() - t0;
      busyLag.disable();
      const during = await busyLoad.stop();
      const result = answer?.result?.data;
      if (!response.ok || !result?.ok || result.counts.inserted !== IMPORT_ROWS) throw new Error(`import failed: ${JSON.stringify(answer).slice(0, 500)}`);
      failures += quiet.failures + during.failures;
      idle.push(...quiet.latencies);
      busy.push(...during.latencies);
      // The next round imports the same 50,000 new students again.
      await k.deleteFrom('students').where('student_no', 'like', 'N%').execute();
    }

    const idleP99 = percentile(idle, 99);
    const busyP99 = percentile(busy, 99);
    return {
      name: 'outcomes list while a 50,000-row roster imports',
      // A failed read counts as over target whatever the latencies.
      ratio: failures ? Infinity : busyP99 / idleP99,
      target: 3,
      detail:
        `p99 ${busyP99.toFixed(1)} ms during the import (${busy.length} requests, max ${Math.max(...busy).toFixed(0)} ms) vs ${idleP99.toFixed(1)} ms idle (${idle.length} requests); ` +
        `p50 ${percentile(busy, 50).toFixed(1)} vs ${percentile(idle, 50).toFixed(1)} ms; ${ROUNDS} rounds, an import took ${(importMs / ROUNDS / 1000).toFixed(1)} s (${(workbook.byteLength / 1024 / 1024).toFixed(1)} MB xlsx); ${failures} failed reads; ` +
        `event-loop delay p99 ${(busyLag.percentile(99) / 1e6).toFixed(0)} ms during vs ${(idleLag.percentile(99) / 1e6).toFixed(0)} ms idle`,
    };
  } finally {
    for (const s of server) s.close();
    await db.destroy();
    fs.rmSync(files, { recursive: true, force: true });
  }
}
