import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cannotMount, mountSmallFilesystem, type SmallFilesystem } from '@licheng/server/testing';
import { demoToken, startDemoServer, type StartedServer } from '../support/server.ts';
import { query } from '../support/trpc.ts';

const skipReason = cannotMount();
if (skipReason) console.warn(`full-disk test skipped: ${skipReason}`);

/** The started server with its uploaded files on a small real filesystem that fills up. */
describe.skipIf(skipReason !== null)('the server on a full disk', () => {
  let server: StartedServer | undefined;
  let disk: SmallFilesystem | undefined;
  let dataDir = '';
  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'licheng-e2e-full-'));
    // As an operator would: the demo creates its data folder, then its files move to a small disk.
    await (await startDemoServer({ LICHENG_SWEEP_INTERVAL_MINUTES: '0' }, { dataDir })).kill('SIGTERM');
    const files = path.join(dataDir, 'files');
    const seeded = path.join(dataDir, 'files-seeded');
    fs.renameSync(files, seeded);
    fs.mkdirSync(files, { mode: 0o700 });
    disk = mountSmallFilesystem(4096, files);
    fs.cpSync(seeded, files, { recursive: true });
    fs.rmSync(seeded, { recursive: true });
    server = await startDemoServer({ LICHENG_SWEEP_INTERVAL_MINUTES: '0' }, { dataDir });
  });
  afterAll(async () => {
    await server?.kill('SIGTERM');
    disk?.remove();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers an upload with 507 and a clear message, writes nothing, and keeps serving', async () => {
    const token = await demoToken(server!, 'demo-s-102-3');
    const { courses } = await query(server!.url, 'student.courses.list', token);
    const upload = async (summary: string, locale = 'zh-TW') => {
      const form = new FormData();
      form.append('courseId', courses[0].id);
      form.append('summary', summary);
      form.append('document', new File([new TextEncoder().encode(`%PDF-1.7\n${summary}\n${'x'.repeat(300_000)}`)], 'a.pdf'));
      const res = await fetch(`${server!.url}/trpc/student.outcomes.upload`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'accept-language': locale }, body: form });
      const body = (await res.json()) as any;
      return { status: res.status, code: body.error?.data?.licheng?.code, message: body.error?.message as string | undefined };
    };
    const outcomes = async () => (await query(server!.url, 'student.outcomes.list', token)).length as number;

    expect((await upload('磁碟未滿')).status).toBe(200);
    const before = await outcomes();
    disk!.fill();
    expect(await upload('磁碟已滿')).toEqual({ status: 507, code: 'storage-full', message: expect.stringContaining('伺服器儲存空間已滿') });
    expect(await upload('disk full', 'en')).toMatchObject({ status: 507, message: expect.stringContaining('The server’s storage is full') });
    expect((await fetch(`${server!.url}/health`)).status).toBe(200);
    expect(await outcomes()).toBe(before);
    const tmp = path.join(dataDir, 'files', 'tmp');
    for (const folder of fs.readdirSync(tmp)) expect(fs.readdirSync(path.join(tmp, folder))).toEqual([]);

    disk!.free();
    expect((await upload('空間釋出後')).status).toBe(200);
    expect(await outcomes()).toBe(before + 1);
    expect(server!.output()).toContain('storage fault writing an upload (storage-full)');
  });
});
