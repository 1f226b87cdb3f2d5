import fs from 'node:fs';
import path from 'node:path';
import { createTestDatabase, type TestDatabase } from '@licheng/db/testing';
import { signHostToken } from '@licheng/server';
import { bulkApp, REGISTRY_USER, rosterWorkbook, SECRET, studentNo } from './bulk-school.ts';
import { child, here, mb, startServer, tsx } from './processes.ts';

/** The most rows the registry takes in one roster file (ROSTER_TABLE_LIMITS.maxRows): a larger roster is imported as several files. */
export const ROWS_PER_FILE = 50_000;


/** The roster file of rows `from`…`from + count - 1`, made once however often it is asked for. */
export type RosterFiles = (from: number, count: number) => Promise<Uint8Array>;

export function rosterFiles(): RosterFiles {
  const made = new Map<string, Promise<Uint8Array>>();
  return (from, count) => {
    const key = `${from}+${count}`;
    if (!made.has(key)) made.set(key, rosterWorkbook(from, count));
    return made.get(key)!;
  };
}

export interface ImportSize {
  rows: number;
  files: number;
  xlsxBytes: number;
  productMs: number;
  baselineMs: number;
  idleRss: number;
  peakRss: number;
  baselinePeakRss: number;
}

/**
 * `rows` new students (the generator's rows `first`… on) imported as .xlsx files of at most 50,000 rows through registry.imports.run
 * over HTTP (a fresh server process, so its peak memory is this import's), one file after the
 * other; then the rows the import wrote, read back and inserted again by the baseline
 * process (bulk-insert.ts) with the same driver into an empty database of the same schema.
 */
export async function importSize(db: TestDatabase, work: string, files: string, first: number, rows: number, workbooks: RosterFiles): Promise<ImportSize> {
  const k = db.kysely as any;
  const token = await signHostToken(REGISTRY_USER, SECRET, 24 * 3600);
  const parts: Uint8Array[] = [];
  for (let from = first; from < first + rows; from += ROWS_PER_FILE) parts.push(await workbooks(from, Math.min(ROWS_PER_FILE, first + rows - from)));
  const server = await startServer('bulk-server.ts', [db.url, files]);
  let productMs = 0;
  let idleRss = 0;
  let peakRss = 0;
  try {
    idleRss = (await server.usage()).rss;
    for (const [i, bytes] of parts.entries()) {
      const form = new FormData();
      form.append('kind', 'students');
      form.append('file', new File([bytes as Uint8Array<ArrayBuffer>], `students-${i + 1}.xlsx`));
      const t0 = performance.now();
      const response = await fetch(`${server.base}/trpc/registry.imports.run`, { method: 'POST', body: form, headers: { authorization: `Bearer ${token}` } });
      const answer = (await response.json()) as any;
      productMs += performance.now() - t0;
      const result = answer?.result?.data;
      const expected = Math.min(ROWS_PER_FILE, rows - i * ROWS_PER_FILE);
      if (!response.ok || !result?.ok || result.counts.inserted !== expected) throw new Error(`import of ${expected} rows failed: ${JSON.stringify(answer).slice(0, 500)}`);
    }
    peakRss = (await server.usage()).peakRss;
  } finally {
    await server.stop();
  }

  const written = await k.selectFrom('students').selectAll().where('student_no', '>=', studentNo(first)).where('student_no', '<', studentNo(first + rows)).orderBy('id').execute();
  if (written.length !== rows) throw new Error(`the import wrote ${written.length} students, not ${rows}`);
  // The baseline inserts the same rows into an empty database of the same schema (deleting them
  // here instead would cost minutes of foreign-key checks on SQLite, none of it the import's).
  const empty = await createTestDatabase(db.dialect);
  try {
    await bulkApp(empty, path.join(work, 'baseline-files'), true);
    const rowsFile = path.join(work, 'imported-rows.json');
    fs.writeFileSync(rowsFile, JSON.stringify(written));
    const baseline = child(tsx, [path.join(here, 'bulk-insert.ts'), empty.url, rowsFile]);
    const { ms: baselineMs, peakRss: baselinePeakRss } = JSON.parse(await baseline.next()) as { ms: number; peakRss: number };
    fs.rmSync(rowsFile);
    const again = await (empty.kysely as any).selectFrom('students').selectAll().orderBy('id').execute();
    // The baseline must have written exactly the rows the import wrote.
    if (JSON.stringify(again) !== JSON.stringify(written)) throw new Error('the baseline wrote other rows than the import');
    return { rows, files: parts.length, xlsxBytes: parts.reduce((n, p) => n + p.byteLength, 0), productMs, baselineMs, idleRss, peakRss, baselinePeakRss };
  } finally {
    await empty.destroy();
  }
}
/** A result line of one import size, for run.ts. */
export function importResult(size: ImportSize) {
  return {
    name: `bulk import: ${size.rows.toLocaleString('en')} students from .xlsx (${size.files} file${size.files > 1 ? 's' : ''}) vs multi-row INSERT`,
    ratio: size.productMs / size.baselineMs,
    target: 2,
    detail:
      `import ${(size.productMs / 1000).toFixed(1)} s over HTTP (${mb(size.xlsxBytes).toFixed(1)} MB of xlsx, ${((size.rows / size.productMs) * 1000).toFixed(0)} rows/s) vs baseline INSERT ${(size.baselineMs / 1000).toFixed(1)} s; ` +
      `server RSS ${mb(size.idleRss).toFixed(0)} MB idle, peak ${mb(size.peakRss).toFixed(0)} MB (+${mb(size.peakRss - size.idleRss).toFixed(0)} MB, ${((size.peakRss - size.idleRss) / size.rows / 1024).toFixed(1)} KB a row); baseline process peak ${mb(size.baselinePeakRss).toFixed(0)} MB`,
    size,
  };
}
