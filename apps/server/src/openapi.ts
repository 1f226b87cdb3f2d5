import { openSqlite } from '@licheng/db';
import { createLicheng, type OpenApiDocument } from '@licheng/server';
import { openFileStorage } from './file-storage.ts';
import { availablePlugins } from './plugins.ts';
import type { Settings } from './settings.ts';

/**
 * The OpenAPI document the server would serve at /openapi.json for this school config, built
 * without touching the deployment's database: the app is composed on an empty in-memory one
 * and never migrated. `serverUrl` is where hosts will reach the API (default `/`).
 */
export async function openApiForSettings(settings: Settings, serverUrl?: string): Promise<OpenApiDocument> {
  const db = openSqlite(':memory:');
  try {
    const storage = openFileStorage(settings);
    const app = await createLicheng({ config: settings.config, db, storage, hostSecret: settings.hostSecret, plugins: availablePlugins, migrate: false });
    const doc = (await (await app.request('/openapi.json')).json()) as OpenApiDocument;
    return serverUrl ? { ...doc, servers: [{ url: serverUrl }] } : doc;
  } finally {
    await db.destroy();
  }
}
