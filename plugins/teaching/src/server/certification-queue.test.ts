import { afterEach, describe, expect, it } from 'vitest';
import { testDialects } from '@licheng/db/testing';
import { createTestLicheng, fakeFile, openSchedule, seedRoster, testRoster, users, type TestLicheng } from '@licheng/server/testing';
import { enterRecord, resubmitRecord, saveSelection, stageFiles, upsertCourses, upsertEnrolments, upsertStudents, writeAudit, type RecordRow } from '@licheng/server';
import teaching from './index.ts';

/** teaching.certifications.queue: which class and term, when submitted, and whether a decision can be taken back. */
describe.each(testDialects())('teaching.certifications.queue on %s', (dialect) => {
  let t: TestLicheng;
  afterEach(async () => t?.close());

  /** 王老師 teaches 國語文 to 101 (the test roster) and to 102 (added here); one outcome from each class. */
  async function setup() {
    t = await createTestLicheng({ dialect, plugins: [teaching], config: { schedule: openSchedule } });
    await seedRoster(t);
    const chinese = testRoster.courses[0];
    await t.db.kysely.transaction().execute(async (trx) => {
      await upsertStudents(trx as any, t.config.code, [{ studentNo: 'S101', name: '黃小美', nationalId: 'D223456785', birthDate: '2009-01-05', grade: 1, className: '102', seatNo: 1, division: 'day', departmentCode: '', hostUserId: 's-huang' }] as any, t.clock.now);
      await upsertCourses(trx as any, t.config.code, [{ ...chinese, className: '102', teacherNos: ['T001'] }], t.clock.now);
      await upsertEnrolments(trx as any, t.config.code, [{ studentNo: 'S101', academicYear: 114, semester: 1, code: chinese.code, className: '102', takeKind: 1 }] as any, t.clock.now);
    });
    const courses = await t.db.kysely.selectFrom('courses').select(['id', 'class_name']).where('subject_name', '=', '國語文').execute();
    const courseOf = (className: string) => courses.find((c) => c.class_name === className)!.id;
    const enter = async (studentNo: string, className: string) => {
      const student = (await t.db.kysely.selectFrom('students').selectAll().where('student_no', '=', studentNo).executeTakeFirstOrThrow()) as any;
      const ctx = await t.app.actAs({ userId: student.host_user_id, name: student.name, school: t.config.code, roles: ['student'] });
      const files = await stageFiles(ctx, { document: fakeFile('pdf', 900) });
      const record = await enterRecord(ctx, { kind: 'outcome', student, courseId: courseOf(className), academicYear: 114, semester: 1, summary: `${student.name}的國語文成果`, files });
      return { record, ctx, student };
    };
    return { a: await enter('S001', '101'), b: await enter('S101', '102'), courseOf };
  }
  const queue = async (status = 'all') => (await t.query('teaching.certifications.queue', { status }, users.wang)).data;
  const decide = (recordId: string, decision: 'pass' | 'fail') => t.mutate('teaching.certifications.decide', { recordId, decision, ...(decision === 'fail' ? { reason: '非本課程之作品' } : {}) }, users.wang);

  it('names each course offering by class and term, so one subject taught to two classes reads as two', async () => {
    const { a, b, courseOf } = await setup();
    const q = await queue();
    expect(q.courses).toEqual([
      { id: courseOf('101'), code: testRoster.courses[0].code, subjectName: '國語文', className: '101', academicYear: 114, semester: 1, pending: 1 },
      { id: courseOf('102'), code: testRoster.courses[0].code, subjectName: '國語文', className: '102', academicYear: 114, semester: 1, pending: 1 },
    ]);
    expect(q.items.map((i: any) => [i.id, i.course.className, i.course.academicYear, i.course.semester, i.student.className])).toEqual([
      [a.record.id, '101', 114, 1, '101'],
      [b.record.id, '102', 114, 1, '102'],
    ]);
  });

  it('shows a resubmission as 重新送出 with the failure reason it answered, and when it was submitted — never a later decision', async () => {
    const { a, b } = await setup();
    const enteredAt = a.record.created_at;
    t.clock.now = new Date('2025-10-02T01:00:00Z');
    expect((await decide(a.record.id, 'fail')).error).toBeNull();
    expect((await decide(b.record.id, 'pass')).error).toBeNull();
    t.clock.now = new Date('2025-10-03T02:00:00Z');
    const failed = (await t.db.kysely.selectFrom('records').selectAll().where('id', '=', a.record.id).executeTakeFirstOrThrow()) as RecordRow;
    await resubmitRecord(a.ctx, failed, { summary: '修正後的國語文成果', files: [] });
    t.clock.now = new Date('2025-10-04T03:00:00Z');

    const pending = await queue('pending');
    expect(pending.items).toHaveLength(1);
    expect(pending.items[0]).toMatchObject({ id: a.record.id, resubmitted: true, previousReason: '非本課程之作品', submittedAt: '2025-10-03T02:00:00.000Z', statusReason: null });
    // Decided after the resubmission: still submitted then, and still a resubmission.
    expect((await decide(a.record.id, 'pass')).error).toBeNull();
    const all = await queue();
    const byId = new Map(all.items.map((i: any) => [i.id, i]));
    expect(byId.get(a.record.id)).toMatchObject({ status: 'passed', resubmitted: true, previousReason: '非本課程之作品', submittedAt: '2025-10-03T02:00:00.000Z', decidedAt: '2025-10-04T03:00:00.000Z' });
    // Never resubmitted: submitted when entered, not when passed.
    expect(byId.get(b.record.id)).toMatchObject({ status: 'passed', resubmitted: false, previousReason: null, submittedAt: b.record.created_at, decidedAt: '2025-10-02T01:00:00.000Z' });
    expect(enteredAt).not.toBe('2025-10-03T02:00:00.000Z');
  });

  it('says before the teacher acts why their decision cannot be taken back: the window, or a produced roster', async () => {
    const { a, b } = await setup();
    await decide(a.record.id, 'pass');
    await decide(b.record.id, 'pass');
    let items = new Map((await queue()).items.map((i: any) => [i.id, i]));
    expect(items.get(a.record.id)).toMatchObject({ decidedByMe: true, reopenBlocked: null, certificationWindow: { state: 'open', start: '2025-08-01', end: '2026-03-01' } });
    // Another teacher's view: not theirs to take back, so nothing blocks them either.
    expect((await t.query('teaching.certifications.queue', { status: 'all' }, users.li)).data.items).toEqual([]);

    // 陳小明 selects it and the registry exports the term's roster: it stays decided.
    await saveSelection(a.ctx, { student: a.student, kind: 'outcome', academicYear: 114, recordIds: [a.record.id], cap: 6 });
    t.clock.now = new Date('2025-12-01T00:00:00Z');
    const registry = await t.app.actAs({ userId: 'r-staff', name: '註冊組', school: t.config.code, roles: ['registry-staff'] });
    await writeAudit(t.db.kysely as any, { school: t.config.code, actor: registry.identity, role: 'registry-staff', action: 'roster.export.26', entity: 'stored_file', entityId: 'f-114-1', after: { academicYear: 114, semester: 1, kind: '26', rowCount: 1 }, at: t.clock.now });
    items = new Map((await queue()).items.map((i: any) => [i.id, i]));
    expect(items.get(a.record.id)).toMatchObject({ reopenBlocked: 'in-roster' });
    expect(items.get(b.record.id)).toMatchObject({ reopenBlocked: null });
    expect((await t.mutate('teaching.certifications.reopen', { recordId: a.record.id, reason: '誤按' }, users.wang)).error?.licheng?.code).toBe('record-in-roster');

    // After the certification window: closed, with its dates; the server refuses as the queue said.
    t.clock.now = new Date('2026-04-01T00:00:00Z');
    items = new Map((await queue()).items.map((i: any) => [i.id, i]));
    expect(items.get(b.record.id)).toMatchObject({ reopenBlocked: 'window', certificationWindow: { state: 'closed', start: '2025-08-01', end: '2026-03-01' } });
    expect((await t.mutate('teaching.certifications.reopen', { recordId: b.record.id, reason: '誤按' }, users.wang)).error?.licheng?.code).toBe('window-closed');
  });
});
