import { afterEach, describe, expect, it } from 'vitest';
import { testDialects } from '@licheng/db/testing';
import { createTestLicheng, users, type TestLicheng, type TestUser } from '@licheng/server/testing';
import registry from '../index.ts';
import { chenUser, gradeCodes, importGrades, linUser, registryUser, seedGradeRoster, termGrades } from './grade-test-support.ts';

const gradeCheck = { activity: 'grade-check', academicYear: 114, semester: 1, start: '2025-09-20', end: '2025-10-10' };

describe.each(testDialects())('grade check and appeals on %s', (dialect) => {
  let t: TestLicheng;
  afterEach(async () => t?.close());

  async function setup(schedule: unknown[] = [gradeCheck]) {
    t = await createTestLicheng({ dialect, plugins: [registry], config: { schedule } });
    await seedGradeRoster(t);
    expect((await importGrades(t, termGrades)).data.ok).toBe(true);
  }
  const mine = async (user: TestUser = chenUser) => (await t.query('registry.grades.mine', undefined, user)).data;
  const pattern = { academicYear: 114, semester: 1, courseCode: gradeCodes.chinese, field: 'score', from: '58', to: '62' };

  it('shows a student only their own grades with credits and the window', async () => {
    await setup();
    const chen = await mine();
    expect(chen.window).toEqual({ state: 'open', start: '2025-09-20', end: '2025-10-10' });
    expect(chen.grades).toHaveLength(4);
    expect(chen.grades.find((g: any) => g.take === 'term' && g.courseCode === gradeCodes.chinese)).toMatchObject({ score: '82', passed: 1, creditCounted: 1, subjectName: '國語文', credits: 4, appeals: [] });
    expect((await mine(linUser)).grades.map((g: any) => g.take).sort()).toEqual(['borrowed', 'retake', 'term']);
  });

  it('takes an appeal that reaches the registry, answered once; another student’s grade reads as not found', async () => {
    await setup();
    const [grade] = (await mine()).grades;
    const raised = await t.mutate('registry.appeals.raise', { gradeId: grade.id, text: '期末考成績登錄錯誤' }, chenUser);
    expect(raised.error).toBeNull();
    const stolen = await t.mutate('registry.appeals.raise', { gradeId: grade.id, text: '這不是我的成績' }, linUser);
    expect(stolen.error).toMatchObject({ code: 'NOT_FOUND' });
    const missing = await t.mutate('registry.appeals.raise', { gradeId: 'no-such-grade', text: '錯誤' }, linUser);
    expect(missing.error?.code).toBe(stolen.error?.code);
    const tooLong = await t.mutate('registry.appeals.raise', { gradeId: grade.id, text: '字'.repeat(201) }, chenUser);
    expect(tooLong.error?.code).toBe('BAD_REQUEST');

    const list = await t.query('registry.appeals.list', { status: 'open' }, registryUser);
    expect(list.data.map((a: any) => [a.student.studentNo, a.text, a.grade.id])).toEqual([['S001', '期末考成績登錄錯誤', grade.id]]);
    const answer = await t.mutate('registry.appeals.answer', { appealId: raised.data.id, answer: '已更正' }, registryUser);
    expect(answer.data).toMatchObject({ status: 'answered', answer: '已更正' });
    const twice = await t.mutate('registry.appeals.answer', { appealId: raised.data.id, answer: '再次' }, registryUser);
    expect(twice.error?.code).toBe('CONFLICT');
    expect((await mine()).grades[0].appeals).toMatchObject([{ text: '期末考成績登錄錯誤', status: 'answered', answer: '已更正' }]);
  });

  it('refuses appeals outside the window with the reason', async () => {
    await setup([{ ...gradeCheck, start: '2025-10-05' }]);
    expect((await mine()).window.state).toBe('not-yet');
    const [grade] = (await mine()).grades;
    const res = await t.mutate('registry.appeals.raise', { gradeId: grade.id, text: '成績有誤' }, chenUser);
    expect(res.error).toMatchObject({ code: 'FORBIDDEN' });
    expect(res.error?.licheng?.code).toBe('window-not-open');
  });

  it('previews a pattern correction for every affected student and applies it to all at once, audited under one entry', async () => {
    await setup();
    const preview = await t.query('registry.corrections.preview', pattern, registryUser);
    expect(preview.data.grades.map((g: any) => g.studentNo)).toEqual(['S002', 'S003']);
    const res = await t.mutate('registry.corrections.commit', { ...pattern, gradeIds: preview.data.grades.map((g: any) => g.gradeId) }, registryUser);
    expect(res.data).toEqual({ corrected: 2, field: 'score', from: '58', to: '62' });
    expect((await mine(linUser)).grades.find((g: any) => g.courseCode === gradeCodes.chinese).score).toBe('62');
    const db = t.db.kysely as any;
    const parent = await db.selectFrom('audit_log').select(['id']).where('action', '=', 'grade.correction').executeTakeFirstOrThrow();
    const rows = await db.selectFrom('audit_log').select(['action']).where('parent_id', '=', parent.id).execute();
    expect(rows).toHaveLength(2);
  });

  it('applies a correction to none when the grades changed since the preview, and refuses the 9 + D rule', async () => {
    await setup();
    const preview = await t.query('registry.corrections.preview', pattern, registryUser);
    const ids = preview.data.grades.map((g: any) => g.gradeId);
    await (t.db.kysely as any).updateTable('course_grades').set({ score: '59' }).where('id', '=', ids[1]).execute();
    const stale = await t.mutate('registry.corrections.commit', { ...pattern, gradeIds: ids }, registryUser);
    expect(stale.error?.licheng?.code).toBe('correction-stale');
    const scores = await (t.db.kysely as any).selectFrom('course_grades').select('score').where('id', 'in', ids).orderBy('score').execute();
    expect(scores.map((s: any) => s.score)).toEqual(['58', '59']);
    const nineD = await t.query('registry.corrections.preview', { ...pattern, courseCode: gradeCodes.nineD, field: 'credit_counted', from: '3', to: '1' }, registryUser);
    expect(nineD.error?.licheng?.code).toBe('grade-credit-9d');
  });

  it('refuses other roles: teachers and other offices see no grades, students no one else’s list', async () => {
    await setup();
    const studentAffairs = { userId: 'sa', name: '學務處', roles: ['student-affairs-staff'] } as TestUser;
    for (const user of [users.wang as TestUser, studentAffairs, chenUser]) {
      expect((await t.query('registry.grades.list', { academicYear: 114, semester: 1 }, user)).error?.code).toBe('FORBIDDEN');
      expect((await t.query('registry.appeals.list', { status: 'open' }, user)).error?.code).toBe('FORBIDDEN');
    }
    expect((await t.query('registry.grades.mine', undefined, users.wang as TestUser)).error?.code).toBe('FORBIDDEN');
    expect((await t.query('registry.grades.mine', undefined, registryUser)).error?.code).toBe('FORBIDDEN');
    const list = await t.query('registry.grades.list', { academicYear: 114, semester: 1, className: '101', courseCode: gradeCodes.chinese, take: 'term' }, registryUser);
    expect(list.data.rows.map((g: any) => [g.studentNo, g.score])).toEqual([['S001', '82'], ['S002', '58'], ['S003', '58']]);
  });
});
