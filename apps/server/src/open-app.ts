import { openDatabase, type LichengDb } from '@licheng/db';
import { createLicheng, enabledPlugins, makePrivateDir, tightenDir, type LichengApp, type SweepableStorage, type TempSweep } from '@licheng/server';
import { prepareFileStorage } from './file-storage.ts';
import { availablePlugins } from './plugins.ts';
import type { Settings } from './settings.ts';

export interface OpenedApp {
  app: LichengApp;
  db: LichengDb;
  storage: SweepableStorage;
  /** What opening removed from tmp/: temp folders of processes that are gone. */
  tempSwept: TempSweep;
}

/**
 * The database, file storage and Licheng app as the settings describe them (migrated). The
 * data folder and its stores are made owner-only; temp files of processes that are gone are
 * removed, never those of another live process (the server beside a CLI command). An object
 * store that cannot be reached (LICHENG_STORAGE=s3) stops the start with a message saying which.
 */
export async function openApp(settings: Settings, now?: () => Date): Promise<OpenedApp> {
  // Refuse offices nobody ships before creating or connecting to any database.
  enabledPlugins(settings.config, availablePlugins);
  await makePrivateDir(settings.dataDir);
  await tightenDir(settings.dataDir);
  const db = openDatabase({ url: settings.databaseUrl, dataDir: settings.dataDir });
  try {
    const { storage, tempSwept } = await prepareFileStorage(settings);
    const app = await createLicheng({ config: settings.config, db, storage, hostSecret: settings.hostSecret, plugins: availablePlugins, corsOrigins: settings.corsOrigins, ...(now ? { now } : {}) });
    return { app, db, storage, tempSwept };
  } catch (error) {
    await db.destroy();
    throw error;
  }
}
