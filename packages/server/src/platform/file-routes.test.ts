import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { testDialects } from '@licheng/db/testing';
import { createTestLicheng, fakeFile, openSchedule, seedRoster, users, type TestLicheng, type TestUser } from '../testing/index.ts';
import { enterRecord, stageFiles } from '../records/index.ts';
import type { Student } from './tables.ts';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

describe.each(testDialects())('GET /api/files/:id on %s', (dialect) => {
  let t: TestLicheng;
  afterEach(async () => t?.close());

  /** 陳小明's 國語文 outcome (taught by 王老師) with a document named `name`; returns the file id. */
  async function chenDocument(name = '我的成果.pdf'): Promise<string> {
    t = await createTestLicheng({ dialect, plugins: [], config: { schedule: openSchedule } });
    const { courseIds } = await seedRoster(t);
    const chen = (await t.db.kysely.selectFrom('students').selectAll().where('host_user_id', '=', 's-chen').executeTakeFirstOrThrow()) as Student;
    const ctx = await t.app.actAs({ userId: 's-chen', name: '陳小明', school: t.config.code, roles: ['student'] });
    const files = await stageFiles(ctx, { document: fakeFile('pdf', 900, name) });
    const record = await enterRecord(ctx, { kind: 'outcome', student: chen, courseId: courseIds['國語文']!, academicYear: 114, semester: 1, summary: '成果', files });
    return record.document_file_id!;
  }

  const get = async (id: string, user?: TestUser, query = '') =>
    t.app.request(`/api/files/${id}${query}`, { headers: user ? { authorization: `Bearer ${await t.token(user)}` } : {} });
  const answer = async (res: Response) => ({ status: res.status, body: await res.text() });

  it('serves the file to its student, the teacher who certifies it and the registry office', async () => {
    const id = await chenDocument();
    for (const user of [users.chen, users.wang, users.registry]) expect((await get(id, user)).status, user.userId).toBe(200);
  });

  it("answers another student, a teacher of another course and another school's user exactly as for a file that does not exist", async () => {
    const id = await chenDocument();
    const unknown = await answer(await get(UNKNOWN_ID, users.lin));
    expect(unknown.status).toBe(404);
    expect(await answer(await get(id, users.lin))).toEqual(unknown);
    expect(await answer(await get(id, users.li))).toEqual(await answer(await get(UNKNOWN_ID, users.li)));
    expect((await get(id, users.li)).status).toBe(404);
    // In the caller's language, as every other refusal.
    expect(JSON.parse(unknown.body).error).toEqual({ code: 'not-found', message: '找不到指定的資料' });
    const english = await t.app.request(`/api/files/${UNKNOWN_ID}`, { headers: { authorization: `Bearer ${await t.token(users.lin)}`, 'x-licheng-locale': 'en' } });
    expect(((await english.json()) as any).error.message).toBe('The requested item was not found.');
    // Another school's user is refused before any file is looked up; no token is 401.
    expect((await get(id, { ...users.registry, school: '999999' })).status).toBe(403);
    expect((await get(id)).status).toBe(401);
  });

  it('says a file whose stored bytes are gone is missing (404 file-missing), not an answer of the store', async () => {
    const id = await chenDocument();
    const { sha256 } = await t.db.kysely.selectFrom('stored_files').select('sha256').where('id', '=', id).executeTakeFirstOrThrow();
    fs.rmSync(path.join(t.filesDir, 'objects', sha256.slice(0, 2), sha256.slice(2, 4), sha256));
    const res = await get(id, users.chen);
    expect(res.status).toBe(404);
    expect(((await res.json()) as any).error.code).toBe('file-missing');
  });

  it('serves a file sandboxed, unsniffable, without a referrer, and with a Content-Disposition no file name breaks out of', async () => {
    const id = await chenDocument('a"b\\c;\r\nx-evil: 1 成果(1)\'s.pdf');
    const res = await get(id, users.chen);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    const csp = res.headers.get('content-security-policy')!;
    expect(csp.split(';').map((d) => d.trim())).toEqual(expect.arrayContaining(['sandbox', "default-src 'none'", "frame-ancestors 'none'"]));
    expect(csp).not.toMatch(/script-src|allow-scripts/);
    const disposition = res.headers.get('content-disposition')!;
    expect(res.headers.get('x-evil')).toBeNull();
    expect(disposition).toBe(
      `inline; filename="a_b_c;__x-evil: 1 __(1)'s.pdf"; filename*=UTF-8''a%22b%5Cc%3B%0D%0Ax-evil%3A%201%20%E6%88%90%E6%9E%9C%281%29%27s.pdf`,
    );
    expect(decodeURIComponent(disposition.split("UTF-8''")[1]!)).toBe('a"b\\c;\r\nx-evil: 1 成果(1)\'s.pdf');
    expect((await get(id, users.chen, '?download=1')).headers.get('content-disposition')).toMatch(/^attachment; /);
  });

  it('sends nosniff, the referrer policy and a data-only CSP with API answers and refusals too', async () => {
    await chenDocument();
    const answers = [await get(UNKNOWN_ID), await t.app.request('/health'), await t.app.request('/trpc/platform.me'), await t.app.request(`/trpc/platform.me`, { headers: { authorization: `Bearer ${await t.token(users.chen)}` } })];
    for (const res of answers) {
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
    }
    expect(answers.map((r) => r.status)).toEqual([401, 200, 401, 200]);
  });
});
