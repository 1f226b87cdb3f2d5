// The baseline of the bulk import, in its own process: `tsx bulk-insert.ts <database-url> <rows.json>`
// inserts the rows of the file (objects of one table's columns, as the import wrote them) into
// `students` with the database's own driver — better-sqlite3 (WAL, as the product opens it) or
// mysql2 — as multi-row INSERTs of 500 rows in one transaction, and prints
// `{ ms, peakRss }` (the insert's time; the process's highest resident memory, bytes).
import fs from 'node:fs';
import SQLite from 'better-sqlite3';
import { createConnection } from 'mysql2/promise';

const [url, rowsFile] = process.argv.slice(2);
if (!url || !rowsFile) throw new Error('usage: bulk-insert.ts <database-url> <rows.json>');
const rows = JSON.parse(fs.readFileSync(rowsFile, 'utf8')) as Record<string, unknown>[];
const columns = Object.keys(rows[0]!);
const CHUNK = 500;
const statement = (n: number) => `insert into students (${columns.join(', ')}) values ${Array.from({ length: n }, () => `(${columns.map(() => '?').join(', ')})`).join(', ')}`;
const valuesOf = (chunk: Record<string, unknown>[]) => chunk.flatMap((r) => columns.map((c) => r[c] ?? null));

let peakRss = process.memoryUsage.rss();
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 50);
const t0 = performance.now();
if (url.startsWith('sqlite:')) {
  const db = new SQLite(url.replace(/^sqlite:/, ''));
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  const full = db.prepare(statement(CHUNK));
  db.transaction(() => {
    for (let i = 0; i < rows.length; i += CHUNK) {
      const chunk = rows.slice(i, i + CHUNK);
      (chunk.length === CHUNK ? full : db.prepare(statement(chunk.length))).run(valuesOf(chunk));
    }
  })();
  db.close();
} else {
  const connection = await createConnection({ uri: url, charset: 'utf8mb4', timezone: 'Z' });
  await connection.beginTransaction();
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    await connection.query(statement(chunk.length), valuesOf(chunk));
  }
  await connection.commit();
  await connection.end();
}
const ms = performance.now() - t0;
clearInterval(sampler);
process.stdout.write(`${JSON.stringify({ ms, peakRss: Math.max(peakRss, process.memoryUsage.rss()) })}\n`);
