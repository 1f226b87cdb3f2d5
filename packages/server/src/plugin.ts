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

