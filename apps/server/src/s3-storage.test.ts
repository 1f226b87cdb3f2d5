import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, testDialects, type TestDatabase } from '@licheng/db/testing';
import { S3FileStorage, signHostToken } from '@licheng/server';
import { fakeFile, startS3Server, type TestS3Server } from '@licheng/server/testing';
import { demoSchedule } from './demo/schedule.ts';
import { seedDemo } from './demo/seed.ts';
import { openApp, type OpenedApp } from './open-app.ts';
import { openDeployment } from './open-deployment.ts';
import { appRoot, readDeploymentSettings, readSettings, type Settings } from './settings.ts';
import { HOST_SECRET, tempDirs } from './testing/temp.ts';

const temp = tempDirs();
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe.each(testDialects())('files on an S3-compatible store shared by two server processes, on %s', (dialect) => {
  let s3: TestS3Server | undefined;
  let database: TestDatabase | undefined;
  const opened: OpenedApp[] = [];
  afterEach(async () => {
    for (const o of opened.splice(0)) {
      (o.storage as S3FileStorage).destroy();
      await o.db.destroy();
    }
    await database?.destroy();
    await s3?.stop();
    temp.cleanup();
  });

  /** One server process's settings: its own data folder, the shared database and bucket. */
  function settingsOf(server: TestS3Server, db: TestDatabase): Settings {
    const settings = readSettings({
      LICHENG_DATA_DIR: temp.make('licheng-node-'),
      LICHENG_SCHOOL_CONFIG: path.join(appRoot, 'config/demo-school.json'),
      LICHENG_HOST_SECRET: HOST_SECRET,
      LICHENG_DATABASE_URL: db.url,
      LICHENG_STORAGE: 's3',
      LICHENG_S3_ENDPOINT: server.endpoint,
      LICHENG_S3_BUCKET: server.bucket,
      LICHENG_S3_REGION: server.region,
      LICHENG_S3_ACCESS_KEY_ID: server.accessKeyId,
      LICHENG_S3_SECRET_ACCESS_KEY: server.secretAccessKey,
      LICHENG_S3_PREFIX: 'school-999901/',
    });
    settings.config = { ...settings.config, schedule: demoSchedule(new Date()) };
    return settings;
  }

  it('serves a file uploaded through one app instance from another one on the same database and bucket', async () => {
    s3 = await startS3Server();
    database = await createTestDatabase(dialect);
    const settingsA = settingsOf(s3, database);
    const settingsB = settingsOf(s3, database);
    const a = await openApp(settingsA);
    opened.push(a);
    expect(await seedDemo(a.app)).toBe(true);

    const student = await a.db.kysely.selectFrom('students' as any).select(['host_user_id', 'name']).where('host_user_id', 'is not', null).orderBy('id').executeTakeFirstOrThrow();
    const token = await signHostToken({ userId: student.host_user_id, name: student.name, school: settingsA.config.code, roles: ['student'] }, HOST_SECRET, 600);
    const auth = { authorization: `Bearer ${token}` };
    const courses = (await (await a.app.request('/trpc/student.courses.list', { headers: auth })).json()) as any;
    const courseId = courses.result.data.courses[0].id as string;
    const file = fakeFile('pdf', 300_000, '學習成果.pdf');
    const bytes = new Uint8Array(await file.arrayBuffer());
    const form = new FormData();
    for (const [k, v] of Object.entries({ courseId, summary: '跨伺服器的檔案', document: file })) form.append(k, v);
    const uploaded = (await (await a.app.request('/trpc/student.outcomes.upload', { method: 'POST', headers: auth, body: form })).json()) as any;
    expect(uploaded.error?.message).toBeUndefined();
    const fileId = uploaded.result.data.documentFileId as string;

    // The second process: its own data folder and its own S3FileStorage, the same database and bucket.
    const b = await openApp(settingsB);
    opened.push(b);
    expect(b.storage).toBeInstanceOf(S3FileStorage);
    expect(b.storage).not.toBe(a.storage);
    const res = await b.app.request(`/api/files/${fileId}?download=1`, { headers: auth });
    expect(res.status).toBe(200);
    expect(sha256(new Uint8Array(await res.arrayBuffer()))).toBe(sha256(bytes));

    // The bytes are in the bucket under the school's prefix, and in neither data folder.
    const look = new S3FileStorage({ ...s3, prefix: 'school-999901/', forcePathStyle: true, tempRoot: temp.make() });
    const listed: string[] = [];
    for await (const sha of look.list()) listed.push(sha);
    expect(listed).toContain(sha256(bytes));
    look.destroy();
    for (const settings of [settingsA, settingsB]) expect(fs.existsSync(path.join(settings.dataDir, 'files', 'objects'))).toBe(false);

    // The store down: a clear 503, not a file reported missing.
    await s3.stop();
    const down = await b.app.request(`/api/files/${fileId}`, { headers: auth });
    expect(down.status).toBe(503);
    expect(((await down.json()) as any).error).toEqual({ code: 'storage-unavailable', message: expect.stringContaining('儲存空間目前無法讀取') });
  }, 120_000);

  it('refuses to start, naming the store, when the object store cannot be reached', async () => {
    s3 = await startS3Server();
    database = await createTestDatabase(dialect);
    const settings = settingsOf(s3, database);
    await s3.stop();
    await expect(openApp(settings)).rejects.toThrow(
      `the file store (S3 ${s3.endpoint} bucket ${s3.bucket} prefix school-999901/) cannot be used: storage-unavailable; the line above says why (check LICHENG_S3_ENDPOINT, LICHENG_S3_BUCKET and the key pair)`,
    );
  }, 60_000);

  it('runs a deployment of many schools on the store too: what one server stores, a second one reads', async () => {
    s3 = await startS3Server();
    database = await createTestDatabase(dialect);
    const env = (dataDir: string) => ({
      LICHENG_MULTI_SCHOOL: '1',
      LICHENG_HOST_SECRET: HOST_SECRET,
      LICHENG_DATA_DIR: dataDir,
      LICHENG_DATABASE_URL: database!.url,
      LICHENG_SCHOOL_CONFIG: path.join(appRoot, 'config/huwei.json'),
      LICHENG_JOB_TICK_SECONDS: '0',
      LICHENG_SWEEP_INTERVAL_MINUTES: '0',
      LICHENG_STORAGE: 's3',
      LICHENG_S3_ENDPOINT: s3!.endpoint,
      LICHENG_S3_BUCKET: s3!.bucket,
      LICHENG_S3_ACCESS_KEY_ID: s3!.accessKeyId,
      LICHENG_S3_SECRET_ACCESS_KEY: s3!.secretAccessKey,
      LICHENG_S3_PREFIX: 'county/',
    });
    const first = await openDeployment(readDeploymentSettings(env(temp.make('licheng-node-'))), { watchMs: 60_000, refreshMs: 0 });
    try {
      const second = await openDeployment(readDeploymentSettings(env(temp.make('licheng-node-'))), { watchMs: 60_000, refreshMs: 0 });
      try {
        expect(first.storage).toBeInstanceOf(S3FileStorage);
        const put = await first.storage.put(fakeFile('pdf', 2048).stream(), { maxBytes: 10_000, tooLarge: () => new Error('too large') });
        expect(sha256(new Uint8Array(await new Response(await second.storage.open(put.sha256)).arrayBuffer()))).toBe(put.sha256);
      } finally {
        await second.close();
      }
    } finally {
      await first.close();
    }
  }, 120_000);
});
