import path from 'node:path';
import { openDatabase, type LichengDb } from '@licheng/db';
import { createLicheng, enabledPlugins, LocalFileStorage, type LichengApp } from '@licheng/server';
import { availablePlugins } from './plugins.ts';
import type { Settings } from './settings.ts';

export interface OpenedApp {
  app: LichengApp;
  db: LichengDb;
  storage: LocalFileStorage;
}

/** The database, file storage and Licheng app as the settings describe them (migrated). */
export async function openApp(settings: Settings, now?: () => Date): Promise<OpenedApp> {
  // Refuse offices nobody ships before creating or connecting to any database.
  enabledPlugins(settings.config, availablePlugins);
  const db = openDatabase({ url: settings.databaseUrl, dataDir: settings.dataDir });
  try {
    const storage = new LocalFileStorage(path.join(settings.dataDir, 'files'));
    await storage.clearTemp();
    const app = await createLicheng({ config: settings.config, db, storage, hostSecret: settings.hostSecret, plugins: availablePlugins, corsOrigins: settings.corsOrigins, ...(now ? { now } : {}) });
    return { app, db, storage };
  } catch (error) {
    await db.destroy();
    throw error;
  }
}
