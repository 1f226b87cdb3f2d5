import { serve } from '@hono/node-server';
import { listSchools, smtpTransport, startJobRunner, startSweeper } from '@licheng/server';
import { schoolJobs } from './school-jobs.ts';
import { seedDemo } from './demo/seed.ts';
import { demoSchedule } from './demo/schedule.ts';
import { storageDescription } from './file-storage.ts';
import { openApp } from './open-app.ts';
import { buildServer } from './server.ts';
import { isMultiSchool, readDeploymentSettings, readSettings } from './settings.ts';
import { openDeployment } from './open-deployment.ts';

const listeningOn = (info: { address: string; port: number }) => `listening on http://${info.address === '::1' ? 'localhost' : info.address}:${info.port}`;

/** Many schools from one process (LICHENG_MULTI_SCHOOL=1): their configurations live in the database. */
async function mainDeployment() {
  const settings = readDeploymentSettings();
  const opened = await openDeployment(settings);
  const schools = await listSchools(opened.db.kysely);
  if (opened.seeded.length) console.log(`added from the seed files: ${opened.seeded.join(', ')}`);
  const http = serve({ fetch: opened.server.fetch, port: settings.port, hostname: settings.listenHost }, (info) => {
    console.log(`Licheng deployment of ${schools.length} schools (${schools.map((s) => s.code).join(', ') || 'none yet: add one with \`licheng schools add\`'}) on ${opened.db.description}, files on ${storageDescription(settings)}`);
    console.log(listeningOn(info));
  });
  const stop = () => {
    http.close();
    void opened.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

async function main() {
  if (isMultiSchool()) return mainDeployment();
  const settings = readSettings();
  if (settings.demo && settings.config.schedule.length === 0) settings.config = { ...settings.config, schedule: demoSchedule(new Date()) };
  const { app, db, storage, tempSwept } = await openApp(settings);
  if (tempSwept.folders.length || tempSwept.files.length) console.log(`removed ${tempSwept.folders.length} temp folders of stopped processes and ${tempSwept.files.length} stale temp files`);
  if (settings.demo && (await seedDemo(app))) console.log('demo school loaded');
  const server = buildServer(app, settings);
  const http = serve({ fetch: server.fetch, port: settings.port, hostname: settings.listenHost }, (info) => {
    console.log(`Licheng ${settings.config.name} (${settings.config.code}) on ${db.description}, files on ${storageDescription(settings)}`);
    console.log(`${listeningOn(info)}${settings.demo ? '  — DEMO MODE: anyone can sign in as anyone' : ''}`);
  });
  // Removes what crashes and refused uploads left behind (docs/operations.md#the-sweep).
  const sweeper = startSweeper(db, storage, { intervalMs: settings.sweepIntervalMs, graceMs: settings.sweepGraceMs });
  // Background jobs, safe with several processes on one database (docs/adr/0026; docs/operations.md#reminders).
  const mail = settings.smtp ? smtpTransport(settings.smtp) : null;
  const jobs = startJobRunner(db.kysely, { tickMs: settings.jobTickMs, jobs: schoolJobs(db, settings.config, mail, settings) });
  const stop = () => {
    http.close();
    void Promise.all([sweeper.stop(), jobs.stop()])
      .then(() => mail?.close())
      .then(() => db.destroy())
      .then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
