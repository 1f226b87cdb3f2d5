import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** A temp file nobody has written to for this long is not an upload in flight. */
export const STALE_TEMP_MS = 24 * 60 * 60 * 1000;

/** What a temp sweep removed: whole folders of gone processes, and stale loose temp files. */
export interface TempSweep {
  /** Folder names under tmp/ removed with everything in them. */
  folders: string[];
  /** Temp files removed from folders whose owner may still run (paths below tmp/). */
  files: string[];
  bytes: number;
}

const host = () => os.hostname().replace(/[^A-Za-z0-9.]/g, '_').slice(0, 64) || 'host';

/** This process's temp folder name: `<pid>-<random>-<host>`. */
export function tempFolderName(): string {
  return `${process.pid}-${randomBytes(4).toString('hex')}-${host()}`;
}

const FOLDER = /^(\d+)-[0-9a-f]{8}-(.+)$/;

/** Whether process `pid` runs on this machine (EPERM: it runs, as another user). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Sweeps tmp/: a folder of a process of this machine that is gone is removed whole; in a
 * folder whose owner runs (or runs elsewhere: another host's name), only files untouched for
 * STALE_TEMP_MS; loose files (an older layout) once older than the grace period. The folder
 * named `own` (this process's) is never touched.
 */
export async function sweepTempFolders(tmpRoot: string, own: string, options: { graceMs: number; now?: number }): Promise<TempSweep> {
  const now = options.now ?? Date.now();
  const report: TempSweep = { folders: [], files: [], bytes: 0 };
  const entries = await fs.readdir(tmpRoot, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (entry.name === own) continue;
    const full = path.join(tmpRoot, entry.name);
    if (!entry.isDirectory()) {
      await removeIfStale(full, entry.name, now - options.graceMs, report);
      continue;
    }
    const owner = FOLDER.exec(entry.name);
    if (owner && owner[2] === host() && !isRunning(Number(owner[1]))) {
      report.bytes += await folderBytes(full);
      await fs.rm(full, { recursive: true, force: true });
      report.folders.push(entry.name);
      continue;
    }
    const files = await fs.readdir(full, { withFileTypes: true }).catch(() => []);
    for (const file of files) if (file.isFile()) await removeIfStale(path.join(full, file.name), `${entry.name}/${file.name}`, now - STALE_TEMP_MS, report);
  }
  return report;
}

async function removeIfStale(file: string, name: string, cutoffMs: number, report: TempSweep): Promise<void> {
  const stat = await fs.stat(file).catch(() => null);
  if (!stat || stat.mtimeMs >= cutoffMs) return;
  await fs.rm(file, { force: true });
  report.files.push(name);
  report.bytes += stat.size;
}

async function folderBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await fs.readdir(dir, { withFileTypes: true, recursive: true }).catch(() => [])) {
    if (entry.isFile()) total += (await fs.stat(path.join(entry.parentPath, entry.name)).catch(() => null))?.size ?? 0;
  }
  return total;
}
