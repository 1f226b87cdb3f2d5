import { afterEach, describe, expect, it } from 'vitest';
import { testDialects } from '@licheng/db/testing';
import type { TestLicheng, TestUser } from '@licheng/server/testing';
import { chen, counselingSchool, counselor, csvUpload, li, lin, session, wang, wangHomeroom } from './test-support.ts';

const enter = (t: TestLicheng, user: TestUser, kind: string, studentNo: string, data: Record<string, unknown>, summary = '') =>
  t.mutate('counseling.records.enter', { kind, studentNo, academicYear: 114, semester: 1, summary, data }, user);
const list = async (t: TestLicheng, user: TestUser, input: Record<string, unknown> = {}) => (await t.query('counseling.records.list', input, user)).data;
const exportOf = async (t: TestLicheng, user: TestUser, kind: string) =>
  t.app.request(`/api/counseling/records/export.xlsx?kind=${kind}`, { headers: { authorization: `Bearer ${await t.token(user)}` } });

/** 課程諮詢紀錄, 輔導資料 and 學群(類群)探索 through counseling.records.* — each seen only by whom it is for. */
describe.each(testDialects())('counseling records on %s', (dialect) => {
  let t: TestLicheng;
  afterEach(async () => t?.close());

  async function withAdvisees() {
    t = await counselingSchool(dialect);
    await t.mutate('counseling.advisees.assign', { teacherNo: 'T001', studentNos: ['S001', 'S002'] }, counselor);
    await t.mutate('counseling.advisees.assign', { teacherNo: 'T002', studentNos: ['S003'] }, counselor);
  }

  it('a consultant records consultations of their own advisees only, and only they see them', async () => {
    await withAdvisees();
    const mine = await enter(t, wang, 'consultation', 'S001', session, '討論選課');
    expect(mine.data).toMatchObject({ status: 'passed' });
    expect((await enter(t, wang, 'consultation', 'S003', session)).error?.licheng?.code).toBe('forbidden');
    expect((await enter(t, counselor, 'consultation', 'S001', session)).error?.licheng?.code).toBe('forbidden');
    expect((await list(t, wang, { kind: 'consultation' })).rows).toEqual([expect.objectContaining({ id: mine.data.id, summary: '討論選課' })]);
    expect((await list(t, li)).total).toBe(0);
    expect((await list(t, wangHomeroom)).total).toBe(0);
    expect((await list(t, counselor, { kind: 'consultation' })).total).toBe(0);
    expect((await t.mutate('counseling.records.correct', { id: mine.data.id, version: 1, summary: 'x', data: session }, li)).error?.licheng?.code).toBe('not-found');
    expect((await t.mutate('counseling.records.withdraw', { id: mine.data.id, version: 1, reason: 'x' }, wangHomeroom)).error?.licheng?.code).toBe('not-found');
    const corrected = await t.mutate('counseling.records.correct', { id: mine.data.id, version: 1, summary: '討論選課與升學', data: { ...session, place: '輔導室' } }, wang);
    expect(corrected.data).toMatchObject({ version: 2 });
  });

  it('a group session records every advisee at once, or none when one is not the consultant’s', async () => {
    await withAdvisees();
    const group = { studentNos: ['S001', 'S002'], academicYear: 114, semester: 1, summary: '高一選課說明', data: { ...session, form: '1' } };
    const refused = await t.mutate('counseling.consultations.enterGroup', { ...group, studentNos: ['S001', 'S003'] }, wang);
    expect(refused.error?.licheng).toMatchObject({ code: 'import-student-out-of-scope', params: { value: 'S003' } });
    expect((await t.mutate('counseling.consultations.enterGroup', { ...group, studentNos: ['S404'] }, wang)).error?.licheng?.code).toBe('student-unknown');
    expect((await t.mutate('counseling.consultations.enterGroup', { ...group, data: { ...session, date: '2025-02-30' } }, wang)).error?.licheng?.code).toBe('field-date-invalid');
    expect((await t.mutate('counseling.consultations.enterGroup', group, counselor)).error?.licheng?.code).toBe('forbidden');
    expect((await list(t, wang)).total).toBe(0);
    const done = await t.mutate('counseling.consultations.enterGroup', group, wang);
    expect(done.data.ids).toHaveLength(2);
    const rows = (await list(t, wang, { kind: 'consultation' })).rows;
    expect(rows.map((r: { student: { studentNo: string }; data: { form: string } }) => [r.student.studentNo, r.data.form])).toEqual([['S001', '2'], ['S002', '2']]);
    expect((await list(t, li)).total).toBe(0);
  });

  it('a consultation never leaves the school: no export, while the other kinds export', async () => {
    await withAdvisees();
    await enter(t, wang, 'consultation', 'S001', session, '討論選課');
    const refused = await exportOf(t, wang, 'consultation');
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({ error: { code: 'record-school-only' } });
    expect((await exportOf(t, counselor, 'consultation')).status).toBe(403);
    await enter(t, counselor, 'career-assessment', 'S001', { date: '2025-09-15', instrument: '大學興趣量表', fields: '資訊學群', plan: null });
    const career = await exportOf(t, counselor, 'career-assessment');
    expect(career.status).toBe(200);
    expect((await career.arrayBuffer()).byteLength).toBeGreaterThan(0);
    // The template of the kind (blank, for importing) is no record and stays available.
    expect((await t.app.request('/api/counseling/records/template.xlsx?kind=consultation', { headers: { authorization: `Bearer ${await t.token(wang)}` } })).status).toBe(200);
  });

  it('counseling data: only counseling sees it — not the homeroom teacher, the consultant or another student', async () => {
    await withAdvisees();
    const own = await enter(t, chen, 'counseling', 'S001', { date: '2025-09-30', topic: '生涯困惑', content: '不知道選什麼組' });
    expect(own.data).toMatchObject({ status: 'pending' });
    await enter(t, counselor, 'career-assessment', 'S001', { date: '2025-09-15', instrument: '大學興趣量表', fields: '資訊學群', plan: null });
    expect((await list(t, counselor, { kind: 'counseling' })).total).toBe(1);
    expect((await list(t, chen, { kind: 'counseling' })).total).toBe(1);
    expect((await list(t, lin)).total).toBe(0);
    expect((await list(t, wangHomeroom)).rows.map((r: { kind: string }) => r.kind)).toEqual(['career-assessment']);
    expect((await list(t, wang)).rows.map((r: { kind: string }) => r.kind)).toEqual(['career-assessment']);
    expect((await t.mutate('counseling.records.withdraw', { id: own.data.id, version: 1, reason: 'x' }, wangHomeroom)).error?.licheng?.code).toBe('not-found');
    expect((await t.mutate('counseling.records.decide', { id: own.data.id, version: 1, decision: 'pass' }, wangHomeroom)).error?.licheng?.code).toBe('not-found');
    expect((await t.mutate('counseling.records.decide', { id: own.data.id, version: 1, decision: 'pass' }, counselor)).data).toMatchObject({ status: 'passed' });
    expect((await t.mutate('counseling.records.reopen', { id: own.data.id, reason: '再確認' }, wangHomeroom)).error?.licheng?.code).toBe('not-found');
    expect((await t.mutate('counseling.records.reopen', { id: own.data.id, reason: '再確認' }, counselor)).data).toMatchObject({ status: 'pending' });
    const seen = await exportOf(t, wangHomeroom, 'counseling');
    expect(seen.status).toBe(200);
    const counselorExport = await exportOf(t, counselor, 'counseling');
    expect((await counselorExport.arrayBuffer()).byteLength).toBeGreaterThan((await seen.arrayBuffer()).byteLength);
  });

  it('where the school has counseling enter its data, the student does not see it', async () => {
    t = await counselingSchool(dialect, { recordKinds: { counseling: { enterers: ['counseling-staff'], certifiers: [] } } });
    expect((await enter(t, chen, 'counseling', 'S001', { date: '2025-09-30', topic: '生涯', content: null })).error?.licheng?.code).toBe('forbidden');
    expect((await enter(t, counselor, 'counseling', 'S001', { date: '2025-09-30', topic: '個別晤談', content: '家庭因素' })).data).toMatchObject({ status: 'passed' });
    expect((await list(t, counselor, { kind: 'counseling' })).total).toBe(1);
    expect((await list(t, chen)).total).toBe(0);
    expect((await list(t, wangHomeroom)).total).toBe(0);
  });

  it('counseling imports 學群探索 all or nothing with a row-level report', async () => {
    t = await counselingSchool(dialect);
    const header = '學號,學年度,學期,內容簡述,評估日期,評估工具或活動,探索學群(類群),就業或升學規劃';
    const form = (text: string) => csvUpload(text, { kind: 'career-assessment' });
    const bad = await t.upload('counseling.records.importCommit', form(`${header}\r\nS001,114,1,,114/09/15,興趣量表,資訊學群,\r\nS404,114,1,,114/09/15,興趣量表,資訊學群,\r\nS002,114,1,,,興趣量表,,`), counselor);
    expect(bad.data).toMatchObject({ committed: false, imported: 0 });
    expect(bad.data.issues.map((i: { row: number }) => i.row)).toEqual([3, 4, 4]);
    const preview = await t.upload('counseling.records.importPreview', form(`${header}\r\nS001,114,1,,114/09/15,興趣量表,資訊學群,`), counselor);
    expect(preview.data).toMatchObject({ committed: false, imported: 0, issues: [], preview: [expect.objectContaining({ studentNo: 'S001', studentName: '陳小明' })] });
    expect((await t.query('counseling.records.kinds', undefined, counselor)).data.map((k: { id: string; mayEnter: boolean }) => [k.id, k.mayEnter])).toEqual([['career-assessment', true], ['consultation', false], ['counseling', false]]);
    const good = await t.upload('counseling.records.importCommit', form(`${header}\r\nS001,114,1,,114/09/15,興趣量表,資訊學群,\r\nS002,114,1,,114/09/15,興趣量表,醫藥衛生學群,`), counselor);
    expect(good.data).toMatchObject({ committed: true, imported: 2 });
    expect((await t.upload('counseling.records.importCommit', form(`${header}\r\nS001,114,1,,114/09/15,興趣量表,資訊學群,`), wangHomeroom)).error?.licheng?.code).toBe('forbidden');
  });
});
