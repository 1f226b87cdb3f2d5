import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, MysqlDialect, SqliteDialect } from 'kysely';
import { createPool } from 'mysql2';
import { createTestDatabase } from '@licheng/db/testing';
import { signHostToken } from '@licheng/server';
import type { Statement } from './bare-server.ts';
import { load, measure, startServer, stopServer, summarize, type Measured, type Server } from './sides.ts';
import { LIST_PATH, READER, schoolApp, SECRET, seedSchool, type SchoolSize } from './stack-vs-bare-school.ts';


export interface StackVsBareOptions extends SchoolSize {
  /** Requests kept in flight by the load generator. */
  concurrency: number;
  /** Seconds of load on each side per round. */
  seconds: number;
  /** Rounds; each measures both sides, alternating which goes first. */
  rounds: number;
  /** Seconds of load on each side before measuring (JIT, pools, caches). */
  warmupSeconds: number;
}

export const stackVsBareDefaults: StackVsBareOptions = { students: 2000, outcomesPerStudent: 10, concurrency: 16, seconds: 5, rounds: 2, warmupSeconds: 2 };

/** CPU per request the stack may spend, as a multiple of the bare handler's. */
const TARGETS = { mysql: 1.3, sqlite: 2 };

/** The statements the stack runs for one student.outcomes.list of READER, recorded through Kysely's log. */
async function recordStatements(dialect: 'sqlite' | 'mysql', url: string, files: string, token: string): Promise<Statement[]> {
  const statements: Statement[] = [];
  const log = (event: { level: string; query: { sql: string; parameters: readonly unknown[] } }) => {
    statements.push({ sql: event.query.sql, parameters: [...event.query.parameters] });
  };
  const kysely =
    dialect === 'sqlite'
      ? new Kysely<any>({ dialect: new SqliteDialect({ database: new SQLite(url.replace(/^sqlite:/, '')) }), log })
      : new Kysely<any>({ dialect: new MysqlDialect({ pool: createPool({ uri: url, charset: 'utf8mb4', timezone: 'Z', supportBigNumbers: true }) }), log });
  try {
    const app = await schoolApp({ kysely, dialect, description: 'recording', destroy: () => kysely.destroy() }, files, false);
    const response = await app.request(LIST_PATH, { headers: { authorization: `Bearer ${token}` } });
    if (!response.ok) throw new Error(`outcomes.list answered ${response.status}: ${await response.text()}`);
    return statements;
  } finally {
    await kysely.destroy();
  }
}

/**
 * `student.outcomes.list` through the whole stack (token check, tRPC, authorization, Kysely) against
 * a bare Hono handler running the same statements on the same driver and returning byte-identical
 * JSON. Each side is its own server process; a load generator in a third process keeps
 * `concurrency` requests in flight for `seconds`; each server reports its own CPU time. The ratio
 * is the stack's CPU per request over the bare handler's.
 */
export async function stackVsBareBench(dialect: 'sqlite' | 'mysql', given: Partial<StackVsBareOptions> = {}) {
  const options = { ...stackVsBareDefaults, ...given };
  const db = await createTestDatabase(dialect);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'licheng-bench-'));
  const servers: Server[] = [];
  try {
    await schoolApp(db, work, true);
    await seedSchool(db, options);
    const token = await signHostToken(READER, SECRET, 24 * 3600);
    const statements = await recordStatements(dialect, db.url, work, token);
    const statementsFile = path.join(work, 'statements.json');
    fs.writeFileSync(statementsFile, JSON.stringify(statements));
    const stack = await startServer('stack-server.ts', [db.url, work], LIST_PATH);
    servers.push(stack);
    const bare = await startServer('bare-server.ts', [db.url, statementsFile], LIST_PATH);
    servers.push(bare);

    // Both sides must answer the same bytes, else the comparison means nothing.
    const [stackBody, bareBody] = (await Promise.all([stack, bare].map(async (s) => {
      const response = await fetch(s.url, { headers: { authorization: `Bearer ${token}` } });
      if (!response.ok) throw new Error(`${s.url} answered ${response.status}: ${await response.text()}`);
      return response.text();
    }))) as [string, string];
    if (stackBody !== bareBody) throw new Error(`the bare handler's body differs from the stack's:\nstack ${stackBody.slice(0, 400)}\nbare  ${bareBody.slice(0, 400)}`);
    const items = (JSON.parse(stackBody).result.data as unknown[]).length;
    if (items !== options.outcomesPerStudent) throw new Error(`expected ${options.outcomesPerStudent} outcomes, got ${items}`);

    if (options.warmupSeconds > 0) for (const s of [stack, bare]) await load(s.url, token, options, options.warmupSeconds);
    const sides = { stack: [] as Measured[], bare: [] as Measured[] };
    for (let round = 0; round < options.rounds; round++) {
      const order = round % 2 ? (['bare', 'stack'] as const) : (['stack', 'bare'] as const);
      for (const side of order) sides[side].push(await measure(side === 'stack' ? stack : bare, token, options));
    }
    const s = summarize(sides.stack);
    const b = summarize(sides.bare);
    const failures = s.failures + b.failures;
    return {
      name: `outcomes list, stack vs bare (${options.students.toLocaleString('en')} students × ${options.outcomesPerStudent} outcomes)`,
      // A failed request counts as over target whatever the CPU.
      ratio: failures ? Infinity : s.cpuPerRequest / b.cpuPerRequest,
      target: TARGETS[dialect],
      detail:
        `CPU ${s.cpuPerRequest.toFixed(0)} vs ${b.cpuPerRequest.toFixed(0)} µs/request; ${s.perSecond.toFixed(0)} vs ${b.perSecond.toFixed(0)} req/s (${(s.perSecond / b.perSecond).toFixed(2)}×); ` +
        `p50 ${s.p50.toFixed(1)} vs ${b.p50.toFixed(1)} ms, p99 ${s.p99.toFixed(1)} vs ${b.p99.toFixed(1)} ms; ${s.requests} vs ${b.requests} requests, ${failures} failed; ` +
        `${statements.length} statements, ${options.concurrency} in flight, ${options.rounds} × ${options.seconds} s each side`,
      stack: s,
      bare: b,
    };
  } finally {
    for (const s of servers) await stopServer(s);
    await db.destroy();
    fs.rmSync(work, { recursive: true, force: true });
  }
}
