import os from 'node:os';
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { PlatformDatabase } from '../platform/tables.ts';
import { claimLease, releaseLease, renewLease } from './job-leases.ts';

/** A platform background job: run at most once per `everyMs` across every server process. */
export interface JobDefinition {
  /** Unique and never renamed: it is the job's row in `job_leases`. */
  name: string;
  /** How long after a successful run the job is due again. */
  everyMs: number;
  /** How long one run may hold the job before another process may take over (default 5 minutes); renewed while it runs. */
  leaseMs?: number;
  /** The work; what it returns is logged. A throw is logged and the job stays due (the next tick retries). */
  run(now: Date): Promise<string | void>;
}

export interface JobRunner {
  /** Checks every job once now (what each tick does); resolves when the runs it started end. */
  tick(): Promise<void>;
  /** Stops the timer and waits for runs in progress. */
  stop(): Promise<void>;
  /** This process's name in `job_leases.holder`. */
  readonly holder: string;
}

export interface JobRunnerOptions {
  jobs: JobDefinition[];
  /** How often the runner looks for due jobs; 0 = never on its own (call tick()). */
  tickMs: number;
  now?: () => Date;
  holder?: string;
  log?: (line: string) => void;
  logError?: (line: string) => void;
}

const DEFAULT_LEASE_MS = 5 * 60_000;

/**
 * Runs the platform's background jobs in this server process (an unref'd timer: it never keeps
 * the process alive). Several processes may run a runner on one database: a job runs only in
 * the process holding its lease (job-leases.ts). Runs of one job never overlap within a
 * process either; a failed run is logged, never thrown.
 */
export function startJobRunner(db: Kysely<PlatformDatabase>, options: JobRunnerOptions): JobRunner {
  const now = options.now ?? (() => new Date());
  const log = options.log ?? ((line: string) => console.log(line));
  const logError = options.logError ?? ((line: string) => console.error(line));
  const holder = options.holder ?? `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const running = new Map<string, Promise<void>>();
  let stopped = false;

  const runOnce = async (job: JobDefinition): Promise<void> => {
    const leaseMs = job.leaseMs ?? DEFAULT_LEASE_MS;
    const started = now();
    if (!(await claimLease(db, job.name, holder, leaseMs, started))) return;
    // Heartbeat: a long run keeps its lease; a crash lets it run out.
    const heartbeat = setInterval(() => void renewLease(db, job.name, holder, leaseMs, now()).catch(() => undefined), Math.max(leaseMs / 3, 10));
    heartbeat.unref();
    try {
      const said = await job.run(started);
      clearInterval(heartbeat);
      const kept = await releaseLease(db, job.name, holder, { now: now(), nextRunAt: new Date(started.getTime() + job.everyMs) });
      log(`[licheng] job ${job.name}: ${said || 'done'}${kept ? '' : ' (its lease had run out meanwhile)'}`);
    } catch (error) {
      clearInterval(heartbeat);
      const message = error instanceof Error ? error.message : String(error);
      logError(`[licheng] job ${job.name} failed (the next tick tries again): ${message}`);
      await releaseLease(db, job.name, holder, { now: now(), error: message });
    }
  };

  const tick = async (): Promise<void> => {
    const runs = options.jobs.map((job) => {
      let run = running.get(job.name);
      if (!run && !stopped) {
        run = runOnce(job)
          .catch((error: unknown) => logError(`[licheng] job ${job.name} could not be claimed (the next tick tries again): ${error instanceof Error ? error.message : String(error)}`))
          .finally(() => running.delete(job.name));
        running.set(job.name, run);
      }
      return run;
    });
    await Promise.all(runs);
  };

  const timer = options.tickMs > 0 ? setInterval(() => void tick(), options.tickMs) : null;
  timer?.unref();
  return {
    holder,
    tick,
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      await Promise.all(running.values());
    },
  };
}
