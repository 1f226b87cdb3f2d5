import type { Kysely } from 'kysely';
import { isWriteConflict, nowIso } from '@licheng/db';
import type { PlatformDatabase } from '../platform/tables.ts';

/**
 * Database row leases for background jobs (docs/adr/0026). One row per job in `job_leases`:
 * a process runs the job only after a conditional UPDATE made it the holder — the row says the
 * job is due (`next_run_at` passed) and nobody holds it (`lease_until` passed). The UPDATE is
 * one atomic statement on MySQL and SQLite alike, so of several processes exactly one sees a
 * changed row. A holder that crashes simply lets its lease run out; the next process takes over.
 */

type Db = Kysely<PlatformDatabase>;

/** The job rows this process has seen exist, per database: each is looked up once, not on every tick. */
const known = new WeakMap<Db, Set<string>>();

/** Makes the job's row exist (due at once); a row another process inserted meanwhile is fine. */
async function ensureRow(db: Db, name: string, now: Date): Promise<void> {
  const seen = known.get(db) ?? new Set<string>();
  known.set(db, seen);
  if (seen.has(name)) return;
  await insertMissing(db, name, now);
  seen.add(name);
}

async function insertMissing(db: Db, name: string, now: Date): Promise<void> {
  const row = await db.selectFrom('job_leases').select('name').where('name', '=', name).executeTakeFirst();
  if (row) return;
  try {
    await db.insertInto('job_leases').values({ name, holder: null, lease_until: nowIso(new Date(0)), next_run_at: nowIso(now), last_started_at: null, last_finished_at: null, last_error: null }).execute();
  } catch (error) {
    if (!isWriteConflict(error)) throw error;
  }
}

/** Takes the job's lease for `leaseMs` when the job is due and nobody holds it; true when this holder got it. */
export async function claimLease(db: Db, name: string, holder: string, leaseMs: number, now: Date): Promise<boolean> {
  await ensureRow(db, name, now);
  const at = nowIso(now);
  const result = await db
    .updateTable('job_leases')
    .set({ holder, lease_until: nowIso(new Date(now.getTime() + leaseMs)), last_started_at: at })
    .where('name', '=', name)
    .where('lease_until', '<=', at)
    .where('next_run_at', '<=', at)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Extends a lease still held (a long run's heartbeat); false when another process took it meanwhile. */
export async function renewLease(db: Db, name: string, holder: string, leaseMs: number, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('job_leases')
    .set({ lease_until: nowIso(new Date(now.getTime() + leaseMs)) })
    .where('name', '=', name)
    .where('holder', '=', holder)
    .where('lease_until', '>', nowIso(now))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Ends a run: frees the lease and, after a success, sets when the job is next due; after a
 * failure the job stays due, so the next tick (of any process) tries again. Only the holder
 * can end its run: false when the lease had run out and another process took the job.
 */
export async function releaseLease(db: Db, name: string, holder: string, outcome: { now: Date; nextRunAt?: Date; error?: string }): Promise<boolean> {
  const at = nowIso(outcome.now);
  const result = await db
    .updateTable('job_leases')
    .set({
      lease_until: at,
      last_finished_at: at,
      last_error: outcome.error ? outcome.error.slice(0, 400) : null,
      ...(outcome.nextRunAt ? { next_run_at: nowIso(outcome.nextRunAt) } : {}),
    })
    .where('name', '=', name)
    .where('holder', '=', holder)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
