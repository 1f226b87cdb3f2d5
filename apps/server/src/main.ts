import { serve } from '@hono/node-server';
import { seedDemo } from './demo/seed.ts';
import { demoSchedule } from './demo/schedule.ts';
import { openApp } from './open-app.ts';
import { buildServer } from './server.ts';
import { readSettings } from './settings.ts';

async function main() {
  const settings = readSettings();
  if (settings.demo && settings.config.schedule.length === 0) settings.config = { ...settings.config, schedule: demoSchedule(new Date()) };
  const { app, db } = await openApp(settings);
  if (settings.demo && (await seedDemo(app))) console.log('demo school loaded');
  const server = buildServer(app, settings);
  const http = serve({ fetch: server.fetch, port: settings.port, hostname: settings.listenHost }, (info) => {
    console.log(`Licheng ${settings.config.name} (${settings.config.code}) on ${db.description}`);
    console.log(`listening on http://${info.address === '::1' ? 'localhost' : info.address}:${info.port}${settings.demo ? '  — DEMO MODE: anyone can sign in as anyone' : ''}`);
  });
  const stop = () => {
    http.close();
    void db.destroy().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
