import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { Kysely, MysqlDialect, SqliteDialect } from 'kysely';
import { createPool } from 'mysql2';
import { ROSTER_IDS, type RosterId } from '@licheng/core';
import type { TestDatabase } from '@licheng/db/testing';
import { signHostToken } from '@licheng/server';
import type { ExportJob } from './bulk-export-writer.ts';
import { bulkApp, READER, REGISTRY_USER, SECRET, YEAR } from './bulk-school.ts';
import { child, here, mb, percentile, startServer, tsx } from './processes.ts';

/** Requests a second of student.outcomes.list while an export runs (latency-load.ts). */
const READ_RATE = 50;

export interface RosterRun {
  roster: RosterId;
  rowCount: number;
  reviewCount: number;
  productMs: number;
  baselineMs: number;
  baselineQueryMs: number;
  statements: number;
  peakRss: number;
  idleRss: number;
  baselinePeakRss: number;
  /** student.outcomes.list during this export. */
  reads: { p99: number; max: number; n: number; failures: number };
}

type Workbook = ExportJob['workbooks'][number]['sheets'];

/** Every sheet of an .xlsx as rows of cell values (an empty cell as null). */
async function sheetsOf(bytes: ArrayBuffer | string): Promise<Workbook> {
  const book = new ExcelJS.Workbook();
  if (typeof bytes === 'string') await book.xlsx.readFile(bytes);
  else await book.xlsx.load(bytes);
  return book.worksheets.map((sheet) => {
    const rows: unknown[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row) => {
      // An empty text cell reads back as no cell from a streamed file: both are null here, and trailing ones are dropped.
      const cells = Array.from({ length: row.cellCount }, (_, i) => row.getCell(i + 1).value ?? null).map((v) => (v === '' ? null : v));
      while (cells.length && cells[cells.length - 1] === null) cells.pop();
      rows.push(cells);
    });
    return { name: sheet.name, rows };
  });
}

async function startReads(url: string, token: string) {
  const load = child(tsx, [path.join(here, 'latency-load.ts'), url, token, String(READ_RATE)]);
  if ((await load.next()) !== 'ready') throw new Error('load generator did not start');
  return async () => {
    load.send('stop');
    const { latencies, failures } = JSON.parse(await load.next()) as { latencies: number[]; failures: number };
    return { p99: percentile(latencies, 99), max: Math.max(...latencies), n: latencies.length, failures };
  };
}

/** The SELECT statements an export of `roster` runs, recorded through Kysely's log (in this process, on the benchmark's database). */
async function exportStatements(dialect: 'sqlite' | 'mysql', url: string, files: string, roster: RosterId) {
  const statements: ExportJob['statements'] = [];
  const log = (event: { query: { sql: string; parameters: readonly unknown[] } }) => {
    if (/^\s*select/i.test(event.query.sql)) statements.push({ sql: event.query.sql, parameters: [...event.query.parameters] });
  };
  const kysely =
    dialect === 'sqlite'
      ? new Kysely<any>({ dialect: new SqliteDialect({ database: new SQLite(url.replace(/^sqlite:/, '')) }), log })
      : new Kysely<any>({ dialect: new MysqlDialect({ pool: createPool({ uri: url, charset: 'utf8mb4', timezone: 'Z', supportBigNumbers: true }) }), log });
  try {
    const app = await bulkApp({ kysely, dialect, description: 'recording', destroy: () => kysely.destroy() }, files, false);
    const token = await signHostToken(REGISTRY_USER, SECRET);
    const response = await app.request('/trpc/registry.rosters.export', { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ academicYear: YEAR, semester: 1, roster }) });
    if (!response.ok) throw new Error(`recording the export of ${roster}: ${response.status} ${await response.text()}`);
    return statements;
  } finally {
    await kysely.destroy();
  }
}

/**
 * Every roster the registry office exports (ROSTER_IDS), each through registry.rosters.export
 * over HTTP on one server process, with student.outcomes.list read at 50 a second by another
 * process while it runs; then, per roster, the baseline process (bulk-export-writer.ts) running
 * the SELECTs the export ran and writing the same rows (the exported workbook's and its (缺)
 * workbook's cells, read back) with a streaming writer — checked cell for cell against the export.
 */
export async function exportRosters(db: TestDatabase, dialect: 'sqlite' | 'mysql', work: string, files: string, rosters: readonly RosterId[] = ROSTER_IDS, idleReadSeconds = 3) {
  const registryToken = await signHostToken(REGISTRY_USER, SECRET, 24 * 3600);
  const readerToken = await signHostToken(READER, SECRET, 24 * 3600);
  const server = await startServer('bulk-server.ts', [db.url, files]);
  const listUrl = `${server.base}/trpc/student.outcomes.list`;
  const product: Array<Omit<RosterRun, 'baselineMs' | 'baselineQueryMs' | 'statements' | 'baselinePeakRss'> & { workbooks: Workbook[] }> = [];
  let idle: RosterRun['reads'];
  try {
    const check = await fetch(listUrl, { headers: { authorization: `Bearer ${readerToken}` } });
    if (!check.ok) throw new Error(`outcomes.list answered ${check.status}: ${await check.text()}`);
    // The reads' latency with the server idle, for reference.
    const stopIdle = await startReads(listUrl, readerToken);
    await new Promise((r) => setTimeout(r, idleReadSeconds * 1000));
    idle = await stopIdle();
    for (const roster of rosters) {
      const { rss: idleRss } = await server.usage();
      const stopReads = await startReads(listUrl, readerToken);
      const t0 = performance.now();
      const response = await fetch(`${server.base}/trpc/registry.rosters.export`, { method: 'POST', headers: { authorization: `Bearer ${registryToken}`, 'content-type': 'application/json' }, body: JSON.stringify({ academicYear: YEAR, semester: 1, roster }) });
      const answer = (await response.json()) as any;
      const productMs = performance.now() - t0;
      const reads = await stopReads();
      const { peakRss } = await server.usage();
      const result = answer?.result?.data;
      if (!response.ok || !result) throw new Error(`export of ${roster} failed: ${JSON.stringify(answer).slice(0, 500)}`);
      const workbooks: Workbook[] = [];
      for (const file of [result, result.review].filter(Boolean)) {
        const got = await fetch(`${server.base}${file.downloadUrl}`, { headers: { authorization: `Bearer ${registryToken}` } });
        if (!got.ok) throw new Error(`download of ${file.fileName}: ${got.status}`);
        workbooks.push(await sheetsOf(await got.arrayBuffer()));
      }
      process.stderr.write(`[bulk ${dialect}] ${roster}: ${productMs.toFixed(0)} ms, reads p99 ${reads.p99.toFixed(0)} ms\n`);
      product.push({ roster, rowCount: result.rowCount, reviewCount: result.review?.rowCount ?? 0, productMs, peakRss, idleRss, reads, workbooks });
    }
  } finally {
    await server.stop();
  }

  const runs: RosterRun[] = [];
  for (const p of product) {
    const statements = await exportStatements(dialect, db.url, files, p.roster);
    const job: ExportJob = { statements, workbooks: p.workbooks.map((sheets, i) => ({ out: path.join(work, `${p.roster}-${i}.xlsx`), sheets })) };
    const jobFile = path.join(work, `${p.roster}.json`);
    fs.writeFileSync(jobFile, JSON.stringify(job));
    const writer = child(tsx, [path.join(here, 'bulk-export-writer.ts'), db.url, jobFile]);
    const baseline = JSON.parse(await writer.next()) as { ms: number; queryMs: number; peakRss: number };
    // The baseline must have written the same cells as the export.
    for (const [i, w] of job.workbooks.entries()) {
      const written = await sheetsOf(w.out);
      const [a, b] = [JSON.stringify(written), JSON.stringify(p.workbooks[i])];
      if (a !== b) {
        const at = [...a].findIndex((c, j) => c !== b[j]);
        throw new Error(`the baseline's ${p.roster} workbook ${i} differs from the export's: …${a.slice(Math.max(0, at - 80), at + 80)}… against …${b.slice(Math.max(0, at - 80), at + 80)}…`);
      }
      fs.rmSync(w.out);
    }
    fs.rmSync(jobFile);
    const { workbooks: _workbooks, ...rest } = p;
    runs.push({ ...rest, baselineMs: baseline.ms, baselineQueryMs: baseline.queryMs, statements: statements.length, baselinePeakRss: baseline.peakRss });
  }
  return { runs, idle: idle! };
}

/** Result lines for run.ts: one per roster, and the reads' worst p99 during the exports. */
export function exportResults(runs: RosterRun[], idle: RosterRun['reads']) {
  const lines = runs.map((r) => ({
    name: `bulk export: roster ${r.roster} (${r.rowCount.toLocaleString('en')} rows + ${r.reviewCount.toLocaleString('en')} kept back) vs streaming writer`,
    ratio: r.productMs / r.baselineMs,
    target: 1.3,
    detail:
      `export ${r.productMs.toFixed(0)} ms over HTTP vs baseline ${r.baselineMs.toFixed(0)} ms (${r.statements} SELECTs ${r.baselineQueryMs.toFixed(0)} ms, then the streaming writer); ` +
      `server RSS ${mb(r.idleRss).toFixed(0)} → peak ${mb(r.peakRss).toFixed(0)} MB, baseline process peak ${mb(r.baselinePeakRss).toFixed(0)} MB; ` +
      `student.outcomes.list meanwhile p99 ${r.reads.p99.toFixed(0)} ms, max ${r.reads.max.toFixed(0)} ms (${r.reads.n} reads, ${r.reads.failures} failed)`,
  }));
  const worst = runs.reduce((w, r) => (r.reads.p99 > w.reads.p99 ? r : w), runs[0]!);
  const failures = runs.reduce((n, r) => n + r.reads.failures, 0) + idle.failures;
  lines.push({
    name: 'bulk export: student.outcomes.list p99 during an export / 50 ms',
    ratio: failures ? Infinity : worst.reads.p99 / 50,
    target: 1,
    detail: `worst p99 ${worst.reads.p99.toFixed(0)} ms (during ${worst.roster}; max ${Math.max(...runs.map((r) => r.reads.max)).toFixed(0)} ms over all exports) vs p99 ${idle.p99.toFixed(0)} ms idle (${idle.n} reads); ${READ_RATE} reads a second from another process, ${failures} failed`,
  });
  return lines;
}

