import { afterEach, describe, expect, it } from 'vitest';
import { DomainError, isNationalId, type StudentRow } from '@licheng/core';
import { testDialects } from '@licheng/db/testing';
import { upsertStudents, upsertTeachers } from '@licheng/server';
import { createTestLicheng, users, type TestLicheng } from '@licheng/server/testing';
import registry from './index.ts';
import { csvBytes, fileOf, importForm, studentsSheet, teachersSheet, type Rows } from './test-support.ts';

/** A valid 身分證號 starting with the nine characters given (the check digit is found). */
function validId(first9: string): string {
  for (let d = 0; d <= 9; d++) if (isNationalId(`${first9}${d}`)) return `${first9}${d}`;
  throw new Error(`no check digit for ${first9}`);
}

const header = studentsSheet[0]!;
const student = (no: string, id: string, className: string, seat: number, account = '', division = '日間部') => [no, `學生${no}`, id, '98/01/01', 1, className, seat, division, account];

describe.each(testDialects())('roster integrity on %s', (dialect) => {
  let t: TestLicheng;
  afterEach(async () => t?.close());

  const db = () => t.db.kysely as any;
  const run = (kind: string, rows: Rows, name = `${kind}.csv`) => t.upload('registry.imports.run', importForm(kind, fileOf(csvBytes(rows), name)), users.registry);
  const count = async (table: string) => Number((await db().selectFrom(table).select((eb: any) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const snapshot = async () => ({
    students: await db().selectFrom('students').select(['student_no', 'national_id', 'class_name', 'seat_no', 'host_user_id', 'name']).orderBy('student_no').execute(),
    teachers: await db().selectFrom('teachers').select(['teacher_no', 'host_user_id']).orderBy('teacher_no').execute(),
    audit: await count('audit_log'),
  });
  const issuesOf = (res: any) => res.data.issues.map((i: any) => [i.row, i.column, i.code, i.params.holder]);

  async function setup() {
    t = await createTestLicheng({ dialect, plugins: [registry] });
    expect((await run('teachers', teachersSheet)).data.ok).toBe(true);
    expect((await run('students', studentsSheet)).data.ok).toBe(true);
  }

  it('refuses a 身分證號 already on file under another 學號, naming row, column and 學號, and writes nothing', async () => {
    await setup();
    const before = await snapshot();
    const res = await run('students', [header, student('S004', validId('E12345678'), '102', 1), student('S005', 'B223456782', '102', 2)]);
    expect(res.error).toBeNull();
    expect(res.data.ok).toBe(false);
    expect(issuesOf(res)).toEqual([[3, '身分證號', 'roster-national-id-taken', 'S002']]);
    expect(res.data.issues[0].message).toBe('身分證號「B223456782」已屬於學號「S002」的學生');
    expect(await snapshot()).toEqual(before);
    // The same ID twice in one file: the second row is refused, naming the first row's 學號.
    const twice = await run('students', [header, student('S004', validId('E12345678'), '102', 1), student('S005', validId('E12345678'), '102', 2)]);
    expect(twice.data.issues.map((i: any) => [i.row, i.column, i.code, i.params.holder, i.params.firstRow])).toEqual([[3, '身分證號', 'roster-national-id-taken', 'S004', 2]]);
    // Likewise an account given to two teachers in one file.
    const accounts = await run('teachers', [teachersSheet[0]!, ['T005', '甲老師', '', 'shared'], ['T006', '乙老師', '', 'shared']]);
    expect(issuesOf(accounts)).toEqual([[3, '系統帳號', 'import-host-user-taken', 'T005']]);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a class + seat taken on file or in the same file, and writes nothing', async () => {
    await setup();
    const before = await snapshot();
    const taken = await run('students', [header, student('S004', validId('E12345678'), '101', 2)]);
    expect(issuesOf(taken)).toEqual([[2, '座號', 'roster-seat-taken', 'S002']]);
    expect(taken.data.issues[0].message).toBe('101 班 2 號已是學號「S002」的座號');
    const inFile = await run('students', [header, student('S004', validId('E12345678'), '102', 7), student('S005', validId('F12345678'), '102', 7)]);
    expect(issuesOf(inFile)).toEqual([
      [2, '座號', 'roster-seat-taken', 'S005'],
      [3, '座號', 'roster-seat-taken', 'S004'],
    ]);
    // S001 moves onto S002's seat while S002 stays: refused.
    const onto = await run('students', [header, student('S001', 'A123456789', '101', 2, 's-chen')]);
    expect(issuesOf(onto)).toEqual([[2, '座號', 'roster-seat-taken', 'S002']]);
    expect(await snapshot()).toEqual(before);
  });

  it('accepts students keeping their seats and seats moved around consistently, judged after the import', async () => {
    await setup();
    // Everyone keeps their seat.
    expect((await run('students', studentsSheet)).data).toMatchObject({ ok: true, counts: { unchanged: 3 } });
    // S001 → seat 2, S002 → seat 3, S003 → seat 1: a rotation within the file.
    const rotate = await run('students', [
      header,
      student('S001', 'A123456789', '101', 2, 's-chen'),
      student('S002', 'B223456782', '101', 3, 's-lin'),
      student('S003', 'C123456781', '101', 1, 's-chang'),
    ]);
    expect(rotate.data).toMatchObject({ ok: true, issues: [] });
    const seats = await db().selectFrom('students').select(['student_no', 'seat_no']).orderBy('student_no').execute();
    expect(seats.map((s: any) => [s.student_no, s.seat_no])).toEqual([['S001', 2], ['S002', 3], ['S003', 1]]);
    // The same class and seat in the night division is another seat; a graduate holds none.
    expect((await run('students', [header, student('S004', validId('E12345678'), '101', 2, '', '進修部')])).data.ok).toBe(true);
    await db().updateTable('students').set({ status: 'graduated' }).where('student_no', '=', 'S003').execute();
    expect((await run('students', [header, student('S005', validId('F12345678'), '101', 1)])).data.ok).toBe(true);
  });

  it('refuses a teacher account that is a student\'s and a student account that is a teacher\'s', async () => {
    await setup();
    const before = await snapshot();
    const teacher = await run('teachers', [teachersSheet[0]!, ['T003', '張老師', '', 's-chen']]);
    expect(issuesOf(teacher)).toEqual([[2, '系統帳號', 'roster-host-user-student', 'S001']]);
    expect(teacher.data.issues[0].message).toBe('系統帳號「s-chen」已是學號「S001」學生的帳號，不可作為教師帳號');
    const pupil = await run('students', [header, student('S004', validId('E12345678'), '102', 1, 't-wang')]);
    expect(issuesOf(pupil)).toEqual([[2, '系統帳號', 'roster-host-user-teacher', 'T001']]);
    // A teacher whose 教師代號 is a student's account by default (no 系統帳號 column value).
    await db().updateTable('students').set({ host_user_id: 'T009' }).where('student_no', '=', 'S003').execute();
    const byDefault = await run('teachers', [teachersSheet[0]!, ['T009', '周老師', '', '']]);
    expect(issuesOf(byDefault)).toEqual([[2, '系統帳號', 'roster-host-user-student', 'S003']]);
    expect({ ...(await snapshot()), students: [] }).toEqual({ ...before, students: [] });
  });

  it('refuses control characters and invisible-only text in cells, and writes nothing', async () => {
    await setup();
    const before = await snapshot();
    // A C0 character (NUL, BEL…) or DEL makes a CSV file binary: the file is refused as a whole.
    expect((await run('students', [header, ['S004', '\u0000', validId('E12345678'), '98/01/01', 1, '102', 1, '', '']])).error?.licheng?.code).toBe('file-type-not-allowed');
    const res = await run('students', [
      header,
      ['S004', '王\u009b', validId('E12345678'), '98/01/01', 1, '102', 1, '', ''],
      ['S005', '\u200b\u200b', validId('F12345678'), '98/01/01', 1, '102', 2, '', ''],
      ['S006', '王\u202e小明', validId('G12345678'), '98/01/01', 1, '102', 3, '', ''],
      ['S007', '王小明', validId('H12345678'), '98/01/01', 1, '10\n2', 4, '', ''],
      ['S008', '王\u0085小明', validId('J12345678'), '98/01/01', 1, '102', 5, '', ''],
    ]);
    expect(res.data.issues.map((i: any) => [i.row, i.column, i.code])).toEqual([
      [2, '姓名', 'import-text-control-character'],
      [3, '姓名', 'import-value-required'],
      [4, '姓名', 'import-text-control-character'],
      [5, '班級', 'import-text-line-break'],
      [6, '姓名', 'import-text-control-character'],
    ]);
    expect(res.data.issues[2].message).toBe('「姓名」含有不允許的控制字元 U+202E（第 2 字）');
    const mapping = await t.upload('registry.imports.run', importForm('students', fileOf(csvBytes(studentsSheet), 'a.csv'), { mapping: JSON.stringify({ name: '\u0000' }) }), users.registry);
    expect(mapping.status).toBe(400);
    expect(mapping.error?.licheng?.code).toBe('text-control-character');
    expect(await snapshot()).toEqual(before);
  });

  it('holds the same rules when the host writes the roster, inside the transaction', async () => {
    await setup();
    const before = await snapshot();
    const row = (patch: Partial<StudentRow>): StudentRow => ({ studentNo: 'S009', name: '王大明', nationalId: validId('E12345678'), birthDate: '2009-01-01', grade: 1, className: '102', seatNo: 1, division: 'day', departmentCode: null, hostUserId: 's-wang', ...patch });
    const attempt = async (write: (trx: any) => Promise<unknown>) => {
      try {
        await db().transaction().execute(write);
        return null;
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        return [error.code, error.params.holder];
      }
    };
    expect(await attempt((trx) => upsertStudents(trx, t.config.code, [row({ nationalId: 'A123456789' })], t.clock.now))).toEqual(['roster-national-id-taken', 'S001']);
    expect(await attempt((trx) => upsertStudents(trx, t.config.code, [row({ className: '101', seatNo: 3 })], t.clock.now))).toEqual(['roster-seat-taken', 'S003']);
    expect(await attempt((trx) => upsertStudents(trx, t.config.code, [row({ hostUserId: 't-li' })], t.clock.now))).toEqual(['roster-host-user-teacher', 'T002']);
    expect(await attempt((trx) => upsertTeachers(trx, t.config.code, [{ teacherNo: 'T009', name: '周老師', email: null, hostUserId: 's-lin' }], t.clock.now))).toEqual(['roster-host-user-student', 'S002']);
    expect(await snapshot()).toEqual(before);
    expect(await attempt((trx) => upsertStudents(trx, t.config.code, [row({})], t.clock.now))).toBeNull();
  });

  it('lets the database refuse a second student with the same 身分證號', async () => {
    await setup();
    const at = t.clock.now.toISOString();
    const insert = db()
      .insertInto('students')
      .values({ id: 'dup-id', school_code: t.config.code, student_no: 'S100', host_user_id: 'x', name: 'x', national_id: 'A123456789', birth_date: '2009-01-01', grade: 1, class_name: '109', seat_no: 1, division: 'day', department_code: null, status: 'enrolled', created_at: at, updated_at: at })
      .execute();
    await expect(insert).rejects.toThrow(/unique|duplicate/i);
    expect(await count('students')).toBe(3);
  });

  it('never gives one account to a student and a teacher imported at the same moment', async () => {
    await setup();
    for (let round = 0; round < 4; round++) {
      const account = `shared-${round}`;
      const [pupil, teacher] = await Promise.all([
        run('students', [header, student(`S2${round}`, validId(`H1234567${round}`), '105', round + 1, account)]),
        run('teachers', [teachersSheet[0]!, [`T2${round}`, '新老師', '', account]]),
      ]);
      const outcomes = [pupil, teacher].map((r) => (r.error ? r.error.licheng?.code : r.data.ok ? 'ok' : r.data.issues[0]?.code));
      expect(outcomes.filter((o) => o === 'ok').length, JSON.stringify(outcomes)).toBeLessThanOrEqual(1);
      for (const o of outcomes) expect(['ok', 'roster-host-user-student', 'roster-host-user-teacher', 'import-concurrent']).toContain(o);
      const holders = [
        ...(await db().selectFrom('students').select('student_no').where('host_user_id', '=', account).execute()),
        ...(await db().selectFrom('teachers').select('teacher_no').where('host_user_id', '=', account).execute()),
      ];
      expect(holders.length).toBeLessThanOrEqual(1);
    }
  });
});
