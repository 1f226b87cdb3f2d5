import { afterEach, describe, expect, it } from 'vitest';
import { testDialects } from '@licheng/db/testing';
import { createTestLicheng, users, type TestLicheng, type TestUser } from '@licheng/server/testing';
import { hasLeft, statusOfStudent, studentsInClass, studentsWhoLeft } from '@licheng/server';
import registry from '../index.ts';
import { importGrades, registryUser, seedGradeRoster } from './grade-test-support.ts';

describe.each(testDialects())('status over time on %s', (dialect) => {
  let t: TestLicheng;
  afterEach(async () => t?.close());

  async function setup() {
    t = await createTestLicheng({ dialect, plugins: [registry] });
    await seedGradeRoster(t);
  }
  const idOf = async (no: string) => (await (t.db.kysely as any).selectFrom('students').select('id').where('student_no', '=', no).executeTakeFirstOrThrow()).id as string;

  it('records one change by hand, audited; the same change twice is refused; other roles are refused', async () => {
    await setup();
    const input = { studentNo: 'S002', date: '2025-11-10', kind: 'transfer-out', statusCode: '211', note: '轉學至他校' };
    const res = await t.mutate('registry.status.record', input, registryUser);
    expect(res.data).toMatchObject({ studentNo: 'S002', kind: 'transfer-out', statusCode: '211' });
    expect((await t.mutate('registry.status.record', input, registryUser)).error?.code).toBe('CONFLICT');
    expect((await t.mutate('registry.status.record', { ...input, studentNo: 'S404' }, registryUser)).error?.licheng?.code).toBe('import-student-unknown');
    expect((await t.mutate('registry.status.record', { ...input, statusCode: '21' }, registryUser)).error?.code).toBe('BAD_REQUEST');
    expect((await t.mutate('registry.status.record', input, users.wang as TestUser)).error?.code).toBe('FORBIDDEN');
    const audit = await (t.db.kysely as any).selectFrom('audit_log').select(['action', 'student_id']).where('action', '=', 'student.status.record').execute();
    expect(audit).toEqual([{ action: 'student.status.record', student_id: await idOf('S002') }]);
  });

  it('keeps students.status in step as of today, so offices listing enrolled students leave out who has left', async () => {
    await setup();
    const statusOf = async (no: string) => (await (t.db.kysely as any).selectFrom('students').select('status').where('student_no', '=', no).executeTakeFirstOrThrow()).status;
    // The harness's today is 2025-10-01.
    await t.mutate('registry.status.record', { studentNo: 'S001', date: '2025-11-10', kind: 'suspend', statusCode: '411' }, registryUser);
    expect(await statusOf('S001')).toBe('enrolled');
    await t.mutate('registry.status.record', { studentNo: 'S002', date: '2025-09-15', kind: 'suspend', statusCode: '411' }, registryUser);
    expect(await statusOf('S002')).toBe('left');
    await t.mutate('registry.status.record', { studentNo: 'S002', date: '2025-09-30', kind: 'resume', statusCode: '511' }, registryUser);
    expect(await statusOf('S002')).toBe('enrolled');
    const imported = await importGrades(t, [['學號', '異動日期', '異動類別', '學籍異動代碼'], ['S003', '114/09/20', '畢業', '999']], {}, 'status-changes');
    expect(imported.data.ok).toBe(true);
    expect(await statusOf('S003')).toBe('graduated');
  });

  it('answers the status on a date, who has left, and who sat in a class in a past term', async () => {
    await setup();
    await t.mutate('registry.status.record', { studentNo: 'S002', date: '2025-11-10', kind: 'suspend', statusCode: '411' }, registryUser);
    await t.mutate('registry.status.record', { studentNo: 'S002', date: '2026-02-16', kind: 'resume', statusCode: '511' }, registryUser);
    await t.mutate('registry.status.record', { studentNo: 'S003', date: '2026-01-20', kind: 'transfer-out', statusCode: '211' }, registryUser);
    await importGrades(t, [['學號', '學年度', '學期', '部別', '班級', '座號'], ['S001', 113, 2, '日間部', '101', 1], ['S003', 113, 2, '進修部', '901', 7], ['S001', 114, 1, '日間部', '201', 1]], {}, 'placements');

    const db = t.db.kysely as any;
    const school = t.config.code;
    const lin = await idOf('S002');
    expect(await statusOfStudent(db, school, lin, '2025-11-09')).toBe('enrolled');
    expect(await statusOfStudent(db, school, lin, '2025-12-01')).toBe('suspended');
    expect(await hasLeft(db, school, lin, '2025-12-01')).toBe(true);
    expect(await hasLeft(db, school, lin, '2026-03-01')).toBe(false);
    const left = await studentsWhoLeft(db, school, [await idOf('S001'), lin, await idOf('S003')], '2026-02-01');
    expect([...left].sort()).toEqual([lin, await idOf('S003')].sort());
    // A whole large school at once: more ids than SQLite binds in one statement.
    const many = [...Array.from({ length: 40_000 }, (_, i) => `none-${i}`), lin, await idOf('S003')];
    expect([...(await studentsWhoLeft(db, school, many, '2026-02-01'))].sort()).toEqual([lin, await idOf('S003')].sort());

    expect((await studentsInClass(db, school, { academicYear: 113, semester: 2 }, '101')).map((s) => s.studentNo)).toEqual(['S001']);
    expect(await studentsInClass(db, school, { academicYear: 113, semester: 2 }, '901')).toMatchObject([{ studentNo: 'S003', division: 'night', seatNo: 7 }]);
    expect(await studentsInClass(db, school, { academicYear: 114, semester: 1 }, '101')).toEqual([]);
  });
});
