import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROSTER_IDS, type RosterId } from '@licheng/core';
import { createTestDatabase } from '@licheng/db/testing';
import { importResult, importSize, rosterFiles } from './bulk-import.ts';
import { exportResults, exportRosters } from './bulk-export.ts';
import { bulkApp, seedBulkSchool } from './bulk-school.ts';

export interface BulkOptions {
  /** Students imported at the larger size; the smaller is a quarter of it. 0 skips the import. */
  rows: number;
  /** Students of the generated school the rosters are exported from (2,511: 13,560 rows on roster 26). 0 skips the exports. */
  students: number;
  /** Seconds of reads with the server idle before the exports, for reference. */
  idleReadSeconds: number;
}

export const bulkDefaults: BulkOptions = { rows: 200_000, students: 2511, idleReadSeconds: 3 };

/**
 * Bulk work of the registry office against streaming baselines, on one database: (a) a student
 * roster imported from .xlsx at two sizes against a multi-row INSERT of the same rows; (b) every
 * roster export against the same SELECTs and a streaming writer of the same rows, with the
 * students' reads timed while each runs. See bulk-import.ts and bulk-export.ts.
 */
export async function bulkBench(dialect: 'sqlite' | 'mysql', given: Partial<BulkOptions> = {}, rosters: readonly RosterId[] = ROSTER_IDS) {
  const options = { ...bulkDefaults, ...given };
  // Imports and exports on databases of their own: the exports read the generated school, not the imported students.
  const db = await createTestDatabase(dialect);
  const importDb = await createTestDatabase(dialect);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'licheng-bench-'));
  const files = path.join(work, 'files');
  try {
    await bulkApp(db, files, true);
    await bulkApp(importDb, files, true);
    if (options.students > 0) await seedBulkSchool(db, options.students);
    const imports = [];
    const workbooks = rosterFiles();
    const log = (text: string) => process.stderr.write(`[bulk ${dialect}] ${new Date().toISOString().slice(11, 19)} ${text}\n`);
    if (options.rows > 0) {
      // Each size imports new students (rows after the previous size's), so both are inserts.
      let first = 0;
      for (const rows of [...new Set([Math.max(1, Math.floor(options.rows / 4)), options.rows])]) {
        log(`import of ${rows} rows`);
        imports.push(await importSize(importDb, work, files, first, rows, workbooks));
        first += rows;
        log(`import of ${rows} rows: ${(imports.at(-1)!.productMs / 1000).toFixed(1)} s vs ${(imports.at(-1)!.baselineMs / 1000).toFixed(1)} s`);
      }
    }
    log('exports');
    const exports = options.students > 0 ? await exportRosters(db, dialect, work, files, rosters, options.idleReadSeconds) : null;
    return [...imports.map(importResult), ...(exports ? exportResults(exports.runs, exports.idle) : [])];
  } finally {
    await db.destroy();
    await importDb.destroy();
    fs.rmSync(work, { recursive: true, force: true });
  }
}
