import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '@licheng/db';
import { runCli, studentsCsv } from '../support/cli.ts';
import { pdf, sha256 } from '../support/files.ts';
import { demoToken, startDemoServer, type StartedServer } from '../support/server.ts';
import { mutate, query } from '../support/trpc.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const STUDENT = 'demo-s-101-3';
const IMPORTED = 15000;

/** Every object file under files/objects. */
function objectsOnDisk(dataDir: string): string[] {
  const dir = path.join(dataDir, 'files', 'objects');
  return (fs.readdirSync(dir, { recursive: true }) as string[]).map((f) => path.basename(f)).filter((f) => /^[0-9a-f]{64}$/.test(f)).sort();
}

/** A distinct MP4 (media slot, up to 10 MB): its write to storage takes long enough to be cut. */
function mp4(size: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(size);
  bytes.set([0, 0, 0, 0x18, ...new TextEncoder().encode('ftypmp42')]);
  for (let i = 12; i < size; i++) bytes[i] = (i * 7) % 253;
  return bytes;
}

/**
 * Kills `pid` (SIGKILL) the moment a file named as `match` says changes in `dir`: a temp file
 * appearing (an upload being written) or the database's write-ahead log growing (a write).
 */
function killOnChange(dir: string, pid: number, match: (name: string) => boolean = () => true): { fired: Promise<string> } {
  let fire: (name: string) => void = () => {};
  const fired = new Promise<string>((r) => (fire = r));
  const watcher = fs.watch(dir, (_event, name) => {
    if (!name || !match(String(name))) return;
    process.kill(pid, 'SIGKILL');
    watcher.close();
    fire(String(name));
  });
  return { fired };
}

describe('the server killed (SIGKILL) during an upload and during an import', () => {
  let server: StartedServer;
  let dataDir = '';
  const env = { LICHENG_SWEEP_INTERVAL_MINUTES: '0' };
  beforeAll(async () => {
    server = await startDemoServer(env);
    dataDir = server.dataDir;
  });
  afterAll(async () => server?.stop());

  it('loses nothing committed, keeps no partial rows, and the sweep leaves no orphan objects', async () => {
    const token = await demoToken(server, STUDENT);
    const { courses } = await query(server.url, 'student.courses.list', token);
    const courseId = courses[0].id as string;
    const committed: { fileId: string; sha: string }[] = [];
    for (let i = 0; i < 3; i++) {
      const bytes = pdf(i, 300_000);
      const form = new FormData();
      form.append('courseId', courseId);
      form.append('summary', `已完成 ${i}`);
      form.append('document', new File([bytes], `done-${i}.pdf`));
      const record = await mutate(server.url, 'student.outcomes.upload', token, form);
      committed.push({ fileId: record.documentFileId, sha: sha256(bytes) });
    }
    // A refused upload leaves its object for the sweep.
    const refused = new FormData();
    refused.append('courseId', courseId);
    refused.append('summary', '不是 PDF');
    refused.append('document', new File([new Uint8Array([0x4d, 0x5a, 0x90, 0, 1, 2, 3])], 'x.pdf'));
    await expect(mutate(server.url, 'student.outcomes.upload', token, refused)).rejects.toMatchObject({ status: 415 });

    // 1. Killed in the middle of an upload: the moment its temp file appears.
    const killedPid = server.pid;
    const serverTemp = fs.readdirSync(path.join(dataDir, 'files', 'tmp')).find((f) => f.startsWith(`${killedPid}-`))!;
    expect(serverTemp).toBeDefined();
    const kill = killOnChange(path.join(dataDir, 'files', 'tmp', serverTemp), killedPid);
    const media = new FormData();
    media.append('courseId', courseId);
    media.append('summary', '中斷的上傳');
    media.append('media', new File([mp4(9_500_000)], 'cut.mp4'));
    const cut = fetch(`${server.url}/trpc/student.outcomes.upload`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: media }).then(
      (res) => res.status,
      () => 'connection lost' as const,
    );
    await kill.fired;
    await server.kill('SIGKILL');
    expect(await cut).toBe('connection lost');
    const leftInTemp = fs.readdirSync(path.join(dataDir, 'files', 'tmp', serverTemp));

    const swept = await runCli(['sweep', '--grace-hours', '0'], dataDir);
    expect([swept.code, swept.stderr]).toEqual([0, '']);
    expect(swept.stdout).toContain(`removed temp folder tmp/${serverTemp}`);
    // The refused upload's object, and the cut upload's when the kill came after its rename.
    expect(swept.stdout).toMatch(leftInTemp.length ? /removed 1 unreferenced objects past the grace period/ : /removed [12] unreferenced objects past the grace period/);
    expect(fs.existsSync(path.join(dataDir, 'files', 'tmp', serverTemp))).toBe(false);

    // 2. Restarted, then killed in the middle of a roster import over HTTP.
    server = await startDemoServer(env, { dataDir });
    const registry = await demoToken(server, 'demo-registry');
    const form = new FormData();
    form.append('kind', 'students');
    form.append('file', new File([studentsCsv(IMPORTED)], 'students.csv'));
    const importing = fetch(`${server.url}/trpc/registry.imports.run`, { method: 'POST', headers: { authorization: `Bearer ${registry}` }, body: form }).then(
      (res) => res.status,
      () => 'connection lost' as const,
    );
    // Killed at the import's first write to the database (its transaction writing or committing).
    const write = killOnChange(dataDir, server.pid, (name) => name === 'licheng.sqlite-wal');
    await write.fired;
    await server.kill('SIGKILL');
    const importOutcome = await importing;

    // 3. Restarted: everything committed is there, nothing half-written, no orphan after a sweep.
    server = await startDemoServer(env, { dataDir });
    const again = await demoToken(server, STUDENT);
    for (const c of committed) {
      const res = await fetch(`${server.url}/api/files/${c.fileId}`, { headers: { authorization: `Bearer ${again}` } });
      expect([c.fileId, res.status, sha256(new Uint8Array(await res.arrayBuffer()))]).toEqual([c.fileId, 200, c.sha]);
    }
    const after = await runCli(['sweep', '--grace-hours', '0'], dataDir);
    expect([after.code, after.stderr]).toEqual([0, '']);
    const db = openDatabase({ dataDir });
    try {
      const outcomes = await db.kysely.selectFrom('records').select('summary').where('kind', '=', 'outcome').execute();
      expect(outcomes.map((r) => r.summary)).not.toContain('中斷的上傳');
      expect(outcomes.map((r) => r.summary)).toEqual(expect.arrayContaining(['已完成 0', '已完成 1', '已完成 2']));
      const imported = await db.kysely.selectFrom('students').select('id').where('host_user_id', 'like', 'gen-%').execute();
      // This import's audit row (the demo's own 學生名冊 import has one too, of a few rows).
      const audited = await db.kysely.selectFrom('audit_log').select('id').where('action', '=', 'roster.import.students').where('after', 'like', `%"rowCount":${IMPORTED},%`).execute();
      // All or nothing: either the import committed before the kill (with its audit row) or none of
      // it did. (A file this size spills the transaction into the log before it commits, so the
      // kill usually lands in the middle of it: nothing imported.)
      expect(importOutcome === 'connection lost' ? [0, IMPORTED] : [IMPORTED]).toContain(imported.length);
      expect(audited.length).toBe(imported.length === 0 ? 0 : 1);
      const referenced = (await db.kysely.selectFrom('stored_files').select('sha256').distinct().execute()).map((r) => r.sha256).sort();
      expect(objectsOnDisk(dataDir)).toEqual(referenced);
    } finally {
      await db.destroy();
    }
  });
});
