import { afterEach, describe, expect, it } from 'vitest';
import { testDialects } from '@licheng/db/testing';
import type { TestLicheng } from '@licheng/server/testing';
import { chen, practicumSchool, registry, staff } from './test-support.ts';

const job = { organisation: '雲林農會', title: '工讀生', startDate: '2025-07-01', endDate: '2025-08-31', hours: 120 };
const lin = { userId: 's-lin', name: '林小華', roles: ['student' as const] };

const upload = (kind: string, text: string) => {
  const form = new FormData();
  form.set('kind', kind);
  form.set('file', new File([new TextEncoder().encode(text)], 'list.csv'));
  return form;
};

/** 工作經歷 through the generic record procedures the practicum office mounts (practicum.records.*). */
describe.each(testDialects())('practicum work experience on %s', (dialect) => {
  let t: TestLicheng;
  afterEach(async () => t?.close());

  it('enters, lists, corrects and withdraws; a student sees their own and anyone else’s reads as not found', async () => {
    t = await practicumSchool(dialect);
    const entered = await t.mutate('practicum.records.enter', { kind: 'work-experience', studentNo: 'S001', academicYear: 114, semester: 1, summary: '暑期工讀', data: job }, staff);
    expect(entered.data).toMatchObject({ status: 'passed', version: 1 });
    const id = entered.data.id as string;
    expect((await t.query('practicum.records.list', { kind: 'work-experience' }, chen)).data.total).toBe(1);
    expect((await t.query('practicum.records.list', {}, lin)).data.total).toBe(0);
    expect((await t.query('practicum.records.list', {}, registry)).data.total).toBe(0);
    const byLin = await t.mutate('practicum.records.correct', { id, version: 1, summary: 'x', data: job, reason: '改' }, lin);
    expect(byLin.error?.licheng?.code).toBe('not-found');
    const byRegistry = await t.mutate('practicum.records.withdraw', { id, version: 1, reason: '撤' }, registry);
    expect(byRegistry.error?.licheng?.code).toBe('not-found');
    const byChen = await t.mutate('practicum.records.withdraw', { id, version: 1, reason: '不是我' }, chen);
    expect(byChen.error?.licheng?.code).toBe('forbidden');
    const corrected = await t.mutate('practicum.records.correct', { id, version: 1, summary: '暑期工讀', data: { ...job, hours: 100 }, reason: '時數更正' }, staff);
    expect(corrected.data).toMatchObject({ version: 2 });
    expect((await t.mutate('practicum.records.withdraw', { id, version: 2, reason: '重複' }, staff)).data).toMatchObject({ status: 'withdrawn' });
  });

  it('imports a list all or nothing, and exports only what the caller sees', async () => {
    t = await practicumSchool(dialect);
    const header = '學號,學年度,學期,內容簡述,工作單位,職稱,開始日期,結束日期,時數';
    const bad = await t.upload('practicum.records.importCommit', upload('work-experience', `${header}\r\nS001,114,1,,農會,工讀,114/07/01,,10\r\nS009,114,1,,農會,工讀,114/07/01,,10`), staff);
    expect(bad.data).toMatchObject({ committed: false, imported: 0, issues: [{ row: 3, code: 'import-student-unknown' }] });
    const preview = await t.upload('practicum.records.importPreview', upload('work-experience', `${header}\r\nS001,114,1,,農會,工讀,114/07/01,,10`), staff);
    expect(preview.data).toMatchObject({ committed: false, issues: [] });
    const good = await t.upload('practicum.records.importCommit', upload('work-experience', `${header}\r\nS001,114,1,,農會,工讀,114/07/01,,10`), staff);
    expect(good.data).toMatchObject({ committed: true, imported: 1 });
    const mine = await t.app.request('/api/practicum/records/export.xlsx?kind=work-experience', { headers: { authorization: `Bearer ${await t.token(staff)}` } });
    expect(mine.status).toBe(200);
    const other = await t.app.request('/api/practicum/records/export.xlsx?kind=cadre', { headers: { authorization: `Bearer ${await t.token(staff)}` } });
    expect(other.status).toBe(404); // not-found: a kind this office does not mount here
    expect((await t.query('practicum.records.kinds', undefined, staff)).data).toEqual([
      expect.objectContaining({ id: 'skill-certificate', mayEnter: true, mayCertify: true }),
      expect.objectContaining({ id: 'internship', mayEnter: true, mayCertify: true }),
      expect.objectContaining({ id: 'work-experience', mayEnter: true, mayCertify: true }),
    ]);
  });

  it('certifies through practicum.records.decide / reopen only as the office: anyone else reads as not found', async () => {
    t = await practicumSchool(dialect);
    const id = (await t.mutate('practicum.records.enter', { kind: 'work-experience', studentNo: 'S001', academicYear: 114, semester: 1, summary: '', data: job }, staff)).data.id as string;
    expect((await t.mutate('practicum.records.decide', { id, version: 1, decision: 'pass' }, registry)).error?.licheng?.code).toBe('not-found');
    expect((await t.mutate('practicum.records.reopen', { id, reason: '重審' }, chen)).error?.licheng?.code).toBe('not-found');
    expect((await t.mutate('practicum.records.decide', { id, version: 1, decision: 'pass' }, staff)).error?.licheng?.code).toBe('already-decided');
  });

  it('certifies through practicum.records.decide / reopen only as the office: anyone else reads as not found', async () => {
    t = await practicumSchool(dialect);
    const id = (await t.mutate('practicum.records.enter', { kind: 'work-experience', studentNo: 'S001', academicYear: 114, semester: 1, summary: '', data: job }, staff)).data.id as string;
    expect((await t.mutate('practicum.records.decide', { id, version: 1, decision: 'pass' }, registry)).error?.licheng?.code).toBe('not-found');
    expect((await t.mutate('practicum.records.reopen', { id, reason: '重審' }, chen)).error?.licheng?.code).toBe('not-found');
    expect((await t.mutate('practicum.records.decide', { id, version: 1, decision: 'pass' }, staff)).error?.licheng?.code).toBe('already-decided');
  });

  it('certifies through practicum.records.decide / reopen only as the office: anyone else reads as not found', async () => {
    t = await practicumSchool(dialect);
    const id = (await t.mutate('practicum.records.enter', { kind: 'work-experience', studentNo: 'S001', academicYear: 114, semester: 1, summary: '', data: job }, staff)).data.id as string;
    expect((await t.mutate('practicum.records.decide', { id, version: 1, decision: 'pass' }, registry)).error?.licheng?.code).toBe('not-found');
    expect((await t.mutate('practicum.records.reopen', { id, reason: '重審' }, chen)).error?.licheng?.code).toBe('not-found');
    expect((await t.mutate('practicum.records.decide', { id, version: 1, decision: 'pass' }, staff)).error?.licheng?.code).toBe('already-decided');
  });
});
