import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { S3FileStorage } from '@licheng/server';
import { startS3Server, testS3Store, type TestS3Server } from '@licheng/server/testing';
import { seedDemo } from './demo/seed.ts';
import { openApp } from './open-app.ts';
import { appRoot, readSettings } from './settings.ts';
import { runCli } from './testing/run-cli.ts';
import { HOST_SECRET, tempDirs } from './testing/temp.ts';

const temp = tempDirs();

describe('licheng backup, verify, sweep and restore with files on an S3-compatible store', () => {
  let s3: TestS3Server;
  let work: string;
  /** The objects the demo stored in the bucket. */
  let objects: number;
  const env = (name: string, prefix: string) => ({
    LICHENG_DATA_DIR: path.join(work, name),
    LICHENG_SCHOOL_CONFIG: path.join(appRoot, 'config/demo-school.json'),
    LICHENG_HOST_SECRET: HOST_SECRET,
    LICHENG_STORAGE: 's3',
    LICHENG_S3_ENDPOINT: s3.endpoint,
    LICHENG_S3_BUCKET: s3.bucket,
    LICHENG_S3_ACCESS_KEY_ID: s3.accessKeyId,
    LICHENG_S3_SECRET_ACCESS_KEY: s3.secretAccessKey,
    LICHENG_S3_PREFIX: prefix,
  });
  const store = (prefix: string) => testS3Store(s3, { prefix, tempRoot: temp.make() });
  async function count(prefix: string): Promise<number> {
    const s = store(prefix);
    let n = 0;
    for await (const _ of s.list()) n++;
    s.destroy();
    return n;
  }

  beforeAll(async () => {
    s3 = await startS3Server();
    work = temp.make('licheng-cli-s3-');
    const { app, db, storage } = await openApp(readSettings(env('school', 'school-999901/')));
    try {
      expect(await seedDemo(app)).toBe(true);
    } finally {
      (storage as S3FileStorage).destroy();
      await db.destroy();
    }
    objects = await count('school-999901/');
    expect(objects).toBeGreaterThan(0);
  }, 120_000);
  afterAll(async () => {
    await s3?.stop();
    temp.cleanup();
  });

  it('backs up and verifies through the store, sweeps only what no row references, and restores into an empty prefix', async () => {
    const backup = await runCli(['backup', path.join(work, 'b1')], env('school', 'school-999901/'));
    expect([backup.code, backup.stderr]).toEqual([0, '']);
    expect(backup.stdout).toContain(`${objects} stored files`);
    expect(fs.existsSync(path.join(work, 'school', 'files', 'objects'))).toBe(false);

    const live = await runCli(['verify'], env('school', 'school-999901/'));
    expect(live.code).toBe(0);
    expect(live.stdout).toContain(`資料完好 / data intact: ${objects} 個被引用的檔案、${objects} 個儲存物件`);

    // A refused upload's bytes: stored, referenced by nothing.
    const orphanStore = store('school-999901/');
    const orphan = await orphanStore.put(new Blob(['%PDF-1.7 refused']).stream(), { maxBytes: 100, tooLarge: () => new Error('too large') });
    orphanStore.destroy();
    const sweep = await runCli(['sweep', '--grace-hours', '0'], env('school', 'school-999901/'));
    expect(sweep.code).toBe(0);
    expect(sweep.stdout).toContain(`sweep: ${objects + 1} objects checked; removed 1 unreferenced objects past the grace period`);
    expect(sweep.stdout).toContain(`removed object ${orphan.sha256}`);
    expect(await count('school-999901/')).toBe(objects);

    const restore = await runCli(['restore', path.join(work, 'b1')], env('spare', 'spare-999901/'));
    expect([restore.code, restore.stderr]).toEqual([0, '']);
    expect(await count('spare-999901/')).toBe(objects);
    expect((await runCli(['verify'], env('spare', 'spare-999901/'))).code).toBe(0);
    const again = await runCli(['restore', path.join(work, 'b1')], env('spare2', 'spare-999901/'));
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('the file storage already holds objects');
  }, 180_000);
});
