// The baseline of the roster exports, in its own process: `tsx bulk-export-writer.ts <database-url>
// <job.json>` runs the SELECT statements the export ran (same SQL and parameters, in order, read
// to the end) with the database's own driver, then writes the export's rows with ExcelJS's
// streaming writer, one file per workbook of the job, each fsync'd; prints
// `{ ms, queryMs, peakRss }` (peakRss: the process's highest resident memory, bytes).
import fs from 'node:fs';
import SQLite from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { createConnection } from 'mysql2/promise';

export interface ExportJob {
  statements: { sql: string; parameters: unknown[] }[];
  workbooks: { out: string; sheets: { name: string; rows: unknown[][] }[] }[];
}

const [url, jobFile] = process.argv.slice(2);
if (!url || !jobFile) throw new Error('usage: bulk-export-writer.ts <database-url> <job.json>');
const job = JSON.parse(fs.readFileSync(jobFile, 'utf8')) as ExportJob;

let peakRss = process.memoryUsage.rss();
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 50);
const t0 = performance.now();
if (url.startsWith('sqlite:')) {
  const db = new SQLite(url.replace(/^sqlite:/, ''), { readonly: true });
  for (const s of job.statements) db.prepare(s.sql).all(s.parameters);
  db.close();
} else {
  const connection = await createConnection({ uri: url, charset: 'utf8mb4', timezone: 'Z', supportBigNumbers: true });
  for (const s of job.statements) await connection.query(s.sql, s.parameters);
  await connection.end();
}
const queryMs = performance.now() - t0;
for (const workbook of job.workbooks) {
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: workbook.out });
  for (const sheet of workbook.sheets) {
    const out = writer.addWorksheet(sheet.name);
    for (const row of sheet.rows) out.addRow(row).commit();
    out.commit();
  }
  await writer.commit();
  const handle = fs.openSync(workbook.out, 'r');
  fs.fsyncSync(handle);
  fs.closeSync(handle);
}
const ms = performance.now() - t0;
clearInterval(sampler);
process.stdout.write(`${JSON.stringify({ ms, queryMs, peakRss: Math.max(peakRss, process.memoryUsage.rss()) })}\n`);
