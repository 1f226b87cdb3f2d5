import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LocalFileStorage } from './local-file-storage.ts';
import { STALE_TEMP_MS } from './temp-folders.ts';

const host = os.hostname().replace(/[^A-Za-z0-9.]/g, '_').slice(0, 64);
/** The pid of a process that has run and exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(child.stdout.toString());
}
function write(file: string, ageMs = 0): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, 'partial upload');
  const at = new Date(Date.now() - ageMs);
  fs.utimesSync(file, at, at);
}

describe('the temp sweep', () => {
  let root: string;
  let storage: LocalFileStorage;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'licheng-temp-'));
    storage = new LocalFileStorage(root);
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('removes the folders of processes that are gone and never a live process’s upload in flight', async () => {
    const tmp = path.join(root, 'tmp');
    const gone = `${deadPid()}-0123abcd-${host}`;
    const live = `${process.ppid}-89abcdef-${host}`;
    const elsewhere = `${process.ppid}-89abcdef-another.host`;
    write(path.join(tmp, gone, 'upload-1'));
    write(path.join(tmp, live, 'in-flight'));
    write(path.join(tmp, live, 'abandoned'), STALE_TEMP_MS + 60_000);
    write(path.join(tmp, elsewhere, 'in-flight'));
    write(path.join(storage.tempDir, 'mine'), STALE_TEMP_MS + 60_000);
    write(path.join(tmp, 'loose-old'), 2 * 3_600_000);
    write(path.join(tmp, 'loose-new'));

    const report = await storage.sweepTemp({ graceMs: 3_600_000 });
    expect(report.folders).toEqual([gone]);
    expect(report.files.sort()).toEqual([`${live}/abandoned`, 'loose-old']);
    expect(fs.readdirSync(tmp).sort()).toEqual([path.basename(storage.tempDir), elsewhere, live, 'loose-new'].sort());
    expect(fs.readdirSync(path.join(tmp, live))).toEqual(['in-flight']);
    expect(fs.readdirSync(storage.tempDir)).toEqual(['mine']);
  });
});
