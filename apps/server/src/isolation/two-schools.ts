import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { withCheckDigit, type Role, type StudentRow } from '@licheng/core';
import { createTestDatabase, type TestDatabase } from '@licheng/db/testing';
import type { DialectName } from '@licheng/db';
import { addSchool, createDeployment, LocalFileStorage, upsertStudents, upsertTeachers, type Deployment, type Identity, type LichengApp } from '@licheng/server';
import { demoSchedule } from '../demo/schedule.ts';
import { seedDemo } from '../demo/seed.ts';
import { DEMO_WORKING_GROUP } from '../demo/working-group.ts';
import { availablePlugins } from '../plugins.ts';
import { configPath, readConfigFile } from '../testing/seed-schools.ts';
import { fillEmptyTables } from './fill-school.ts';

export const SCHOOL_A = '999901';
export const ISOLATION_SECRET = 'isolation-test-secret-long-enough-for-hs256';
export const SCHOOL_B = '999902';
/** A teacher only school B has: a host user id the other school's procedures must not resolve. */
export const B_ONLY_TEACHER = { teacherNo: 'T90', name: '乙校專任', email: 'only-b@demo.example', hostUserId: 'demo-t-only-b' };
/** A student only school B has, in B's class 101: a 學號 and host user id A's procedures must not resolve. */
export const B_ONLY_STUDENT: StudentRow = {
  studentNo: '119901',
  name: '乙校學生',
  nationalId: withCheckDigit('A20009990'),
  birthDate: '2009-05-05',
  grade: 1,
  className: '101',
  seatNo: 99,
  division: 'day',
  departmentCode: '',
  hostUserId: 'demo-s-only-b',
} as StudentRow;
/** Added to the names of school B's students and teachers, so an answer holding them is told apart from A's own. */
export const B_NAME_MARK = '乙';

export interface TwoSchools {
  db: TestDatabase;
  /** The deployment serving both: a request goes to the school its token names. */
  deployment: Deployment;
  storage: LocalFileStorage;
  a: LichengApp;
  b: LichengApp;
  now: Date;
  /** The tables B's own procedures filled beyond the demo (fill-school.ts). */
  filled: string[];
  close(): Promise<void>;
}

/** The demo school's config as school `code`, with every office this build ships on (as written, before parsing). */
function schoolConfigInput(code: string, now: Date): Record<string, unknown> {
  const demo = readConfigFile(configPath('demo-school'));
  return { ...demo, code, name: `${demo.name as string}（${code}）`, type: 'vocational', plugins: { enabled: availablePlugins.map((p) => p.id) }, schedule: demoSchedule(now) };
}

/** School A alone on a database of its own, loaded as openTwoSchools loads it: what A's users see without B beside it. */
export async function openSchoolAlone(dialect: DialectName, now = new Date('2026-11-27T04:00:00Z')): Promise<{ a: LichengApp; db: TestDatabase; close(): Promise<void> }> {
  const db = await createTestDatabase(dialect);
  const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'licheng-isolation-'));
  const deployment = await createDeployment({ db, storage: new LocalFileStorage(filesDir), hostSecret: ISOLATION_SECRET, plugins: availablePlugins, now: () => now, refreshMs: 3_600_000 });
  await addSchool(db.kysely, schoolConfigInput(SCHOOL_A, now), { by: 'isolation-test', now });
  const a = (await deployment.schoolApp(SCHOOL_A))!;
  if (!(await seedDemo(a))) throw new Error('the demo loader found the school already loaded');
  await fillEmptyTables(a, new Date('2027-02-07T02:00:00Z'));
  return {
    a,
    db,
    async close() {
      await db.destroy();
      fs.rmSync(filesDir, { recursive: true, force: true });
    },
  };
}

/**
 * Two schools on one database and one file store, each served by its own app, both loaded
 * with the demo school through its procedures; B's people then carry a mark in their names.
 */
export async function openTwoSchools(dialect: DialectName, now = new Date('2026-11-27T04:00:00Z')): Promise<TwoSchools> {
  const db = await createTestDatabase(dialect);
  const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'licheng-isolation-'));
  const storage = new LocalFileStorage(filesDir);
  // One deployment (docs/adr/0040): both schools stored in the database, each served by its own app.
  const deployment = await createDeployment({ db, storage, hostSecret: ISOLATION_SECRET, plugins: availablePlugins, now: () => now, refreshMs: 3_600_000 });
  for (const code of [SCHOOL_A, SCHOOL_B]) await addSchool(db.kysely, schoolConfigInput(code, now), { by: 'isolation-test', now });
  const a = (await deployment.schoolApp(SCHOOL_A))!;
  const b = (await deployment.schoolApp(SCHOOL_B))!;
  if (!(await seedDemo(a)) || !(await seedDemo(b))) throw new Error('the demo loader found a school already loaded');
  await (await b.createContext(new Request('http://isolation/'))).db.transaction().execute(async (trx) => {
    await upsertTeachers(trx, SCHOOL_B, [B_ONLY_TEACHER] as never, now);
    await upsertStudents(trx, SCHOOL_B, [B_ONLY_STUDENT], now);
  });
  // Staff state that is B's alone: 郭建宏 and the registry's officer left B (A's must still sign in to A), 李志明 is absent from B.
  const group = (b.trpcRouter as unknown as { createCaller(ctx: unknown): any }).createCaller(await b.actAs({ ...DEMO_WORKING_GROUP, school: SCHOOL_B, roles: ['working-group'] }))['working-group'];
  for (const userId of ['demo-t-kuo', 'demo-registry']) await group.departures.record({ member: { userId, name: '離職者' }, departedOn: '2026-11-20' });
  await group.absences.record({ member: { userId: 'demo-t-lee' }, fromDate: '2026-11-23', toDate: '2026-11-29', reason: '乙校公假' });
  // Both schools get the same rows beyond the demo, so what tells B's data apart is B's own ids and names.
  await fillEmptyTables(a, new Date('2027-02-07T02:00:00Z'));
  const filled = await fillEmptyTables(b, new Date('2027-02-07T02:00:00Z'));
  for (const table of ['students', 'teachers'] as const) {
    const rows = await db.kysely.selectFrom(table).select(['id', 'name']).where('school_code', '=', SCHOOL_B).execute();
    for (const row of rows) await db.kysely.updateTable(table).set({ name: `${row.name}${B_NAME_MARK}` }).where('id', '=', row.id).execute();
  }
  return {
    db,
    deployment,
    storage,
    a,
    b,
    now,
    filled,
    async close() {
      await db.destroy();
      fs.rmSync(filesDir, { recursive: true, force: true });
    },
  };
}

/** The demo user of school `school` who holds `role` (the roster's own people where a role needs a roster row). */
export function userOf(role: Role, school: string): Identity {
  const byRole: Partial<Record<Role, { userId: string; name: string }>> = {
    student: { userId: 'demo-s-101-1', name: '學生' },
    'subject-teacher': { userId: 'demo-t-wang', name: '王美玲' },
    'homeroom-teacher': { userId: 'demo-t-wang', name: '王美玲' },
    'course-consultant': { userId: 'demo-t-kuo', name: '郭建宏' },
    'registry-staff': { userId: 'demo-registry', name: '註冊組 林組長' },
    'working-group': DEMO_WORKING_GROUP,
  };
  const who = byRole[role] ?? { userId: `demo-${role}`, name: role };
  return { ...who, school, roles: [role] };
}
