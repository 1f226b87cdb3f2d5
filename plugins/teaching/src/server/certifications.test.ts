import { afterEach, describe, expect, it } from 'vitest';
import { testDialects } from '@licheng/db/testing';
import { createTestLicheng, fakeFile, openSchedule, seedRoster, users, type TestLicheng, type TestUser } from '@licheng/server/testing';
import { enterRecord, stageFiles } from '@licheng/server';
import teaching from './index.ts';

describe.each(testDialects())('teaching.certifications on %s', (dialect) => {
  let t: TestLicheng;
  afterEach(async () => t?.close());

  /** Enters outcomes through the platform's record service, as the student office would. */
  async function setup(perStudent = 1, config: Record<string, unknown> = {}) {
    t = await createTestLicheng({ dialect, plugins: [teaching], config: { schedule: openSchedule, ...config } });
    const { courseIds } = await seedRoster(t);
    const students = await t.db.kysely.selectFrom('students' as any).selectAll().orderBy('student_no' as any).execute();
    const ids: Record<string, string[]> = { 國語文: [], 物理: [] };
    for (const s of students as any[]) {
      const ctx = await t.app.actAs({ userId: s.host_user_id, name: s.name, school: t.config.code, roles: ['student'] });
      for (const subject of ['國語文', '物理']) {
        for (let i = 0; i < perStudent; i++) {
          const files = await stageFiles(ctx, { document: fakeFile('pdf', 700 + i) });
          const r = await enterRecord(ctx, { kind: 'outcome', student: s, courseId: courseIds[subject]!, academicYear: 114, semester: 1, summary: `${s.name}的${subject}成果`, files });
          ids[subject]!.push(r.id);
        }
      }
    }
    return ids;
  }

  it('shows a teacher only the items of courses they teach', async () => {
    const ids = await setup();
    const wang = await t.query('teaching.certifications.queue', undefined, users.wang);
    expect(wang.error).toBeNull();
    expect(wang.data.items.map((i: any) => i.id).sort()).toEqual([...ids['國語文']!].sort());
    expect(wang.data.courses).toEqual([expect.objectContaining({ subjectName: '國語文', pending: 3 })]);
    expect(wang.data.items[0]).toMatchObject({ status: 'pending', student: { className: '101' }, course: { subjectName: '國語文' } });
    const student = await t.query('teaching.certifications.queue', undefined, users.chen);
    expect(student.status).toBe(403);
  });

  it('passes and fails with a reason; a certified item is frozen', async () => {
    const ids = await setup();
    const pass = await t.mutate('teaching.certifications.decide', { recordId: ids['國語文']![0], decision: 'pass' }, users.wang);
    expect(pass.data).toMatchObject({ status: 'passed' });
    const again = await t.mutate('teaching.certifications.decide', { recordId: ids['國語文']![0], decision: 'fail', reason: '改變心意' }, users.wang);
    expect(again.status).toBe(409);
    expect(again.error?.licheng?.code).toBe('already-decided');
    const noReason = await t.mutate('teaching.certifications.decide', { recordId: ids['國語文']![1], decision: 'fail', reason: '  ' }, users.wang);
    expect(noReason.error?.licheng?.code).toBe('reason-required');
    // A reason of invisible characters only is no reason; one with control characters is refused as such.
    for (const [reason, code] of [['\u200b\u200b', 'reason-required'], ['\ufeff\u2060', 'reason-required'], ['\u0000', 'text-control-character'], ['抄襲\u001b[2J', 'text-control-character']] as const) {
      const refused = await t.mutate('teaching.certifications.decide', { recordId: ids['國語文']![1], decision: 'fail', reason }, users.wang);
      expect(refused.status, JSON.stringify(reason)).toBe(400);
      expect(refused.error?.licheng?.code, JSON.stringify(reason)).toBe(code);
    }
    expect(await t.db.kysely.selectFrom('records' as any).select('status').where('id' as any, '=', ids['國語文']![1]).executeTakeFirst()).toEqual({ status: 'pending' });
    const fail = await t.mutate('teaching.certifications.decide', { recordId: ids['國語文']![1], decision: 'fail', reason: '非本課程之作品' }, users.wang);
    expect(fail.data).toMatchObject({ status: 'failed', statusReason: '非本課程之作品' });
    const audit = await t.db.kysely.selectFrom('audit_log' as any).selectAll().where('action' as any, 'like', 'outcome.certify%').execute();
    expect(audit.map((a: any) => [a.action, a.actor_id, a.actor_role])).toEqual([
      ['outcome.certify.pass', 't-wang', 'subject-teacher'],
      ['outcome.certify.fail', 't-wang', 'subject-teacher'],
    ]);
    expect(JSON.parse((audit[0] as any).before).status).toBe('pending');
    expect(JSON.parse((audit[0] as any).after).status).toBe('passed');
  });

  it('answers a teacher who does not teach the course exactly as for a record that does not exist (404), in and out of the window', async () => {
    const ids = await setup();
    const decide = (recordId: string, user: TestUser = users.wang) => t.mutate('teaching.certifications.decide', { recordId, decision: 'pass' }, user);
    const unknown = await decide('00000000-0000-4000-8000-000000000000');
    expect(unknown.status).toBe(404);
    expect(unknown.error?.licheng).toEqual({ code: 'not-found', params: {} });
    expect(await decide(ids['物理']![0]!)).toEqual(unknown);
    // A student is nobody's certifier: the same answer.
    expect(await decide(ids['物理']![0]!, users.chen)).toEqual(unknown);
    const many = await t.mutate('teaching.certifications.decideMany', { recordIds: [ids['物理']![0], 'no-such-record'], decision: 'pass' }, users.wang);
    expect(many.data.results[0].error).toEqual(many.data.results[1].error);
    expect(many.data.results[1].error).toEqual({ code: 'not-found', message: unknown.error?.message });
    // Outside the window the answer does not change: the window is checked only for one's own records.
    t.clock.now = new Date('2026-04-01T00:00:00Z');
    expect(await decide(ids['物理']![0]!)).toEqual(await decide('00000000-0000-4000-8000-000000000000'));
    expect((await decide(ids['國語文']![0]!)).error?.licheng?.code).toBe('window-closed');
    // Nothing was decided.
    const decided = await t.db.kysely.selectFrom('records' as any).select('id' as any).where('status' as any, '!=', 'pending').execute();
    expect(decided).toEqual([]);
  });

  it('lets exactly one of two teachers deciding the same item at once win', async () => {
    const ids = await setup(2);
    await t.db.kysely.insertInto('course_teachers' as any).values({ course_id: (await t.db.kysely.selectFrom('courses' as any).select('id' as any).where('subject_name' as any, '=', '國語文').executeTakeFirstOrThrow() as any).id, teacher_id: (await t.db.kysely.selectFrom('teachers' as any).select('id' as any).where('teacher_no' as any, '=', 'T002').executeTakeFirstOrThrow() as any).id, school_code: t.config.code } as any).execute();
    for (const id of ids['國語文']!) {
      const [a, b] = await Promise.all([
        t.mutate('teaching.certifications.decide', { recordId: id, decision: 'pass' }, users.wang),
        t.mutate('teaching.certifications.decide', { recordId: id, decision: 'fail', reason: '非本人作品' }, users.li),
      ]);
      expect([a.error, b.error].filter((e) => e === null)).toHaveLength(1);
      expect([a, b].find((r) => r.error)?.error?.licheng?.code).toBe('already-decided');
      const audits = await t.db.kysely.selectFrom('audit_log' as any).selectAll().where('entity_id' as any, '=', id).where('action' as any, 'like', 'outcome.certify%').execute();
      expect(audits).toHaveLength(1);
    }
  });

  it('bulk-passes and reports items another teacher already decided', async () => {
    const ids = await setup();
    await t.mutate('teaching.certifications.decide', { recordId: ids['國語文']![2], decision: 'fail', reason: '檔案無法開啟' }, users.wang);
    const res = await t.mutate('teaching.certifications.decideMany', { recordIds: ids['國語文'], decision: 'pass' }, users.wang);
    expect(res.data).toMatchObject({ passed: 2, failed: 1 });
    expect(res.data.results.find((r: any) => !r.ok).error.code).toBe('already-decided');
  });

  it('certifies only inside the certification window', async () => {
    const ids = await setup();
    t.clock.now = new Date('2026-04-01T00:00:00Z');
    const res = await t.mutate('teaching.certifications.decide', { recordId: ids['國語文']![0], decision: 'pass' }, users.wang);
    expect(res.error?.licheng?.code).toBe('window-closed');
  });

  it("finds a grade-limited certification window by the record's student's grade, one by one and in bulk", async () => {
    const schedule = [
      ...openSchedule.filter((w) => w.activity !== 'outcome-certification'),
      { activity: 'outcome-certification', academicYear: 114, semester: 1, grades: [1], start: '2025-08-01', end: '2026-03-01' },
    ];
    const ids = await setup(1, { schedule });
    // S002 (林小華) moves to grade 2: the grade-1 window is not theirs.
    await (t.db.kysely as any).updateTable('students').set({ grade: 2 }).where('student_no', '=', 'S002').execute();
    const [grade1, grade2, otherGrade1] = ids['國語文']!;

    const passed = await t.mutate('teaching.certifications.decide', { recordId: grade1, decision: 'pass' }, users.wang);
    expect(passed.error).toBeNull();
    expect(passed.data.status).toBe('passed');
    const refused = await t.mutate('teaching.certifications.decide', { recordId: grade2, decision: 'pass' }, users.wang);
    expect(refused.error?.licheng?.code).toBe('window-unscheduled');

    const bulk = await t.mutate('teaching.certifications.decideMany', { recordIds: [grade2, otherGrade1], decision: 'pass' }, users.wang);
    expect(bulk.data).toMatchObject({ passed: 1, failed: 1 });
    expect(bulk.data.results).toMatchObject([
      { id: grade2, ok: false, error: { code: 'window-unscheduled' } },
      { id: otherGrade1, ok: true, status: 'passed' },
    ]);
  });

  it('follows the school’s certifier setting for a kind (an office certifies school-wide)', async () => {
    const ids = await setup(1, { recordKinds: { outcome: { enterers: ['student'], certifiers: ['registry-staff'] } } });
    const teacher = await t.mutate('teaching.certifications.decide', { recordId: ids['國語文']![0], decision: 'pass' }, users.wang);
    expect(teacher.status).toBe(404);
    expect(teacher.error?.licheng?.code).toBe('not-found');
    const queue = await t.query('teaching.certifications.queue', undefined, users.registry);
    expect(queue.data.items).toHaveLength(6);
    const office = await t.mutate('teaching.certifications.decide', { recordId: ids['物理']![0], decision: 'pass' }, users.registry);
    expect(office.data.status).toBe('passed');
  });
});
