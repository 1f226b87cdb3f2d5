import { Hono } from 'hono';
import { createLicheng, type LichengApp } from '../app.ts';
import type { LichengDb } from '@licheng/db';
import { migrateScopes } from '@licheng/db';
import type { PluginDefinition } from '../plugin.ts';
import type { FileStorage } from '../storage/index.ts';
import { createHostTokenVerifier } from '../identity/index.ts';
import { deploymentMigrations } from './migrations.ts';
import { readSchool, schoolVersion } from './school-store.ts';
import { schoolOfRequest, SCHOOL_HEADER } from './school-of-request.ts';

export interface DeploymentOptions {
  /** The one database every school's rows live in (each row carries its school_code), with the deployment's own table of schools. */
  db: LichengDb;
  /** The one file store every school's objects live in (content-addressed; rows decide what is in use). */
  storage: FileStorage;
  hostSecret: string;
  /** Every office the deployment ships; each school's configuration decides which are on for it. */
  plugins: PluginDefinition[];
  now?: () => Date;
  corsOrigins?: string[];
  maxBodyBytes?: number;
  /**
   * How long a process answers with its copy of a school's configuration before asking the
   * database whether the school changed (default 5 s): an operator's change reaches every
   * process within it, without a restart.
   */
  refreshMs?: number;
  /** Told of each school's app when it is built, and of the one it replaces after a change (the server starts and stops the school's background jobs here). */
  onSchoolApp?: (app: LichengApp, replaced: LichengApp | null) => void | Promise<void>;
}

export interface Deployment {
  /** Answers any request: finds its school, then hands it to that school's app. */
  fetch(request: Request): Promise<Response>;
  /** The school's app, built (or rebuilt after a change) on first need; null when the deployment has no such school. */
  schoolApp(code: string): Promise<LichengApp | null>;
  /** The apps built so far, by school code. */
  readonly apps: ReadonlyMap<string, LichengApp>;
}

interface Entry {
  version: number;
  app: LichengApp;
  checkedAt: number;
}

const json = (status: number, code: string, message: string) =>
  new Response(JSON.stringify({ error: { code, message } }), { status, headers: { 'content-type': 'application/json; charset=utf-8' } });

/** Brings the deployment's own table to its latest schema. */
export async function migrateDeployment(db: LichengDb): Promise<void> {
  await migrateScopes(db.kysely, [{ scope: 'deployment', migrations: deploymentMigrations }]);
}

/**
 * One deployment serving many schools from one database and one file store (docs/adr/0040).
 * Each school runs in its own LichengApp, built from its configuration in the database; the
 * request's school is its `/schools/<code>` path, its token's school claim, or its
 * `x-licheng-school` header. A school an operator adds is served on its first request, and a
 * changed configuration within `refreshMs`, both without a restart.
 */
export async function createDeployment(options: DeploymentOptions): Promise<Deployment> {
  await migrateDeployment(options.db);
  const refreshMs = options.refreshMs ?? 5000;
  const verify = createHostTokenVerifier(options.hostSecret);
  const kysely = options.db.kysely;
  const entries = new Map<string, Entry>();
  /** Codes asked for that the deployment does not have, with when: a stream of unknown codes asks the database once per refresh. */
  const missing = new Map<string, number>();
  const pending = new Map<string, Promise<Entry | null>>();

  const build = async (code: string, known: Entry | undefined): Promise<Entry | null> => {
    const version = await schoolVersion(kysely, code);
    if (version === null) {
      missing.set(code, Date.now());
      return null;
    }
    if (known && known.version === version) {
      known.checkedAt = Date.now();
      return known;
    }
    const school = (await readSchool(kysely, code))!;
    const app = await createLicheng({
      config: school.config,
      db: options.db,
      storage: options.storage,
      hostSecret: options.hostSecret,
      plugins: options.plugins,
      ...(options.now ? { now: options.now } : {}),
      ...(options.corsOrigins ? { corsOrigins: options.corsOrigins } : {}),
      ...(options.maxBodyBytes ? { maxBodyBytes: options.maxBodyBytes } : {}),
    });
    const entry = { version: school.version, app, checkedAt: Date.now() };
    entries.set(code, entry);
    missing.delete(code);
    await options.onSchoolApp?.(app, known?.app ?? null);
    return entry;
  };

  const schoolApp = async (code: string): Promise<LichengApp | null> => {
    const known = entries.get(code);
    const now = Date.now();
    if (known && now - known.checkedAt < refreshMs) return known.app;
    const missedAt = missing.get(code);
    if (!known && missedAt !== undefined && now - missedAt < refreshMs) return null;
    let building = pending.get(code);
    if (!building) {
      building = build(code, known).finally(() => pending.delete(code));
      pending.set(code, building);
    }
    return (await building)?.app ?? null;
  };

  const outer = new Hono();
  outer.get('/health', async (c) => {
    const schools = await kysely.selectFrom('deployment_schools').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    return c.json({ status: 'ok', database: options.db.dialect, schools: Number(schools.n) });
  });
  outer.all('*', async (c) => {
    const found = schoolOfRequest(c.req.raw, verify);
    if (!found) {
      return json(400, 'SCHOOL_REQUIRED', `請以學校代碼路徑 /schools/<code>/、學校的使用者憑證或 ${SCHOOL_HEADER} 標頭指明學校 / Name the school: a /schools/<code>/ path, a host token of the school, or the ${SCHOOL_HEADER} header`);
    }
    let app: LichengApp | null;
    try {
      app = await schoolApp(found.code);
    } catch (error) {
      console.error(`[licheng] school ${found.code} could not be opened:`, error instanceof Error ? error.message : error);
      return json(503, 'SCHOOL_UNAVAILABLE', `學校 ${found.code} 暫時無法使用，請稍後再試 / School ${found.code} cannot be served right now; try again shortly`);
    }
    if (!app) return json(404, 'NOT_FOUND', `本平台沒有學校 ${found.code} / This deployment serves no school ${found.code}`);
    return app.fetch(found.request);
  });
  return {
    fetch: async (request) => outer.fetch(request),
    schoolApp,
    get apps() {
      return new Map([...entries].map(([code, entry]) => [code, entry.app]));
    },
  };
}
