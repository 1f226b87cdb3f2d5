import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@licheng/core';
import { testDialects } from '@licheng/db/testing';
import { signHostToken } from '@licheng/server';
import { bodyText } from './response-text.ts';
import { dumpSchool, listSchoolTables, makeLeakFinder, stringsOnlyIn, type SchoolTable } from './school-dump.ts';
import { ISOLATION_SECRET, openTwoSchools, SCHOOL_A, SCHOOL_B, userOf, type TwoSchools } from './two-schools.ts';

/**
 * The plain HTTP routes (stored files, downloads, office routes under /api/<office>/) of school A,
 * asked by A's users for B's files, batches, meetings, runs and students: every one answers
 * not found or with A's own data, never B's.
 */

/** Routes that take no id of a row, each with why B's ids have nowhere to go (their answers are still searched for B's data). */
const ROUTES_WITHOUT_IDS: Record<string, string> = {
  'GET /health': 'the app’s own status',
  'GET /openapi.json': 'the API description, no data',
  'GET /api/registry/templates/:file': 'blank import templates by file name',
  'POST /api/registry/transfer': 'imports a package the caller uploads (moving a student between schools is what it is for); reads no stored row by id',
  'GET /api/working-group/schedule.xlsx': 'the school’s schedule by academic year',
  'GET /api/working-group/public/schedule.xlsx': 'the school’s published schedule by academic year',
  'GET /api/working-group/self-check.xlsx': 'the school’s self-check by term',
  'GET /api/working-group/evaluation.xlsx': 'the school’s evaluation by academic year',
  'GET /api/student/portfolio.zip': 'the signed-in student’s own portfolio (B has a student with the same host user id)',
  'GET /api/student/portfolio.pdf': 'the signed-in student’s own portfolio (B has a student with the same host user id)',
  'GET /api/homeroom/progress.xlsx': 'a class by name (B has a class of the same name)',
  'GET /api/registry/transfer/:studentNo': 'a student by 學號 (B has a student with the same number)',
  'GET /api/practicum/templates/certificates.xlsx': 'a blank template',
};

describe.each(testDialects())('school isolation of the HTTP routes on one shared database (%s)', (dialect) => {
  let s: TwoSchools;
  let tables: SchoolTable[];
  let before: Record<string, string[]>;
  let find: (text: string) => string[];
  const ids = new Map<string, string[]>();
  let kinds: string[] = [];

  beforeAll(async () => {
    s = await openTwoSchools(dialect);
    tables = (await listSchoolTables(s.db.kysely)).withSchool;
    before = await dumpSchool(s.db.kysely, tables, SCHOOL_B);
    find = makeLeakFinder(stringsOnlyIn(before, await dumpSchool(s.db.kysely, tables, SCHOOL_A)));
    for (const table of ['stored_files', 'receipt_batches', 'working_group_meetings', 'curriculum_precheck_runs', 'records', 'audit_log']) {
      ids.set(table, (await s.db.kysely.selectFrom(table as 'records').select('id').where('school_code', '=', SCHOOL_B).execute()).map((r) => r.id));
    }
    kinds = [...new Set((await s.db.kysely.selectFrom('records').select('kind').where('school_code', '=', SCHOOL_A).execute()).map((r) => r.kind))];
    ids.set('sha256', (await s.db.kysely.selectFrom('stored_files').select('sha256').where('school_code', '=', SCHOOL_B).execute()).map((r) => r.sha256));
  }, 120_000);
  afterAll(async () => s?.close());

  async function get(url: string, role: Role, method = 'GET'): Promise<{ status: number; text: string }> {
    const token = await signHostToken(userOf(role, SCHOOL_A), ISOLATION_SECRET, 3600, Date.now());
    // Through the deployment, as a browser's request comes: A's token sends it to A's app.
    const res = await s.deployment.fetch(new Request(`http://licheng.test${url}`, { method, headers: { authorization: `Bearer ${token}` }, ...(method === 'POST' ? { body: new Uint8Array() } : {}) }));
    return { status: res.status, text: await bodyText(res) };
  }

  /** Who asks each route, and with what B ids: every route A serves appears here or in ROUTES_WITHOUT_IDS. */
  function requests(): Record<string, Array<{ url: string; roles: Role[] }>> {
    const officeExports = ['practicum', 'counseling', 'library', 'competitions', 'student-affairs'];
    const byId = (path: string, table: string, roles: Role[]) => (ids.get(table) ?? []).map((id) => ({ url: path.replace(':id', id), roles }));
    return {
      'GET /api/files/:id': [...byId('/api/files/:id', 'stored_files', ['registry-staff', 'admin', 'student', 'subject-teacher']), ...byId('/api/files/:id', 'sha256', ['registry-staff'])],
      'GET /api/receipt/batches/:id/progress.xlsx': byId('/api/receipt/batches/:id/progress.xlsx', 'receipt_batches', ['registry-staff']),
      'GET /api/working-group/meetings/minutes.xlsx': byId('/api/working-group/meetings/minutes.xlsx?id=:id', 'working_group_meetings', ['working-group', 'admin']),
      'GET /api/curriculum/precheck/export.xlsx': byId('/api/curriculum/precheck/export.xlsx?runId=:id', 'curriculum_precheck_runs', ['curriculum-staff', 'registry-staff']),
      'GET /api/registry/audit.xlsx': [...byId('/api/registry/audit.xlsx?entityId=:id', 'records', ['registry-staff']).slice(0, 5), ...byId('/api/registry/audit.xlsx?parentId=:id', 'audit_log', ['registry-staff']).slice(0, 5), { url: '/api/registry/audit.xlsx', roles: ['registry-staff', 'admin'] }],
      'GET /api/registry/transfer/:studentNo': [{ url: '/api/registry/transfer/114001', roles: ['registry-staff'] }],
      ...Object.fromEntries(officeExports.map((o) => [`GET /api/${o}/records/export.xlsx`, kinds.map((k) => ({ url: `/api/${o}/records/export.xlsx?kind=${k}`, roles: ['admin', 'registry-staff', `${o}-staff` as Role, 'subject-teacher', 'homeroom-teacher', 'course-consultant', 'student'] as Role[] }))])),
      ...Object.fromEntries(officeExports.map((o) => [`GET /api/${o}/records/template.xlsx`, kinds.map((k) => ({ url: `/api/${o}/records/template.xlsx?kind=${k}`, roles: ['admin'] as Role[] }))])),
      'GET /health': [{ url: '/health', roles: ['student'] }],
      'GET /openapi.json': [{ url: '/openapi.json', roles: ['student'] }],
      'GET /api/registry/templates/:file': [{ url: '/api/registry/templates/students.xlsx', roles: ['registry-staff'] }],
      'POST /api/registry/transfer': [{ url: '/api/registry/transfer', roles: ['registry-staff'] }],
      'GET /api/working-group/schedule.xlsx': [{ url: '/api/working-group/schedule.xlsx', roles: ['student'] }],
      'GET /api/working-group/public/schedule.xlsx': [{ url: '/api/working-group/public/schedule.xlsx', roles: ['student'] }],
      'GET /api/working-group/self-check.xlsx': [{ url: '/api/working-group/self-check.xlsx?academicYear=115&semester=1', roles: ['working-group'] }],
      'GET /api/working-group/evaluation.xlsx': [{ url: '/api/working-group/evaluation.xlsx?academicYear=115', roles: ['working-group'] }],
      'GET /api/student/portfolio.zip': [{ url: '/api/student/portfolio.zip', roles: ['student'] }],
      'GET /api/student/portfolio.pdf': [{ url: '/api/student/portfolio.pdf', roles: ['student'] }],
      'GET /api/homeroom/progress.xlsx': [{ url: '/api/homeroom/progress.xlsx?className=101', roles: ['homeroom-teacher', 'admin'] }],
      'GET /api/practicum/templates/certificates.xlsx': [{ url: '/api/practicum/templates/certificates.xlsx', roles: ['practicum-staff'] }],
    };
  }

  it('asks every route A serves, with B’s ids where it takes one', () => {
    const served = [...new Set(s.a.routes.filter((r) => (r.method === 'GET' || r.method === 'POST') && !r.path.startsWith('/trpc')).map((r) => `${r.method} ${r.path}`))];
    const asked = requests();
    expect(served.filter((r) => !asked[r]?.length)).toEqual([]);
    const withoutIds = Object.keys(asked).filter((r) => !asked[r]!.some((q) => [...ids.values()].some((list) => list.some((id) => q.url.includes(id)))) && !/\/records\/(export|template)\.xlsx$/.test(r));
    expect(withoutIds.sort()).toEqual(Object.keys(ROUTES_WITHOUT_IDS).sort());
  });

  it('serves none of B’s stored files to any of A’s users, by id or by hash', async () => {
    const served: string[] = [];
    for (const { url, roles } of requests()['GET /api/files/:id']!) {
      for (const role of roles) {
        const answer = await get(url, role);
        if (answer.status !== 404) served.push(`${url} as ${role}: ${answer.status}`);
        // Asked at B's path with A's token, B's app refuses the token (the path only routes).
        const atB = await get(`/schools/${SCHOOL_B}${url}`, role);
        if (atB.status !== 403) served.push(`/schools/${SCHOOL_B}${url} as ${role} of A: ${atB.status}`);
      }
    }
    expect(served).toEqual([]);
  });

  it('answers every route with nothing of B, and changes nothing of B', async () => {
    const leaks: string[] = [];
    // What A's users typed is A's own audit trail's to keep: B's ids they sent may come back from it.
    const sent = new Set(Object.values(requests()).flatMap((asks) => asks.flatMap((a) => find(a.url))));
    for (const [route, asks] of Object.entries(requests())) {
      for (const { url, roles } of asks) {
        for (const role of roles) {
          const answer = await get(url, role, route.split(' ')[0]);
          if (answer.status >= 500) leaks.push(`${url} as ${role}: ${answer.status} ${answer.text.slice(0, 200)}`);
          const found = find(answer.text).filter((n) => !sent.has(n));
          if (found.length) leaks.push(`${url} as ${role} (${answer.status}): ${found.slice(0, 5).join(', ')}`);
        }
      }
    }
    expect(leaks).toEqual([]);
    expect(await dumpSchool(s.db.kysely, tables, SCHOOL_B)).toEqual(before);
  });
});
