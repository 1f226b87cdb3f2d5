import type { LichengDb } from '@licheng/db';
import type { SweepableStorage } from './sweepable-storage.ts';
import { isObjectReferenced, referencedObjects } from './references.ts';
import type { TempSweep } from './temp-folders.ts';

/** How long an unreferenced object is kept by default: an upload's row is written well within it. */
export const DEFAULT_SWEEP_GRACE_MS = 24 * 60 * 60 * 1000;

export interface SweepReport {
  /** Objects no row referenced, older than the grace period, removed. */
  objects: { sha256: string; size: number }[];
  /** Temp folders of processes that are gone, and stale temp files. */
  temp: TempSweep;
  /** Objects whose file mode was looser than 0600 and was tightened (their folders are made 0700 too). */
  tightened: number;
  /** Objects looked at. */
  scanned: number;
  /** Bytes freed in all. */
  bytes: number;
}

/**
 * Removes what crashes and failed requests left behind: objects no row references that were
 * last stored before the grace period, and temp files of processes that are gone. Each object
 * is decided inside its own transaction that holds any new row naming it (isObjectReferenced),
 * and taken out by removeIfOlderThan, so an upload of the same bytes in flight keeps it.
 */
export async function sweepStorage(db: LichengDb, storage: SweepableStorage, options: { graceMs: number; now?: number }): Promise<SweepReport> {
  const now = options.now ?? Date.now();
  const cutoff = now - options.graceMs;
  const temp = await storage.sweepTemp({ graceMs: options.graceMs, now });
  const report: SweepReport = { objects: [], temp, tightened: 0, scanned: 0, bytes: temp.bytes };
  await storage.tightenObjectFolders?.();
  const referenced = await referencedObjects(db.kysely);
  for await (const sha256 of storage.list()) {
    report.scanned++;
    if (await storage.tightenObject?.(sha256)) report.tightened++;
    if (referenced.has(sha256)) continue;
    const storedAt = await storage.storedAt(sha256);
    if (storedAt === null || storedAt >= cutoff) continue;
    const size = await db.kysely.transaction().execute(async (trx) => {
      if (await isObjectReferenced(trx, db.dialect, sha256)) return null;
      return storage.removeIfOlderThan(sha256, cutoff);
    });
    if (size !== null) {
      report.objects.push({ sha256, size });
      report.bytes += size;
    }
  }
  return report;
}

/** The report in one line per kind, for the CLI and the server log. */
export function describeSweep(report: SweepReport): string {
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return [
    `sweep: ${report.scanned} objects checked; removed ${report.objects.length} unreferenced objects past the grace period, ${report.temp.folders.length} temp folders of stopped processes, ${report.temp.files.length} stale temp files (${mb(report.bytes)} freed)`,
    ...report.objects.map((o) => `  removed object ${o.sha256} (${o.size} bytes)`),
    ...report.temp.folders.map((f) => `  removed temp folder tmp/${f}`),
    ...report.temp.files.map((f) => `  removed temp file tmp/${f}`),
    ...(report.tightened ? [`  made ${report.tightened} objects owner-only (0600)`] : []),
  ].join('\n');
}
