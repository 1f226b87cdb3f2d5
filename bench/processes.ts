// What the deadline and bulk benchmarks share to drive their processes and read their figures.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export const here = path.dirname(fileURLToPath(import.meta.url));
export const tsx = path.join(here, 'node_modules/.bin/tsx');

/** A child process speaking line by line on stdout; stderr goes to ours. */
export function child(command: string, args: string[]) {
  const proc: ChildProcess = spawn(command, args, { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: proc.stdout! })[Symbol.asyncIterator]();
  const next = async () => {
    const line = await lines.next();
    if (line.done) throw new Error(`${args[0]} ended without answering`);
    return line.value as string;
  };
  return { proc, next, send: (line: string) => proc.stdin!.write(`${line}\n`) };
}

export type Child = ReturnType<typeof child>;

/** What a server of observed-server.ts reports. */
export interface Usage {
  cpuMicros: number;
  rss: number;
  peakRss: number;
  /** How late the server's event loop ran (p99 and worst, ms) since the previous report. */
  loopDelayP99: number;
  loopDelayMax: number;
}

/**
 * Starts a server script of this folder (observed-server.ts) and resolves with it and its base URL
 * once it listens. With LICHENG_BENCH_PROFILE=<dir> the server writes a CPU profile there when it exits.
 */
export async function startServer(script: string, args: string[]) {
  const profile = process.env.LICHENG_BENCH_PROFILE;
  const server = child(tsx, [...(profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : []), path.join(here, script), ...args]);
  const { port } = JSON.parse(await server.next()) as { port: number };
  const usage = async () => {
    server.send('usage');
    return JSON.parse(await server.next()) as Usage;
  };
  const stop = async () => {
    server.send('exit');
    await new Promise((resolve) => (server.proc.exitCode !== null ? resolve(null) : server.proc.once('exit', resolve)));
  };
  return { ...server, base: `http://127.0.0.1:${port}`, usage, stop };
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? NaN;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export const mb = (bytes: number) => bytes / 1024 / 1024;
