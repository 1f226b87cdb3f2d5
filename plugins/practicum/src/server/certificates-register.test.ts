import { afterEach, describe, expect, it } from 'vitest';
import { testDialects } from '@licheng/db/testing';
import { createTestLicheng, fakeFile, type TestLicheng, type TestUser } from '@licheng/server/testing';
import plugin from './index.ts';
import { certificateRecords, chen, practicumSchool, registry, staff } from './test-support.ts';

function form(fields: Record<string, string>, document?: File): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries({ studentNo: 'S001', name: '工業電子', level: '丙級', number: '0123456', date: '2025-06-30', ...fields })) f.set(k, v);
  if (document) f.set('document', document);
  return f;
}

describe.each(testDialects())('practicum.certificates.register on %s', (dialect) => {
  let t: TestLicheng;
  afterEach(async () => t?.close());
  const register = (fields: Record<string, string> = {}, document?: File, user: TestUser = staff) => t.upload('practicum.certificates.register', form(fields, document), user);

  it('records the certificate passed on entry, in the term of its date, with the default issuer and the scan', async () => {
    t = await practicumSchool(dialect);
    const res = await register({ category: '3', origin: 'domestic', code: '17200' }, fakeFile('pdf', 2048, '證照.pdf'));
    expect(res.error).toBeNull();
    expect(res.data).toMatchObject({
      student: { studentNo: 'S001', name: '陳小明', className: '101', seatNo: 1 },
      academicYear: 113,
      semester: 2,
      status: 'passed',
      decidedByName: '實習處 就業組長',
      code: '17200',
      category: 3,
      origin: 'domestic',
      issuer: '勞動部勞動力發展署技能檢定中心',
      name: '工業電子',
      level: '丙級',
      number: '0123456',
      date: '2025-06-30',
      registeredByName: '實習處 就業組長',
    });
    const [row] = await certificateRecords(t);
    expect(row).toMatchObject({ kind: 'skill-certificate', status: 'passed', decided_by: 'p-staff', decided_role: 'practicum-staff', entered_role: 'practicum-staff', summary: '工業電子 丙級' });
    const file = await t.db.kysely.selectFrom('stored_files').selectAll().where('id', '=', row!.document_file_id!).executeTakeFirstOrThrow();
    expect(file).toMatchObject({ type: 'pdf', original_name: '證照.pdf' });
  });

  it('refuses a certificate number the student already has, in any spacing or width', async () => {
    t = await practicumSchool(dialect);
    expect((await register()).error).toBeNull();
    const again = await register({ number: '０１２３４５６ ' });
    // 409 once packages/server/src/errors.ts maps 'certificate-duplicate' to CONFLICT (see README).
    expect(again.status).toBeGreaterThanOrEqual(400);
    expect(again.error?.licheng).toEqual({ code: 'certificate-duplicate', params: { studentNo: 'S001', number: '０１２３４５６' } });
    expect(again.error?.message).toBe('學號「S001」已登錄證照號碼「０１２３４５６」的證照');
    expect(await certificateRecords(t)).toHaveLength(1);
    expect((await register({ studentNo: 'S002' })).error).toBeNull();
  });

  it('refuses two registrations of one certificate sent at once: exactly one is recorded', async () => {
    t = await practicumSchool(dialect);
    const results = await Promise.all([register(), register(), register()]);
    expect(results.filter((r) => r.error === null)).toHaveLength(1);
    expect(results.filter((r) => r.error?.licheng?.code === 'certificate-duplicate')).toHaveLength(2);
    expect(await certificateRecords(t)).toHaveLength(1);
  });

  it('refuses impossible, malformed and future dates, naming the field', async () => {
    t = await practicumSchool(dialect);
    const impossible = await register({ date: '2025-02-30' });
    expect(impossible.status).toBe(400);
    expect(impossible.error?.message).toMatch(/^date: /);
    expect((await register({ date: '114/06/30' })).error?.message).toMatch(/^date: /);
    const future = await register({ date: '2025-10-02' });
    expect(future.error?.licheng).toEqual({ code: 'certificate-date-future', params: { date: '2025-10-02' } });
    expect(await certificateRecords(t)).toHaveLength(0);
  });

  it('checks the other fields’ limits and the student', async () => {
    t = await practicumSchool(dialect);
    expect((await register({ name: '字'.repeat(101) })).error?.message).toMatch(/^name: /);
    expect((await register({ number: '1'.repeat(51) })).error?.message).toMatch(/^number: /);
    expect((await register({ level: '級'.repeat(21) })).error?.message).toMatch(/^level: /);
    expect((await register({ category: '5' })).error?.message).toMatch(/^category: /);
    expect((await register({ origin: 'mars' })).error?.message).toMatch(/^origin: /);
    const unknown = await register({ studentNo: 'S999' });
    expect(unknown.error?.licheng).toEqual({ code: 'student-unknown', params: { studentNo: 'S999' } });
    const free = await register({ level: '850 分', category: '1', origin: 'foreign', issuer: 'ETS', name: 'TOEIC' });
    expect(free.data).toMatchObject({ level: '850 分', category: 1, origin: 'foreign', issuer: 'ETS' });
  });

  it('refuses NUL, control characters, line breaks and invisible-only text in its fields with 400, writing nothing', async () => {
    t = await practicumSchool(dialect);
    const cases = [
      [{ name: '\u0000' }, 'text-control-character'],
      [{ name: '\u200b\u200b' }, 'text-blank'],
      [{ level: '\ufeff' }, 'text-blank'],
      [{ number: '01\u202e23' }, 'text-control-character'],
      [{ issuer: '勞動部\n技能檢定中心' }, 'text-line-break'],
      [{ studentNo: '\u2060' }, 'text-blank'],
    ] as const;
    for (const [fields, code] of cases) {
      const res = await register(fields);
      expect(res.status, JSON.stringify(fields)).toBe(400);
      expect(res.error?.licheng?.code, JSON.stringify(fields)).toBe(code);
    }
    expect(await certificateRecords(t)).toEqual([]);
  });

  it('judges the scan by its content, not its name, and keeps nothing of a refused file', async () => {
    t = await practicumSchool(dialect);
    const exe = await register({}, fakeFile('exe', 1024, 'scan.pdf'));
    expect(exe.status).toBe(415);
    expect(exe.error?.licheng?.code).toBe('file-type-not-allowed');
    expect(await certificateRecords(t)).toHaveLength(0);
    expect(await t.db.kysely.selectFrom('stored_files').selectAll().execute()).toHaveLength(0);
    const png = await register({}, fakeFile('png', 1024, 'scan.pdf'));
    expect(png.error).toBeNull();
  });

  it('answers 401 without a token and 403 to other roles', async () => {
    t = await practicumSchool(dialect);
    expect((await t.upload('practicum.certificates.register', form({}), undefined as never)).status).toBe(401);
    expect((await register({}, undefined, chen)).status).toBe(403);
    expect((await register({}, undefined, registry)).status).toBe(403);
  });

  it('is not offered at a general senior high school', async () => {
    await expect(createTestLicheng({ dialect, plugins: [plugin] })).rejects.toThrow(/does not apply to a general school/);
  });
});
