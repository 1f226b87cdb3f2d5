import { countsTowardPerformanceCap } from '@licheng/core';
import { afterEach, describe, expect, it } from 'vitest';
import { testDialects } from '@licheng/db/testing';
import { createTestLicheng, seedRoster, users, type TestLicheng, type TestUser } from '@licheng/server/testing';
import plugin from './index.ts';

const activities: TestUser = { userId: 'sa-act', name: '訓育組長', roles: ['activities-staff'] };
const library: TestUser = { userId: 'lib', name: '圖書館主任', roles: ['library-staff'] };
const speech = { name: '114學年度全校國語文競賽', event: '演說', level: '1', award: '第一名', resultDate: '2025-10-20', participation: '1', organiser: '教務處' };
const HEADER = '學號,學年度,學期,內容簡述,競賽名稱,項目,競賽等級,獎項,結果公布日期,團體參與,主辦單位';

const upload = (text: string) => {
  const form = new FormData();
  form.set('kind', 'competition-in');
  form.set('file', new File([new TextEncoder().encode(text)], '競賽成績.csv'));
  return form;
};

/** 校內競賽 through competitions.records.*: any office registers results; students see theirs, outside the cap. */
describe.each(testDialects())('competitions on %s', (dialect) => {
  let t: TestLicheng;
  afterEach(async () => t?.close());

  async function start() {
    t = await createTestLicheng({ dialect, plugins: [plugin] });
    await seedRoster(t);
  }
  const enter = (user: TestUser, data: Record<string, unknown>, studentNo = 'S001') =>
    t.mutate('competitions.records.enter', { kind: 'competition-in', studentNo, academicYear: 114, semester: 1, summary: '國語文競賽演說', data }, user);

  it('lets any office register a result, passed on entry and outside the student’s 10; the student sees only their own', async () => {
    await start();
    const entered = await enter(activities, speech);
    expect(entered.error).toBeNull();
    expect(entered.data).toMatchObject({ status: 'passed', version: 1 });
    expect((await enter(library, { ...speech, event: '朗讀', award: '佳作' }, 'S002')).data).toMatchObject({ status: 'passed' });
    const row = await t.db.kysely.selectFrom('records').selectAll().where('id', '=', entered.data.id).executeTakeFirstOrThrow();
    expect(countsTowardPerformanceCap({ kind: row.kind, status: row.status as never, enteredRole: row.entered_role as never })).toBe(false);

    const mine = await t.query('competitions.records.list', {}, users.chen);
    expect(mine.data.rows).toEqual([expect.objectContaining({ kind: 'competition-in', data: speech, status: 'passed', correctable: 'no', withdrawable: false })]);
    const lins = await t.query('competitions.records.list', {}, users.lin);
    expect(lins.data.rows.map((r: { data: { event: string } }) => r.data.event)).toEqual(['朗讀']);
    // Every office sees the school's results.
    expect((await t.query('competitions.records.list', { kind: 'competition-in' }, library)).data.total).toBe(2);
  });

  it('refuses bad input, students and teachers entering, and anyone but an office changing a result', async () => {
    await start();
    expect((await enter(activities, { ...speech, level: '5' })).error?.licheng?.code).toBe('field-code-invalid');
    expect((await enter(activities, { ...speech, resultDate: '2025-02-30' })).status).toBe(400);
    expect((await enter(activities, { ...speech, name: '' })).status).toBe(400);
    expect((await enter(activities, speech, 'S999')).error?.licheng?.code).toBe('not-found');
    expect((await t.mutate('competitions.records.enter', { kind: 'cadre', studentNo: 'S001', academicYear: 114, semester: 1, summary: '', data: {} }, activities)).error?.licheng?.code).toBe('record-kind-not-here');
    expect((await enter(users.chen, speech)).error?.licheng?.code).toBe('forbidden');
    expect((await enter({ userId: 't-wang', name: '王老師', roles: ['homeroom-teacher'] }, speech)).error?.licheng?.code).toBe('forbidden');

    const id = (await enter(activities, speech)).data.id as string;
    const byStudent = await t.mutate('competitions.records.withdraw', { id, version: 1, reason: '不是我' }, users.chen);
    expect(byStudent.error?.licheng?.code).toBe('forbidden');
    const corrected = await t.mutate('competitions.records.correct', { id, version: 1, summary: '國語文競賽演說', data: { ...speech, award: '第二名' }, reason: '名次登錄錯誤' }, library);
    expect(corrected.data).toMatchObject({ status: 'passed', version: 2 });
    expect((await t.mutate('competitions.records.withdraw', { id, version: 2, reason: '成績取消' }, activities)).data).toMatchObject({ status: 'withdrawn' });
    const actions = await t.db.kysely.selectFrom('audit_log').select('action').where('entity_id', '=', id).execute();
    expect(actions.map((a) => a.action)).toEqual(expect.arrayContaining(['competition-in.correct', 'competition-in.withdraw']));
  });

  it('has nothing to certify: decide and reopen read as not found for a student and another school role alike', async () => {
    await start();
    const id = (await enter(activities, speech)).data.id as string;
    expect((await t.mutate('competitions.records.decide', { id, version: 1, decision: 'pass' }, users.chen)).error?.licheng?.code).toBe('not-found');
    expect((await t.mutate('competitions.records.reopen', { id, reason: '重審' }, users.lin)).error?.licheng?.code).toBe('not-found');
    expect((await t.mutate('competitions.records.decide', { id, version: 1, decision: 'pass' }, library)).error?.licheng?.code).toBe('already-decided');
    const byStudent = await t.upload('competitions.records.importPreview', upload(`${HEADER}\r\nS001,114,1,,x,,1,,114/10/20,1,`), users.chen);
    expect(byStudent.data?.issues?.length ?? 1).toBeGreaterThan(0);
  });

  it('imports a results list all or nothing with a row-level report, and exports it', async () => {
    await start();
    const bad = await t.upload('competitions.records.importCommit', upload(`${HEADER}\r\nS001,114,1,,全校國語文競賽,演說,校級,第一名,114/10/20,個人,教務處\r\nS002,114,1,,全校國語文競賽,演說,8,第二名,114/10/20,個人,教務處`), activities);
    expect(bad.data).toMatchObject({ committed: false, imported: 0, issues: [{ row: 3, code: 'import-code-invalid' }] });
    expect(await t.db.kysely.selectFrom('records').select('id').execute()).toEqual([]);
    const good = await t.upload('competitions.records.importCommit', upload(`${HEADER}\r\nS001,114,1,,全校國語文競賽,演說,校級,第一名,114/10/20,個人,教務處\r\nS002,114,1,,全校國語文競賽,演說,1,第二名,1141020,個人,教務處`), activities);
    expect(good.data).toMatchObject({ committed: true, imported: 2 });
    const preview = await t.upload('competitions.records.importPreview', upload(`${HEADER}\r\nS001,114,1,,全校國語文競賽,演說,校級,第一名,114/10/20,個人,教務處`), library);
    expect(preview.data).toMatchObject({ committed: false, imported: 0, issues: [] });
    const byStudent = await t.upload('competitions.records.importCommit', upload(`${HEADER}\r\nS001,114,1,,x,,1,,114/10/20,1,`), users.chen);
    expect(byStudent.data?.committed ?? false).toBe(false);
    const exported = await t.app.request('/api/competitions/records/export.xlsx?kind=competition-in', { headers: { authorization: `Bearer ${await t.token(activities)}` } });
    expect(exported.status).toBe(200);
    const template = await t.app.request('/api/competitions/records/template.xlsx?kind=competition-in', { headers: { authorization: `Bearer ${await t.token(library)}` } });
    expect(template.status).toBe(200);
  });
});
