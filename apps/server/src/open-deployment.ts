import { openDatabase, type LichengDb } from '@licheng/db';
import {
  createDeployment,
  listSchools,
  makePrivateDir,
  migrateDeployment,
  seedSchools,
  smtpTransport,
  startJobRunner,
  startSweeper,
  tightenDir,
  type Deployment,
  type JobRunner,
  type LichengApp,
  type SweepableStorage,
} from '@licheng/server';
import type { Hono } from 'hono';
import { prepareFileStorage } from './file-storage.ts';
import { availablePlugins, checkOffices } from './plugins.ts';
import { schoolJobs } from './school-jobs.ts';
import { buildPortalServer, DEPLOYMENT_PATHS } from './server.ts';
import type { DeploymentSettings } from './settings.ts';

export interface OpenedDeployment {
  deployment: Deployment;
  db: LichengDb;
  storage: SweepableStorage;
  /** The portal's pages and every school's API. */
  server: Hono;
  /** The school codes the seed files added to the database on this start. */
  seeded: string[];
  /** Stops the background work (jobs, sweep, the watch for new schools) and closes the database. */
  close(): Promise<void>;
}

/** How often a deployment looks for schools an operator added, to start their background jobs. */
const WATCH_MS = 60_000;

/**
 * A deployment of many schools (docs/adr/0040): one database, one file store, the schools'
 * configurations in the database (seeded from the files named in the settings). Each school's
 * background jobs run under its own leases once its app is built: every school at start, a
 * school an operator adds within a minute, all without a restart.
 */
export async function openDeployment(settings: DeploymentSettings, options: { watchMs?: number; refreshMs?: number } = {}): Promise<OpenedDeployment> {
  await makePrivateDir(settings.dataDir);
  await tightenDir(settings.dataDir);
  const db = openDatabase({ url: settings.databaseUrl, dataDir: settings.dataDir });
  const runners = new Map<LichengApp, JobRunner>();
  let watch: NodeJS.Timeout | undefined;
  const mail = settings.smtp ? smtpTransport(settings.smtp) : null;
  try {
    // The data folder's files/, or an S3-compatible store every server of the deployment shares (LICHENG_STORAGE).
    const { storage } = await prepareFileStorage(settings);
    await migrateDeployment(db);
    const seeded = await seedSchools(db.kysely, settings.seeds, { by: 'seed', check: checkOffices });
    const startJobs = async (app: LichengApp, replaced: LichengApp | null) => {
      if (replaced) {
        await runners.get(replaced)?.stop();
        runners.delete(replaced);
      }
      runners.set(app, startJobRunner(db.kysely, { tickMs: settings.jobTickMs, jobs: schoolJobs(db, app.config, mail, settings) }));
    };
    const deployment = await createDeployment({
      db,
      storage,
      hostSecret: settings.hostSecret,
      plugins: availablePlugins,
      corsOrigins: settings.corsOrigins,
      onSchoolApp: startJobs,
      ...(options.refreshMs !== undefined ? { refreshMs: options.refreshMs } : {}),
    });
    // Every school's app (and so its jobs) now, and any school added later.
    const openAll = async () => {
      for (const school of await listSchools(db.kysely)) await deployment.schoolApp(school.code);
    };
    await openAll();
    watch = setInterval(() => void openAll().catch((error: unknown) => console.error('[licheng] looking for new schools failed (tried again later):', error instanceof Error ? error.message : error)), options.watchMs ?? WATCH_MS);
    watch.unref();
    const sweeper = startSweeper(db, storage, { intervalMs: settings.sweepIntervalMs, graceMs: settings.sweepGraceMs });
    const server = buildPortalServer(
      {
        offices: availablePlugins.map((p) => p.id),
        routes(app) {
          for (const route of DEPLOYMENT_PATHS) app.all(route, (c) => deployment.fetch(c.req.raw));
        },
      },
      settings,
    );
    return {
      deployment,
      db,
      storage,
      server,
      seeded,
      async close() {
        clearInterval(watch);
        await Promise.all([sweeper.stop(), ...[...runners.values()].map((r) => r.stop())]);
        mail?.close();
        await db.destroy();
      },
    };
  } catch (error) {
    clearInterval(watch);
    await Promise.all([...runners.values()].map((r) => r.stop()));
    mail?.close();
    await db.destroy();
    throw error;
  }
}
