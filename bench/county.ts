import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestDatabase } from '@licheng/db/testing';
import student from '@licheng/plugin-student/server';
import { addSchool, createDeployment, LocalFileStorage, signHostToken } from '@licheng/server';
import { measure, startServer, stopServer, summarize, type Measured, type Server } from './sides.ts';
import { LIST_PATH, SCHOOL, schoolApp, SECRET, seedSchool } from './stack-vs-bare-school.ts';

export interface CountyOptions {
  /** Schools in the county's one database. */
  schools: number;
  studentsPerSchool: number;
  outcomesPerStudent: number;
  concurrency: number;
  seconds: number;
  rounds: number;
  warmupSeconds: number;
}

/** 30 schools of 1,500 students: a county of 45,000 students in one database. */
export const countyDefaults: CountyOptions = { schools: 30, studentsPerSchool: 1500, outcomesPerStudent: 4, concurrency: 16, seconds: 5, rounds: 2, warmupSeconds: 2 };

/** The county's CPU per request may be this multiple of one school's: the school filter and the routing must not grow with the county. */
const TARGET = 1.2;

/** The county's school codes: 6 digits, none the single school's. */
const countyCode = (i: number) => String(700001 + i);

/**
 * `student.outcomes.list` for students spread over every school of a county — one deployment
 * (ADR 0040) on one database of `schools × studentsPerSchool` students — against the same call
 * on one school's own installation with one school's data. Each side is a server in its own
 * process; the load generator (a third process) uses one token per school (the county) or per
 * student (the school) in turn. The ratio is the county's CPU per request over the school's.
 */
export async function countyBench(dialect: 'sqlite' | 'mysql', given: Partial<CountyOptions> = {}) {
  const options = { ...countyDefaults, ...given };
  const size = { students: options.studentsPerSchool, outcomesPerStudent: options.outcomesPerStudent };
  const countyDb = await createTestDatabase(dialect);
  const schoolDb = await createTestDatabase(dialect);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'licheng-bench-county-'));
  const servers: Server[] = [];
  try {
    const generated = performance.now();
    const deployment = await createDeployment({ db: countyDb, storage: new LocalFileStorage(work), hostSecret: SECRET, plugins: [student] });
    for (let i = 0; i < options.schools; i++) {
      const code = countyCode(i);
      await addSchool(countyDb.kysely, { code, name: `縣立第${i + 1}高中`, type: 'general', plugins: { enabled: ['student'] } }, { by: 'bench' });
      if (i === 0) await deployment.schoolApp(code); // migrates the shared tables
      await seedSchool(countyDb, size, code);
    }
    const generatedSeconds = (performance.now() - generated) / 1000;
    await schoolApp(schoolDb, work, true);
    await seedSchool(schoolDb, size);

    const reader = (school: string, userId: string) => signHostToken({ userId, name: userId, school, roles: ['student'] }, SECRET, 24 * 3600);
    const countyTokens = await Promise.all(Array.from({ length: options.schools }, (_, i) => reader(countyCode(i), `s${7 + (i % options.studentsPerSchool)}`)));
    const schoolTokens = await Promise.all(Array.from({ length: options.schools }, (_, i) => reader(SCHOOL, `s${7 + (i % options.studentsPerSchool)}`)));
    const county = await startServer('county-server.ts', [countyDb.url, work], LIST_PATH);
    servers.push(county);
    const school = await startServer('stack-server.ts', [schoolDb.url, work], LIST_PATH);
    servers.push(school);

    // Every reader of both sides sees their own outcomes, and only theirs: else the comparison means nothing.
    for (const [server, tokens] of [[county, countyTokens], [school, schoolTokens]] as const) {
      for (const token of tokens) {
        const response = await fetch(server.url, { headers: { authorization: `Bearer ${token}` } });
        if (!response.ok) throw new Error(`${server.url} answered ${response.status}: ${await response.text()}`);
        const items = ((await response.json()) as { result: { data: unknown[] } }).result.data.length;
        if (items !== options.outcomesPerStudent) throw new Error(`expected ${options.outcomesPerStudent} outcomes, got ${items}`);
      }
    }
    const tokens = { county: countyTokens.join(','), school: schoolTokens.join(',') };
    if (options.warmupSeconds > 0) for (const side of ['county', 'school'] as const) await measure(side === 'county' ? county : school, tokens[side], { ...options, seconds: options.warmupSeconds });
    const sides = { county: [] as Measured[], school: [] as Measured[] };
    for (let round = 0; round < options.rounds; round++) {
      const order = round % 2 ? (['school', 'county'] as const) : (['county', 'school'] as const);
      for (const side of order) sides[side].push(await measure(side === 'county' ? county : school, tokens[side], options));
    }
    const c = summarize(sides.county);
    const s = summarize(sides.school);
    const failures = c.failures + s.failures;
    const students = options.schools * options.studentsPerSchool;
    return {
      name: `outcomes list, county of ${options.schools} schools (${students.toLocaleString('en')} students × ${options.outcomesPerStudent} outcomes) vs one school of ${options.studentsPerSchool.toLocaleString('en')}`,
      ratio: failures ? Infinity : c.cpuPerRequest / s.cpuPerRequest,
      target: TARGET,
      detail:
        `CPU ${c.cpuPerRequest.toFixed(0)} vs ${s.cpuPerRequest.toFixed(0)} µs/request; ${c.perSecond.toFixed(0)} vs ${s.perSecond.toFixed(0)} req/s; ` +
        `p50 ${c.p50.toFixed(1)} vs ${s.p50.toFixed(1)} ms, p99 ${c.p99.toFixed(1)} vs ${s.p99.toFixed(1)} ms; ${c.requests} vs ${s.requests} requests, ${failures} failed; ` +
        `county generated in ${generatedSeconds.toFixed(0)} s; ${options.concurrency} in flight, ${options.rounds} × ${options.seconds} s each side`,
      county: c,
      school: s,
    };
  } finally {
    for (const server of servers) await stopServer(server);
    await countyDb.destroy();
    await schoolDb.destroy();
    fs.rmSync(work, { recursive: true, force: true });
  }
}
