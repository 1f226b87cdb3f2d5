import { afterEach, describe, expect, it } from 'vitest';
import { testDialects } from '@licheng/db/testing';
import { createTestLicheng, fakeFile, openSchedule, seedRoster, users, type TestLicheng } from '@licheng/server/testing';
import { availablePlugins } from './plugins.ts';
import { at, configPath, form, readConfigFile, taipei } from './testing/seed-schools.ts';

/** Each seed school's own rules, enforced by the real procedures over HTTP. */
describe.each(testDialects())('seed school rules on %s', (dialect) => {
  let t: TestLicheng;
  afterEach(async () => t?.close());

  /** A seed school as shipped (plus `schedule` when given), on `now`, with the test roster (grade 1, 114-1 courses). */
  async function school(name: string, options: { now?: Date; schedule?: unknown[] } = {}) {
    const config = readConfigFile(configPath(name));
    if (options.schedule) config.schedule = [...(config.schedule as unknown[]), ...options.schedule];
    t = await createTestLicheng({ dialect, plugins: availablePlugins, config, now: options.now ?? taipei('2025-10-01') });
    return seedRoster(t);
  }

  const upload = (courseId: string, i: number) =>
    t.upload('student.outcomes.upload', form({ courseId, summary: `成果 ${i}`, document: fakeFile('pdf', 800 + i) }), at(t, users.chen));

  it('啟明 refuses the 4th outcome of a semester with upload-cap-reached; 羅東 accepts it', async () => {
    // 啟明 announces its own windows; the harness's open 114-1 windows stand in for them.
    let { courseIds } = await school('chiming', { schedule: openSchedule.filter((w) => w.activity === 'outcome-upload') });
    for (let i = 0; i < 3; i++) expect((await upload(courseIds['國語文']!, i)).error).toBeNull();
    const fourth = await upload(courseIds['物理']!, 3);
    expect(fourth.status).toBe(409);
    expect(fourth.error?.licheng).toEqual({ code: 'upload-cap-reached', params: { cap: 3 } });
    await t.close();

    ({ courseIds } = await school('luodong'));
    for (let i = 0; i < 4; i++) expect((await upload(courseIds['國語文']!, i)).error).toBeNull();
    expect((await t.query('student.outcomes.list', undefined, at(t, users.chen))).data).toHaveLength(4);
  });

  it('the three seed configs start three differently shaped products: practicum at 虎尾 and 啟明, none at 羅東', async () => {
    const practicumStaff = { userId: 'p-staff', name: '實習處主任', roles: ['practicum-staff' as const] };
    const shapes: Array<[string, number, string[]]> = [];
    for (const name of ['huwei', 'chiming', 'luodong']) {
      await school(name);
      const health = (await (await t.app.request('/health')).json()) as { plugins: string[] };
      const list = await t.query('practicum.certificates.list', undefined, at(t, practicumStaff));
      const me = await t.query('platform.me', undefined, at(t, practicumStaff));
      shapes.push([name, list.status, health.plugins.filter((p) => p === 'practicum').concat(me.data.offices.map((o: { id: string }) => `screen:${o.id}`))]);
      await t.close();
    }
    expect(shapes).toEqual([
      // 校內競賽 is open to every office, the practicum office too.
      ['huwei', 200, ['practicum', 'screen:practicum', 'screen:competitions']],
      ['chiming', 200, ['practicum', 'screen:practicum', 'screen:competitions']],
      ['luodong', 404, ['screen:competitions']],
    ]);
  });

  it('啟明 answers window-unscheduled until it fills in its windows', async () => {
    const { courseIds } = await school('chiming');
    expect((await upload(courseIds['國語文']!, 0)).error?.licheng?.code).toBe('window-unscheduled');
  });

  it('羅東 keeps semester 1 uploads open to the last day of winter break (Taipei time) and no longer', async () => {
    const { courseIds } = await school('luodong', { now: taipei('2026-02-22', '23:59') });
    expect((await upload(courseIds['國語文']!, 0)).error).toBeNull();
    t.clock.now = taipei('2026-02-23', '00:00');
    const late = await upload(courseIds['國語文']!, 1);
    expect(late.error?.licheng).toEqual({ code: 'window-closed', params: { activity: 'outcome-upload', end: '2026-02-22' } });
  });

  it('羅東 lets teachers certify until two weeks after the upload deadline', async () => {
    const { courseIds } = await school('luodong', { now: taipei('2026-02-20') });
    const first = (await upload(courseIds['國語文']!, 0)).data.id as string;
    const second = (await upload(courseIds['國語文']!, 1)).data.id as string;
    t.clock.now = taipei('2026-03-08', '18:00');
    const inTime = await t.mutate('teaching.certifications.decide', { recordId: first, decision: 'pass' }, at(t, users.wang));
    expect(inTime.error).toBeNull();
    expect(inTime.data.status).toBe('passed');
    t.clock.now = taipei('2026-03-09', '08:00');
    const late = await t.mutate('teaching.certifications.decide', { recordId: second, decision: 'pass' }, at(t, users.wang));
    expect(late.error?.licheng).toEqual({ code: 'window-closed', params: { activity: 'outcome-certification', end: '2026-03-08' } });
  });

  it('羅東 selects at most 6 outcomes a year (in a selection window the school adds when announced)', async () => {
    const selection = { activity: 'outcome-selection', academicYear: 114, semester: 0, start: '2026-03-01', end: '2026-07-31' };
    const { courseIds } = await school('luodong', { schedule: [selection] });
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) ids.push((await upload(courseIds[i % 2 ? '物理' : '國語文']!, i)).data.id);
    t.clock.now = taipei('2026-03-02');
    const teachers = [at(t, users.wang), at(t, users.li)];
    for (const [i, id] of ids.entries()) {
      const res = await t.mutate('teaching.certifications.decide', { recordId: id, decision: 'pass' }, teachers[i % 2]);
      expect(res.error).toBeNull();
    }
    const seven = await t.mutate('student.selections.save', { academicYear: 114, recordIds: ids }, at(t, users.chen));
    expect(seven.error?.licheng).toEqual({ code: 'selection-cap-reached', params: { cap: 6 } });
    const six = await t.mutate('student.selections.save', { academicYear: 114, recordIds: ids.slice(0, 6) }, at(t, users.chen));
    expect(six.error).toBeNull();
    expect(six.data.cap).toBe(6);
  });

  it('虎尾農工 takes 114 performances through the year and their selection until two weeks before the national deadline', async () => {
    await school('huwei', { now: taipei('2026-07-31', '20:00') });
    const performance = (i: number) =>
      t.upload('student.performances.upload', form({ kind: 'performance-work', summary: `作品 ${i}`, data: JSON.stringify({ name: `木工椅 ${i}`, date: '2026-05-01' }) }), at(t, users.chen));
    const ids: string[] = [];
    for (let i = 0; i < 11; i++) {
      const res = await performance(i);
      expect(res.error).toBeNull(); // no yearly upload cap
      ids.push(res.data.id);
    }
    const save = (recordIds: string[]) => t.mutate('student.performances.selection.save', { academicYear: 114, recordIds }, at(t, users.chen));
    expect((await save(ids)).error?.licheng).toEqual({ code: 'selection-cap-reached', params: { cap: 10 } });
    expect((await save(ids.slice(0, 10))).error).toBeNull();
    // From August a performance is the new year's (115), whose windows come with its notice.
    t.clock.now = taipei('2026-08-01', '08:00');
    expect((await performance(11)).error?.licheng?.code).toBe('window-unscheduled');
    // The 114 selection, and corrections of 114 performances, stay open to 2026-10-17.
    t.clock.now = taipei('2026-10-17', '20:00');
    expect((await save(ids.slice(1, 11))).error).toBeNull();
    const fix = await t.mutate('student.performances.correct', { id: ids[0], version: 1, summary: '作品 0（修正）', data: { name: '木工椅 0', date: '2026-05-01' } }, at(t, users.chen));
    expect(fix.error).toBeNull();
    t.clock.now = taipei('2026-10-18', '08:00');
    expect((await save(ids.slice(0, 9))).error?.licheng).toEqual({ code: 'window-closed', params: { activity: 'performance-selection', end: '2026-10-17' } });
    const late = await t.mutate('student.performances.correct', { id: ids[0], version: 2, summary: '作品 0', data: { name: '木工椅 0', date: '2026-05-01' } }, at(t, users.chen));
    expect(late.error?.licheng).toEqual({ code: 'window-closed', params: { activity: 'performance-upload', end: '2026-10-17' } });
  });

  it('虎尾農工 takes any number of uploads until two weeks before the national deadline, then certifies to the deadline', async () => {
    const { courseIds } = await school('huwei', { now: taipei('2026-10-17', '20:00') });
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await upload(courseIds['物理']!, i);
      expect(res.error).toBeNull();
      ids.push(res.data.id);
    }
    t.clock.now = taipei('2026-10-18', '08:00');
    expect((await upload(courseIds['物理']!, 5)).error?.licheng).toEqual({ code: 'window-closed', params: { activity: 'outcome-upload', end: '2026-10-17' } });
    t.clock.now = taipei('2026-10-31', '17:00');
    expect((await t.mutate('teaching.certifications.decide', { recordId: ids[0], decision: 'pass' }, at(t, users.li))).error).toBeNull();
    t.clock.now = taipei('2026-11-01', '08:00');
    expect((await t.mutate('teaching.certifications.decide', { recordId: ids[1], decision: 'pass' }, at(t, users.li))).error?.licheng?.code).toBe('window-closed');
  });
});
