// The bare side of the stack-vs-bare benchmark, in its own process: `tsx bare-server.ts
// <database-url> <statements.json>` answers GET /trpc/student.outcomes.list with plain Hono and
// the database driver alone (mysql2's pool.query, or better-sqlite3 statements prepared once),
// running the statements the stack ran for the same request — same SQL, same parameters, same
// order — and shaping the last one's rows into the same JSON. No token check, no tRPC, no
// query builder: the floor the stack is compared with. See measured-server.ts for its commands.
import fs from 'node:fs';
import SQLite from 'better-sqlite3';
import { Hono } from 'hono';
import { createPool } from 'mysql2';
import { serveMeasured } from './measured-server.ts';
import { LIST_PATH } from './stack-vs-bare-school.ts';

export interface Statement {
  sql: string;
  parameters: unknown[];
}

const [url, statementsFile] = process.argv.slice(2);
if (!url || !statementsFile) throw new Error('usage: bare-server.ts <database-url> <statements.json>');
const statements = JSON.parse(fs.readFileSync(statementsFile, 'utf8')) as Statement[];

let run: () => Promise<any[]>;
if (url.startsWith('mysql:')) {
  const pool = createPool({ uri: url, charset: 'utf8mb4', timezone: 'Z', supportBigNumbers: true, connectionLimit: 10 });
  const query = (s: Statement) => new Promise<any[]>((resolve, reject) => pool.query(s.sql, s.parameters, (error, rows) => (error ? reject(error) : resolve(rows as any[]))));
  run = async () => {
    let rows: any[] = [];
    for (const s of statements) rows = await query(s);
    return rows;
  };
} else {
  const database = new SQLite(url.replace(/^sqlite:(\/\/)?/i, ''));
  database.pragma('journal_mode = WAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  const prepared = statements.map((s) => ({ statement: database.prepare(s.sql), parameters: s.parameters }));
  run = async () => {
    let rows: any[] = [];
    for (const p of prepared) rows = p.statement.all(...(p.parameters as unknown[]));
    return rows;
  };
}

/** The outcome as student.outcomes.list shows it (the student office's toOutcomeView). */
function view(r: any) {
  const resubmittedAt = r.resubmitted_at ?? null;
  return {
    id: r.id,
    academicYear: r.academic_year,
    semester: r.semester,
    course: { id: r.course_id, code: r.code, subjectName: r.subject_name, credits: r.credits, gradeLevel: r.grade_level },
    summary: r.summary,
    documentFileId: r.document_file_id,
    mediaFileId: r.media_file_id,
    documentFileName: r.document_name ?? null,
    mediaFileName: r.media_name ?? null,
    status: r.status,
    statusReason: r.status_reason,
    decidedByName: r.decided_by_name,
    decidedAt: r.decided_at,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    submittedAt: resubmittedAt ?? r.created_at,
    resubmitted: resubmittedAt !== null,
    selected: r.selection_id !== null,
    reopenReason: r.status === 'pending' ? r.status_reason : null,
  };
}

const app = new Hono();
app.get(LIST_PATH, async (c) => c.json({ result: { data: (await run()).map(view) } }));
serveMeasured(app.fetch);
