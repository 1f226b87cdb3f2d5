// The load generator of the deadline benchmark, in its own process: `tsx deadline-load.ts <base-url>
// <plan.json>` prints `ready`, waits for a line on stdin, runs the plan, prints its result as one
// JSON line and exits. Open loop: every request has a time it is due and its latency counts from
// then, so a server that stalls is charged for every request it delayed.
//
// Plan `peak`: each student starts at an evenly spread moment of the first `seconds` and runs the
// selection flow of the student office — student.outcomes.list, student.courses.list,
// student.selections.get, student.selections.save (six of the passed outcomes the list returned)
// — each step due `thinkMs` after the previous one was due (sent when the previous answer is in,
// if that is later). Beside it, and in plan `uploads` alone, one student.outcomes.upload of a PDF
// of `uploadBytes` bytes (distinct bytes each) is due every 1/`uploadsPerSecond` s for `seconds`.
import { randomFillSync } from 'node:crypto';
import fs from 'node:fs';
import { createInterface } from 'node:readline';

export interface DeadlinePlan {
  mode: 'peak' | 'uploads';
  students: { token: string; courseId: string }[];
  seconds: number;
  thinkMs: number;
  uploadsPerSecond: number;
  uploadBytes: number;
  academicYear: number;
}

export const STEPS = ['list', 'courses', 'selectionGet', 'selectionSave', 'upload'] as const;
export type Step = (typeof STEPS)[number];

export interface DeadlineLoadResult {
  latencies: Record<Step, number[]>;
  failures: Record<Step, number>;
  /** The first few failures: step, status and the start of the body. */
  errors: string[];
  /** Seconds from the first request due to the last answer. */
  elapsed: number;
  uploadedBytes: number;
  /** This process's own CPU time over the run, µs: a starved load generator would send late. */
  cpuMicros: number;
}

const [base, planFile] = process.argv.slice(2);
if (!base || !planFile) throw new Error('usage: deadline-load.ts <base-url> <plan.json>');
const plan = JSON.parse(fs.readFileSync(planFile, 'utf8')) as DeadlinePlan;
const result: DeadlineLoadResult = {
  latencies: Object.fromEntries(STEPS.map((s) => [s, []])) as unknown as Record<Step, number[]>,
  failures: Object.fromEntries(STEPS.map((s) => [s, 0])) as Record<Step, number>,
  errors: [],
  elapsed: 0,
  uploadedBytes: 0,
  cpuMicros: 0,
};
const pdf = randomFillSync(Buffer.alloc(plan.uploadBytes));
pdf.write('%PDF-1.7\n', 0, 'latin1');
let uploadSerial = 0;

const sleepUntil = async (due: number) => {
  const wait = due - performance.now();
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
};

/** Sends one request when due (or now, if later) and records its latency from `due`; the parsed body, or undefined on failure. */
async function timed(step: Step, due: number, send: () => Promise<Response>): Promise<any> {
  await sleepUntil(due);
  let body: any;
  try {
    const response = await send();
    const text = await response.text();
    if (!response.ok) {
      result.failures[step]++;
      if (result.errors.length < 5) result.errors.push(`${step} ${response.status} ${text.slice(0, 200)}`);
    } else body = JSON.parse(text).result.data;
  } catch (error) {
    result.failures[step]++;
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    if (result.errors.length < 5) result.errors.push(`${step} ${String(error)}${cause ? ` (${cause.code ?? ''} ${cause.message ?? ''})` : ''}`);
  }
  result.latencies[step].push(performance.now() - due);
  return body;
}

const auth = (token: string) => ({ authorization: `Bearer ${token}` });
const get = (procedure: string, token: string, input?: unknown) => () =>
  fetch(`${base}/trpc/${procedure}${input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`}`, { headers: auth(token) });

async function studentFlow(index: number, start: number): Promise<void> {
  const { token } = plan.students[index]!;
  const due = (step: number) => start + step * plan.thinkMs;
  const outcomes = (await timed('list', due(0), get('student.outcomes.list', token))) as { id: string; status: string }[] | undefined;
  await timed('courses', due(1), get('student.courses.list', token));
  await timed('selectionGet', due(2), get('student.selections.get', token, { academicYear: plan.academicYear }));
  // Six of the passed outcomes, a different six for each student.
  const passed = (outcomes ?? []).filter((o) => o.status === 'passed').map((o) => o.id);
  const chosen = passed.map((_, i) => passed[(i + index) % passed.length]!).slice(0, 6);
  await timed('selectionSave', due(3), () =>
    fetch(`${base}/trpc/student.selections.save`, { method: 'POST', headers: { ...auth(token), 'content-type': 'application/json' }, body: JSON.stringify({ academicYear: plan.academicYear, recordIds: chosen }) }),
  );
}

async function upload(due: number): Promise<void> {
  // Made when due, not all at once: a run of uploads would otherwise hold every body in memory.
  await sleepUntil(due);
  const serial = uploadSerial++;
  const student = plan.students[(serial * 37) % plan.students.length]!;
  // Distinct bytes for each upload: storage is content-addressed and would skip a repeated file.
  const bytes = Buffer.from(pdf);
  bytes.writeUInt32LE(serial, 16);
  bytes.writeUInt32LE(process.pid, 20);
  await timed('upload', due, () => {
    const form = new FormData();
    form.append('courseId', student.courseId);
    form.append('summary', `期末專題報告 ${serial}`);
    form.append('document', new File([bytes], `report-${serial}.pdf`, { type: 'application/pdf' }));
    return fetch(`${base}/trpc/student.outcomes.upload`, { method: 'POST', headers: auth(student.token), body: form });
  });
  result.uploadedBytes += bytes.byteLength;
}

async function run(): Promise<void> {
  const start = performance.now();
  const pending: Promise<void>[] = [];
  if (plan.mode === 'peak') {
    const spacing = (plan.seconds * 1000) / plan.students.length;
    plan.students.forEach((_, i) => pending.push(studentFlow(i, start + i * spacing)));
  }
  const uploads = Math.floor(plan.seconds * plan.uploadsPerSecond);
  for (let i = 0; i < uploads; i++) pending.push(upload(start + (i * 1000) / plan.uploadsPerSecond));
  await Promise.all(pending);
  result.elapsed = (performance.now() - start) / 1000;
}

process.stdout.write('ready\n');
createInterface({ input: process.stdin }).once('line', async () => {
  const cpu = process.cpuUsage();
  await run();
  const used = process.cpuUsage(cpu);
  result.cpuMicros = used.user + used.system;
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.exit(0);
});
