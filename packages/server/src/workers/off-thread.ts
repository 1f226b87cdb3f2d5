import { DomainError, type MessageParams } from '@licheng/core';
import { Worker } from 'node:worker_threads';

/**
 * Heavy work off the request thread: a task — an exported function of a module, called with
 * arguments that can be copied to another thread (bytes, plain objects) — runs in a worker
 * thread while the caller awaits it, so the event loop keeps serving requests meanwhile. One
 * worker runs one task at a time (the others wait their turn): a school server has few cores,
 * and what an import reads is bounded per task, so at most one task's memory is in use.
 *
 * The worker's heap is capped (WORKER_HEAP_MB); a task that passes the cap ends the worker,
 * not the server, and its caller gets a WorkerFailed error. A DomainError thrown by the task
 * reaches the caller as a DomainError.
 */
export const WORKER_HEAP_MB = 1024;

export interface OffThreadTask {
  /** The module's file URL, e.g. `new URL('./read-task.ts', import.meta.url)`. */
  module: URL;
  /** The exported function to call. */
  name: string;
}

/** The worker ended (out of memory, crashed: `exited`) or a task failed with something other than a DomainError. */
export class WorkerFailed extends Error {
  override name = 'WorkerFailed';

  constructor(
    message: string,
    readonly exited: boolean,
  ) {
    super(message);
  }
}

interface Job {
  task: OffThreadTask;
  args: unknown[];
  resolve: (value: any) => void;
  reject: (error: Error) => void;
}

type Answer = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: { domain: boolean; code?: string; params?: MessageParams; message: string } };

const ENTRY = new URL('./worker-entry.mjs', import.meta.url);
const queue: Job[] = [];
let worker: Worker | null = null;
let running: (Job & { id: number }) | null = null;
let nextId = 1;

/**
 * The worker's events this file listens to, typed here: browser packages that type-check the
 * server's sources (through the routers' types) see Node's typings without its event maps.
 */
interface WorkerEvents {
  on(event: 'message', listener: (answer: Answer) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
}

function startWorker(): Worker {
  const created = new Worker(ENTRY, { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } }) as Worker & WorkerEvents;
  created.on('message', (answer: Answer) => {
    const job = running;
    if (!job || job.id !== answer.id) return;
    running = null;
    if (answer.ok) job.resolve(answer.value);
    else if (answer.error.domain) job.reject(new DomainError(answer.error.code!, answer.error.params ?? {}));
    else job.reject(new WorkerFailed(answer.error.message, false));
    next();
  });
  const fail = (reason: string) => {
    if (worker === created) worker = null;
    const job = running;
    running = null;
    job?.reject(new WorkerFailed(reason, true));
    next();
  };
  created.on('error', (error) => fail(`worker error: ${error.message}`));
  created.on('exit', (code) => fail(`worker exited (${code})`));
  return created;
}

function next(): void {
  if (running) return;
  const job = queue.shift();
  if (!job) {
    // An idle worker never keeps the process alive.
    worker?.unref();
    return;
  }
  worker ??= startWorker();
  worker.ref();
  running = { ...job, id: nextId++ };
  worker.postMessage({ id: running.id, module: job.task.module.href, name: job.task.name, args: job.args });
}

/** Runs `task` with `args` in the worker thread and answers what it returns. */
export function runOffThread<T>(task: OffThreadTask, ...args: unknown[]): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    queue.push({ task, args, resolve, reject });
    next();
  });
}

/** Ends the worker (a running task fails with WorkerFailed); the next task starts a new one. */
export async function stopOffThreadWorker(): Promise<void> {
  const current = worker;
  worker = null;
  await current?.terminate();
}
