import type { Hono } from 'hono';
import type { Kysely } from 'kysely';
import type { AnyRouter } from '@trpc/server';
import type { Migrations } from '@licheng/db';
import type { LichengContext } from './context.ts';
import type { AppEnv } from './app-env.ts';
import type { JobDefinition } from './jobs/job-runner.ts';
import type { PlatformDatabase } from './platform/tables.ts';
import type { SchoolConfig } from '@licheng/core';
import type { PluginManifest } from './manifest.ts';
import type { PlatformServices } from './services.ts';

export { defineManifest, type PluginManifest, type PluginReminder } from './manifest.ts';

/** Everything the server needs from an office. */
export interface PluginDefinition extends PluginManifest {
  migrations?: Migrations;
  /** Mounted as `<id>.*` under /trpc. */
  router: AnyRouter;
  /** Extra plain HTTP routes (downloads, uploads that are not tRPC), mounted under /api/<id>. */
  routes?: (app: Hono<AppEnv>, deps: PluginDeps) => void;
  /** Background jobs of the office for the platform's job runner (ADR 0026), started by the server when the school enables the office. */
  jobs?: (deps: PluginJobDeps) => JobDefinition[];
  /** Reads this office offers the others through the platform (services.ts), instead of them importing it. */
  services?: PlatformServices;
  /** What the office keeps about a student that the retention purge must clear with the platform's records (ADR 0034). */
  retention?: PluginRetention;
}

/**
 * An office's part in purging a graduate after the retention period (ADR 0034). Called by the
 * platform's retention job inside the one transaction that purges the student, for every enabled
 * office, after the student's row is locked and before the platform's own records are deleted.
 */
export interface PluginRetention {
  /** Deletes the office's rows about the student; returns each table with the rows deleted (0s may be left out). */
  purgeStudent(trx: Kysely<any>, school: string, studentId: string): Promise<RetentionPurged[]>;
  /**
   * The `stored_files` ids the office's rows about the student name, read before `purgeStudent`.
   * The platform deletes such a file row only when no record and no row in `fileColumns` still
   * names it afterwards; the object is then the storage sweep's to remove (ADR 0010).
   */
  fileIdsOf?(trx: Kysely<any>, school: string, studentId: string): Promise<string[]>;
  /** Every column of the office's tables that names a `stored_files` id, of any student; required with `fileIdsOf`. */
  fileColumns?: ReadonlyArray<{ table: string; column: string }>;
}

export interface RetentionPurged {
  table: string;
  rows: number;
}

export interface PluginJobDeps {
  db: Kysely<PlatformDatabase>;
  config: SchoolConfig;
}

export interface PluginDeps {
  context: (request: Request) => Promise<LichengContext>;
}

export function definePlugin<P extends PluginDefinition>(plugin: P): P {
  if (!/^[a-z][a-z0-9-]*$/.test(plugin.id)) throw new Error(`plugin id must be kebab-case: "${plugin.id}"`);
  return plugin;
}

