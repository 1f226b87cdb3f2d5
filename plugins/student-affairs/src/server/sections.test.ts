import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { testDialects } from '@licheng/db/testing';
import { users, type TestLicheng, type TestUser } from '@licheng/server/testing';
import { activities, clubs, discipline, listForm, office, pe, samples, studentAffairsSchool } from './test-support.ts';

type Kind = keyof typeof samples;
type Row = { id: string; kind: string; status: string; student: { studentNo: string } };

/** Each section's kinds: what it enters, imports and exports (core's declarations, seed 000's table). */
const SECTIONS: Array<[string, TestUser, Kind[]]> = [
  ['訓育組', activities, ['cadre', 'service-hours-in', 'service-hours-out', 'extracurricular']],
  ['生輔組', discipline, ['attendance', 'reward-punishment']],
  ['社團活動組', clubs, ['club']],
  ['體育組', pe, ['fitness']],
];

describe.each(testDialects())('學務處 sections on %s', (dialect) => {
  let t: TestLicheng;
  afterEach(async () => t?.close());

  const enter = (user: TestUser, kind: Kind, studentNo = 'S001') =>
    t.mutate('student-affairs.records.enter', { kind, studentNo, academicYear: 114, semester: 1, summary: '', data: samples[kind] }, user);
  const list = async (user: TestUser, input: Record<string, unknown> = {}) => (await t.query('student-affairs.records.list', input, user)).data as { rows: Row[]; total: number };
  const count = async () => Number((await t.db.kysely.selectFrom('records').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  it('each section enters its own kinds and is refused another section’s; each sees only the kinds it keeps or certifies, the office all', async () => {
    t = await studentAffairsSchool(dialect);
    for (const [, user, kinds] of SECTIONS) {
      for (const kind of kinds) expect((await enter(user, kind)).error, `${user.userId} ${kind}`).toBeNull();
    }
    expect(await count()).toBe(8);
    // Another section's kind: refused, nothing written.
    for (const [user, kind] of [[activities, 'attendance'], [discipline, 'cadre'], [clubs, 'fitness'], [pe, 'club'], [pe, 'reward-punishment']] as const) {
      expect((await enter(user, kind)).error?.licheng?.code, `${user.userId} ${kind}`).toBe('forbidden');
    }
    expect((await enter(users.chen, 'attendance')).error?.licheng?.code).toBe('forbidden');
    expect(await count()).toBe(8);

    const kindsSeen = async (user: TestUser) => [...new Set((await list(user)).rows.map((r) => r.kind))].sort();
    // 校內服務時數 is entered and certified by every office (seed 000: 各處室); 社團資料 is certified by 訓育組.
    expect(await kindsSeen(activities)).toEqual(['cadre', 'club', 'extracurricular', 'service-hours-in', 'service-hours-out']);
    expect(await kindsSeen(discipline)).toEqual(['attendance', 'reward-punishment', 'service-hours-in']);
    expect(await kindsSeen(clubs)).toEqual(['club', 'service-hours-in']);
    expect(await kindsSeen(pe)).toEqual(['fitness', 'service-hours-in']);
    expect((await list(office)).total).toBe(8);
    expect((await list(users.chen)).total).toBe(8);
    expect((await list(users.lin)).total).toBe(0);

    // Correcting another section's record reads as not found.
    const cadre = (await list(activities, { kind: 'cadre' })).rows[0]!;
    const byDiscipline = await t.mutate('student-affairs.records.correct', { id: cadre.id, version: 1, summary: '', data: samples.cadre, reason: '改' }, discipline);
    expect(byDiscipline.error?.licheng?.code).toBe('not-found');
    const withdrawn = await t.mutate('student-affairs.records.withdraw', { id: cadre.id, version: 1, reason: '撤' }, pe);
    expect(withdrawn.error?.licheng?.code).toBe('not-found');
    const kinds = (await t.query('student-affairs.records.kinds', undefined, pe)).data as Array<{ id: string; mayEnter: boolean; mayCertify: boolean; subOffice: string; fields: unknown[] }>;
    expect(kinds.find((k) => k.id === 'fitness')).toMatchObject({ mayEnter: true, mayCertify: true, subOffice: 'pe', fields: expect.arrayContaining([expect.objectContaining({ key: 'sitAndReach' })]) });
    expect(kinds.find((k) => k.id === 'attendance')).toMatchObject({ mayEnter: false, mayCertify: false, subOffice: 'discipline' });
  });

  it('each section imports its lists all or nothing with a row-level report, and is refused another section’s list', async () => {
    t = await studentAffairsSchool(dialect);
    const head = '學號,學年度,學期,內容簡述';
    const lists: Array<[TestUser, Kind, string, string[]]> = [
      [activities, 'cadre', `${head},單位名稱,開始日期,結束日期,擔任職務,幹部等級`, ['S001,114,1,,學生會,114/09/01,,會長,1 校級', 'S002,114,1,,101班,114/09/01,,班長,班級']],
      [discipline, 'attendance', `${head},曠課節數,事假節數,病假節數,公假節數,喪假節數,其他假別節數`, ['S001,114,1,,0,2,1,,,', 'S002,114,1,,3,,,,,']],
      [discipline, 'reward-punishment', `${head},日期,獎懲類別,次數,事由`, ['S001,114,1,,114/09/15,嘉獎,2,熱心公務', 'S003,114,1,,114/09/20,警告,1,遲到']],
      [clubs, 'club', `${head},社團名稱,擔任職務,參與時數`, ['S001,114,1,,熱音社,社長,36', 'S002,114,1,,熱音社,,36']],
      [pe, 'fitness', `${head},檢測日期,身高,體重,坐姿體前彎,立定跳遠,1分鐘屈膝仰臥起坐,心肺耐力跑走`, ['S001,114,1,,114/09/15,170,60,30,200,40,600', 'S002,114,1,,114/09/15,160.5,50,,180,35,']],
    ];
    for (const [user, kind, header, rows] of lists) {
      // A bad row among good ones: the report names it, nothing is written.
      const bad = await t.upload('student-affairs.records.importCommit', listForm(kind, [header, ...rows, 'S404,114,3,,x,x,x,x,x,x,x']), user);
      expect(bad.data, kind).toMatchObject({ committed: false, imported: 0 });
      expect(bad.data.issues.length, kind).toBeGreaterThan(0);
      expect(bad.data.issues.every((i: { row: number }) => i.row === 4), kind).toBe(true);
      expect(await count()).toBe(0);
      const preview = await t.upload('student-affairs.records.importPreview', listForm(kind, [header, ...rows]), user);
      expect(preview.data, kind).toMatchObject({ committed: false, issues: [], rows: 2 });
      expect(await count()).toBe(0);
    }
    let written = 0;
    for (const [user, kind, header, rows] of lists) {
      const good = await t.upload('student-affairs.records.importCommit', listForm(kind, [header, ...rows]), user);
      expect(good.data, kind).toMatchObject({ committed: true, imported: 2, issues: [] });
      written += 2;
      expect(await count()).toBe(written);
    }
    // 社團活動組 enters clubs, 訓育組 certifies them (seed 000): imported clubs wait for 訓育組.
    expect((await list(activities, { kind: 'club', status: 'pending' })).total).toBe(2);
    expect((await list(discipline, { kind: 'attendance', status: 'passed' })).total).toBe(2);

    const [, , header, rows] = lists[1]!;
    for (const user of [activities, clubs, pe, users.chen]) {
      const refused = await t.upload('student-affairs.records.importCommit', listForm('attendance', [header, ...rows]), user);
      expect(refused.error?.licheng?.code, user.userId).toBe('forbidden');
    }
    expect(await count()).toBe(written);
  });

  it('certifies what students enter where the school says so: fitness by 體育組, out-of-school service hours by 訓育組', async () => {
    t = await studentAffairsSchool(dialect);
    const fitness = await enter(users.chen, 'fitness');
    const service = await enter(users.chen, 'service-hours-out');
    const trip = await enter(users.chen, 'extracurricular');
    for (const r of [fitness, service, trip]) expect(r.data).toMatchObject({ status: 'pending' });
    expect((await enter(users.chen, 'cadre')).error?.licheng?.code).toBe('forbidden');

    // Each section's 待認證 list holds only the kinds it certifies.
    const pendingOf = async (user: TestUser) => (await list(user, { status: 'pending' })).rows.map((r) => r.kind).sort();
    expect(await pendingOf(pe)).toEqual(['fitness']);
    expect(await pendingOf(activities)).toEqual(['extracurricular', 'service-hours-out']);
    expect(await pendingOf(discipline)).toEqual([]);

    const decide = (user: TestUser, id: string, decision: 'pass' | 'fail', reason?: string) =>
      t.mutate('student-affairs.records.decide', { id, version: 1, decision, ...(reason ? { reason } : {}) }, user);
    expect((await decide(activities, fitness.data.id, 'pass')).error?.licheng?.code).toBe('not-found');
    expect((await decide(discipline, service.data.id, 'pass')).error?.licheng?.code).toBe('not-found');
    expect((await decide(users.chen, fitness.data.id, 'pass')).error?.licheng?.code).toBe('not-found');
    expect((await decide(pe, fitness.data.id, 'pass')).data).toMatchObject({ status: 'passed', version: 2 });
    expect((await decide(activities, service.data.id, 'fail')).error?.licheng?.code).toBe('reason-required');
    expect((await decide(activities, service.data.id, 'fail', '請附服務證明')).data).toMatchObject({ status: 'failed' });
    expect((await decide(office, trip.data.id, 'pass')).data).toMatchObject({ status: 'passed' });

    const mine = (await list(users.chen)).rows;
    expect(Object.fromEntries(mine.map((r) => [r.kind, r.status]))).toEqual({ fitness: 'passed', 'service-hours-out': 'failed', extracurricular: 'passed' });
    expect((await t.mutate('student-affairs.records.reopen', { id: fitness.data.id, reason: '身高誤植' }, pe)).data).toMatchObject({ status: 'pending' });
    expect((await t.mutate('student-affairs.records.reopen', { id: service.data.id, reason: '重審' }, pe)).error?.licheng?.code).toBe('not-found');
  });

  it('exports a section’s kind with only what it sees; the template lists the kind’s columns', async () => {
    t = await studentAffairsSchool(dialect);
    await enter(discipline, 'attendance', 'S001');
    await enter(discipline, 'attendance', 'S002');
    const get = async (path: string, user: TestUser) => t.app.request(path, { headers: { authorization: `Bearer ${await t.token(user)}` } });
    const rowsOf = async (res: Response) => {
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(await res.arrayBuffer());
      return book.worksheets[0]!.actualRowCount;
    };
    const mine = await get('/api/student-affairs/records/export.xlsx?kind=attendance', discipline);
    expect(mine.status).toBe(200);
    const theirs = await get('/api/student-affairs/records/export.xlsx?kind=attendance', activities);
    expect(theirs.status).toBe(200);
    expect((await rowsOf(mine)) - (await rowsOf(theirs))).toBe(2);
    expect((await get('/api/student-affairs/records/export.xlsx?kind=reading', discipline)).status).toBe(404);
    const template = await get('/api/student-affairs/records/template.xlsx?kind=fitness', pe);
    expect(template.status).toBe(200);
  });
});
