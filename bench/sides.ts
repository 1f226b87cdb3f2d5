// What the benchmarks that compare two servers share: each server in its own process (it prints
// `{"port":N}` and answers measured-server.ts's commands), load from a third process
// (closed-load.ts), and each side's CPU per request from the server's own count.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const tsx = path.join(here, 'node_modules/.bin/tsx');

/** How hard and how long the load generator presses one side. */
export interface LoadShape {
  /** Requests kept in flight. */
  concurrency: number;
  /** Seconds of load per measurement. */
  seconds: number;
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? NaN;
}

/** A child process speaking line by line on stdout. */
function child(script: string, args: string[]) {
  const proc: ChildProcess = spawn(tsx, [path.join(here, script), ...args], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: proc.stdout! })[Symbol.asyncIterator]();
  const next = async () => {
    const line = await lines.next();
    if (line.done) throw new Error(`${script} ended without answering`);
    return line.value as string;
  };
  return { proc, next, send: (line: string) => proc.stdin!.write(`${line}\n`) };
}

/** Starts a measured server script; `url` is its address of `requestPath`. */
export async function startServer(script: string, args: string[], requestPath: string) {
  const c = child(script, args);
  const { port } = JSON.parse(await c.next()) as { port: number };
  return { ...c, url: `http://127.0.0.1:${port}${requestPath}` };
}

export type Server = Awaited<ReturnType<typeof startServer>>;

/** Ends a server started by startServer and waits for its exit. */
export async function stopServer(server: Server): Promise<void> {
  server.send('exit');
  await new Promise((resolve) => (server.proc.exitCode !== null ? resolve(null) : server.proc.once('exit', resolve)));
}

interface Load {
  requests: number;
  failures: number;
  seconds: number;
  latencies: number[];
}

/** `tokens`: one, or several comma-separated, used in turn. */
export async function load(url: string, tokens: string, shape: LoadShape, seconds: number): Promise<Load> {
  const c = child('closed-load.ts', [url, tokens, String(shape.concurrency), String(seconds)]);
  return JSON.parse(await c.next()) as Load;
}

export type Measured = Load & { cpuMicros: number; served: number };

/** Load on one server for `shape.seconds`, with that server's CPU time over the same window. */
export async function measure(server: Server, tokens: string, shape: LoadShape): Promise<Measured> {
  server.send('start');
  if ((await server.next()) !== 'ok') throw new Error('server did not start measuring');
  const result = await load(server.url, tokens, shape, shape.seconds);
  server.send('stop');
  const cpu = JSON.parse(await server.next()) as { cpuMicros: number; requests: number };
  // CPU per request divides by what the server itself counted in the same window.
  return { ...result, cpuMicros: cpu.cpuMicros, served: cpu.requests };
}

/** One side's runs together: requests, failures, req/s, p50/p99 (ms) and CPU per request (µs). */
export function summarize(runs: Measured[]) {
  const requests = runs.reduce((n, r) => n + r.requests, 0);
  const served = runs.reduce((n, r) => n + r.served, 0);
  const latencies = runs.flatMap((r) => r.latencies).sort((a, b) => a - b);
  return {
    requests,
    failures: runs.reduce((n, r) => n + r.failures, 0),
    perSecond: requests / runs.reduce((n, r) => n + r.seconds, 0),
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    cpuPerRequest: runs.reduce((n, r) => n + r.cpuMicros, 0) / served,
  };
}
