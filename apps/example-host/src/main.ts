import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { parseSchoolConfig } from '@licheng/core';
import { openDatabase } from '@licheng/db';
import registry from '@licheng/plugin-registry/server';
import student from '@licheng/plugin-student/server';
import teaching from '@licheng/plugin-teaching/server';
import { createFileStorage, createLicheng, readStorageSettings } from '@licheng/server';
import { createHostApp } from './host-app.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const randomSecret = () => Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('hex');

/** Runs the pretend campus system with Licheng inside it (see README.md). */
async function main() {
  const dataDir = path.resolve(process.env.EXAMPLE_DATA_DIR ?? path.join(here, '../.data'));
  const configFile = path.resolve(process.env.EXAMPLE_SCHOOL_CONFIG ?? path.join(here, '../../server/config/luodong.json'));
  const config = parseSchoolConfig(JSON.parse(fs.readFileSync(configFile, 'utf8')));
  // Host and Licheng share one process here, so a fresh secret per start is enough.
  const hostSecret = process.env.LICHENG_HOST_SECRET ?? randomSecret();
  const db = openDatabase({ url: process.env.LICHENG_DATABASE_URL, dataDir });
  const licheng = await createLicheng({
    config,
    db,
    // Files in the data folder, or an S3-compatible store when LICHENG_STORAGE=s3 (docs/operations.md).
    storage: createFileStorage(readStorageSettings(process.env), path.join(dataDir, 'files')),
    hostSecret,
    plugins: [student, teaching, registry],
  });
  const app = createHostApp({ licheng, hostSecret, sessionSecret: randomSecret(), schoolCode: config.code });
  const port = Number(process.env.PORT ?? 3100);
  serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, () => {
    console.log(`campus system on http://127.0.0.1:${port} — Licheng for ${config.name} under /portfolio (${db.description})`);
  });
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
