// The server of the portal cold-load benchmark, in its own process so the browser driver's work
// never delays it: `tsx portal-server.ts <work folder> <sqlite|mysql database URL> <host secret>`.
// It serves the built portal copied into <work folder>/portal exactly as the standalone server
// does (apps/server buildServer: compression, precompressed modules, the school's import map),
// on the demo school's config and data, and prints `ready <port>`; it stops on a line on stdin.
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { buildServer, demoSchedule, openApp, readSettings, seedDemo } from '@licheng/app-server';

const [work, databaseUrl, secret] = process.argv.slice(2);
if (!work || !databaseUrl || !secret) throw new Error('usage: portal-server.ts <work folder> <database URL> <host secret>');
const here = path.dirname(fileURLToPath(import.meta.url));

const settings = readSettings({
  LICHENG_SCHOOL_CONFIG: path.resolve(here, '../apps/server/config/demo-school.json'),
  LICHENG_HOST_SECRET: secret,
  LICHENG_DATA_DIR: path.join(work, 'data'),
  LICHENG_PORTAL_DIR: path.join(work, 'portal'),
  LICHENG_DATABASE_URL: databaseUrl,
});
if (settings.config.schedule.length === 0) settings.config = { ...settings.config, schedule: demoSchedule(new Date()) };
const { app, db } = await openApp(settings);
await seedDemo(app);
const server = buildServer(app, settings);
const http = serve({ fetch: server.fetch, hostname: '127.0.0.1', port: 0 }, (info) => console.log(`ready ${info.port} ${settings.config.code}`));
for await (const _line of createInterface({ input: process.stdin })) break;
http.close();
await db.destroy();
process.exit(0);
