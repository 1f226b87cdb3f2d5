import { afterEach, describe, expect, it } from 'vitest';
import { testDialects } from '@licheng/db/testing';
import { definePlugin } from '../../plugin.ts';
import { router } from '../../trpc.ts';
import { createTestLicheng, seedRoster, users, type TestLicheng, type TestUser } from '../../testing/index.ts';
import { recordKindProcedures } from './index.ts';

/** An office keeping some of 學務處's kinds, a counseling one and the student's performances, to exercise the generic procedures. */
const office = definePlugin({
  id: 'office',
  office: { 'zh-TW': '處室', en: 'Office' },
  roles: ['activities-staff'],
  router: router({ records: recordKindProcedures({ kinds: ['cadre', 'attendance', 'performance-service', 'performance-work', 'consultation', 'counseling'] }) }),
});

const activities: TestUser = { userId: 'sa-act', name: '訓育組長', roles: ['activities-staff'] };
const activities2: TestUser = { userId: 'sa-act2', name: '訓育組幹事', roles: ['activities-staff'] };
const discipline: TestUser = { userId: 'sa-dis', name: '生輔組長', roles: ['discipline-staff'] };
const wangHomeroom: TestUser = { userId: 't-wang', name: '王老師', roles: ['homeroom-teacher'] };
const liHomeroom: TestUser = { userId: 't-li', name: '李老師', roles: ['homeroom-teacher'] };
const wangConsultant: TestUser = { userId: 't-wang', name: '王老師', roles: ['course-consultant'] };
const liConsultant: TestUser = { userId: 't-li', name: '李老師', roles: ['course-consultant'] };

const cadre = { unit: '學生會', startDate: '2025-09-01', endDate: null, position: '會長', level: '1' };
const service = { name: '淨灘', unit: '海洋保育署', startDate: '2025-09-20', endDate: null, hours: 3 };

describe.each(testDialects())('record kind procedures on %s', (dialect) => {
  let t: TestLicheng;
  afterEach(async () => t?.close());

  async function start(config: Record<string, unknown> = {}) {
    t = await createTestLicheng({ dialect, plugins: [office], config });
    await seedRoster(t);
  }
  const enter = (user: TestUser, kind: string, data: Record<string, unknown>, studentNo = 'S001', summary = '') =>
    t.mutate('office.records.enter', { kind, studentNo, academicYear: 114, semester: 1, summary, data }, user);
  const list = async (user: TestUser, input: Record<string, unknown> = {}) => {
    const res = await t.query('office.records.list', input, user);
    expect(res.error).toBeNull();
    return res.data as { rows: Array<{ id: string; kind: string; status: string; version: number; data: Record<string, unknown>; student: { studentNo: string }; correctable: string }>; total: number };
  };
  const records = () => t.db.kysely.selectFrom('records').selectAll().orderBy('created_at').execute();

  it('names each kind\'s summary: 內容簡述 unless the kind declares its own (諮詢內容)', async () => {
    await start();
    const kinds = (await t.query('office.records.kinds', undefined, activities)).data as Array<{ id: string; summaryLabel: { 'zh-TW': string } }>;
    const label = (id: string) => kinds.find((k) => k.id === id)!.summaryLabel['zh-TW'];
    expect([label('cadre'), label('performance-work'), label('consultation')]).toEqual(['內容簡述', '內容簡述', '諮詢內容']);
  });

  it('lets a section enter, list, correct with a reason and withdraw its own kind, audited', async () => {
    await start();
    const entered = await enter(activities, 'cadre', cadre, 'S001', '學生會會長');
    expect(entered.error).toBeNull();
    expect(entered.data).toMatchObject({ status: 'passed', version: 1 });
    const { rows, total } = await list(activities, { kind: 'cadre', academicYear: 114 });
    expect(total).toBe(1);
    expect(rows[0]).toMatchObject({ kind: 'cadre', data: cadre, student: { studentNo: 'S001' }, correctable: 'with-reason' });

    const id = entered.data.id as string;
    const noReason = await t.mutate('office.records.correct', { id, version: 1, summary: '學生會會長', data: { ...cadre, level: '2' } }, activities);
    expect(noReason.error?.licheng?.code).toBe('correction-reason-required');
    const corrected = await t.mutate('office.records.correct', { id, version: 1, summary: '學生會會長', data: { ...cadre, level: '2' }, reason: '等級登錄錯誤' }, activities2);
    expect(corrected.error).toBeNull();
    expect(corrected.data).toMatchObject({ status: 'passed', version: 2 });
    const stale = await t.mutate('office.records.correct', { id, version: 1, summary: 'x', data: cadre, reason: '再改' }, activities);
    expect(stale.error?.licheng?.code).toBe('record-changed');

    const withdrawn = await t.mutate('office.records.withdraw', { id, version: 2, reason: '重複登錄' }, activities);
    expect(withdrawn.data).toMatchObject({ status: 'withdrawn', version: 3 });
    expect((await list(activities)).total).toBe(0);
    expect((await list(activities, { status: 'withdrawn' })).total).toBe(1);
    const afterWithdraw = await t.mutate('office.records.correct', { id, version: 3, summary: 'x', data: cadre, reason: '改' }, activities);
    expect(afterWithdraw.error?.licheng?.code).toBe('record-withdrawn');

    const [row] = await records();
    expect(row).toMatchObject({ status: 'withdrawn', status_reason: '重複登錄', version: 3 });
    expect(JSON.parse(row!.data).level).toBe('2');
    const audit = await t.db.kysely.selectFrom('audit_log').select(['action', 'actor_id']).where('entity_id', '=', id).orderBy('at').orderBy('action').execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['cadre.correct', 'cadre.enter', 'cadre.withdraw']);
  });

  it('refuses bad data with the field’s code and writes nothing', async () => {
    await start();
    const bad = await enter(activities, 'cadre', { ...cadre, level: '4' });
    expect(bad.error?.licheng).toMatchObject({ code: 'field-code-invalid', params: { field: '幹部等級', value: '4' } });
    const missing = await enter(activities, 'cadre', { ...cadre, position: ' ' });
    expect(missing.error?.licheng?.code).toBe('field-required');
    const unknown = await enter(activities, 'reading', { title: 'x' });
    expect(unknown.error?.licheng?.code).toBe('record-kind-not-here');
    expect(await records()).toEqual([]);
  });

  it("keeps each section to its kinds: another section neither sees nor changes them", async () => {
    await start();
    const { data } = await enter(activities, 'cadre', cadre);
    expect((await enter(discipline, 'cadre', cadre)).error?.licheng?.code).toBe('forbidden');
    expect((await list(discipline, { kind: 'cadre' })).total).toBe(0);
    const foreign = await t.mutate('office.records.withdraw', { id: data.id, version: 1, reason: '不是我的' }, discipline);
    expect(foreign.error?.licheng?.code).toBe('not-found');
    expect((await enter(discipline, 'attendance', { absent: 2 })).error).toBeNull();
    expect((await list(activities, { kind: 'attendance' })).total).toBe(0);
    expect((await records()).map((r) => r.status)).toEqual(['passed', 'passed']);
  });

  it('shows a student only their own records and lets them change only what they entered', async () => {
    await start();
    const mine = await enter(users.chen, 'performance-service', service, 'S001', '淨灘心得');
    expect(mine.error).toBeNull();
    expect((await enter(users.chen, 'performance-service', service, 'S002')).error?.licheng?.code).toBe('forbidden');
    await enter(activities, 'cadre', cadre, 'S001');
    expect((await list(users.chen)).rows.map((r) => r.kind).sort()).toEqual(['cadre', 'performance-service']);
    expect((await list(users.lin)).total).toBe(0);
    const other = await t.mutate('office.records.correct', { id: mine.data.id, version: 1, summary: 'x', data: service }, users.lin);
    expect(other.error?.licheng?.code).toBe('not-found');
    const cadreRow = (await list(users.chen, { kind: 'cadre' })).rows[0]!;
    expect(cadreRow.correctable).toBe('no');
    const officeRecord = await t.mutate('office.records.withdraw', { id: cadreRow.id, version: 1, reason: '不想要' }, users.chen);
    expect(officeRecord.error?.licheng?.code).toBe('forbidden');
    const own = await t.mutate('office.records.correct', { id: mine.data.id, version: 1, summary: '淨灘心得（修正）', data: { ...service, hours: 4 } }, users.chen);
    expect(own.data).toMatchObject({ status: 'passed', version: 2 });
  });

  it('shows a homeroom teacher only their class and a consultant only their advisees', async () => {
    await start();
    const teacher = (no: string) => t.db.kysely.selectFrom('teachers').select('id').where('teacher_no', '=', no).executeTakeFirstOrThrow();
    const wang = await teacher('T001');
    const at = t.clock.now.toISOString();
    await t.db.kysely.insertInto('classes').values({ id: 'c101', school_code: t.config.code, academic_year: 114, class_name: '101', grade: 1, homeroom_teacher_id: wang.id, created_at: at, updated_at: at }).execute();
    const s001 = await t.db.kysely.selectFrom('students').select('id').where('student_no', '=', 'S001').executeTakeFirstOrThrow();
    await t.db.kysely.insertInto('advisees').values({ id: 'a1', school_code: t.config.code, teacher_id: wang.id, student_id: s001.id, created_at: at }).execute();

    await enter(users.chen, 'performance-service', service);
    await enter(users.chen, 'counseling', { date: '2025-09-30', topic: '生涯', content: null });
    expect((await list(wangHomeroom)).rows.map((r) => r.kind)).toEqual(['performance-service']);
    expect((await list(liHomeroom)).total).toBe(0);

    expect((await enter(wangConsultant, 'consultation', { date: '2025-09-30', time: '12:10', place: '諮詢室', form: '1', advice: '選修物理' }, 'S002')).error?.licheng?.code).toBe('forbidden');
    const consultation = await enter(wangConsultant, 'consultation', { date: '2025-09-30', time: '12:10', place: '諮詢室', form: '1', advice: '選修物理' }, 'S001', '選課');
    expect(consultation.error).toBeNull();
    expect((await list(wangConsultant, { kind: 'consultation' })).total).toBe(1);
    expect((await list(liConsultant)).total).toBe(0);
    expect((await list(wangHomeroom, { kind: 'consultation' })).total).toBe(0);
    expect((await list(activities, { kind: 'counseling' })).total).toBe(0);
    expect((await list({ userId: 'c-staff', roles: ['counseling-staff'] }, { kind: 'counseling' })).total).toBe(1);
  });

  it('holds the yearly performance cap under concurrent entries, leaving withdrawn records out', async () => {
    await start({ rules: { performances: { uploadCapPerYear: 2 } } });
    const results = await Promise.all([1, 2, 3, 4, 5].map((i) => enter(users.chen, 'performance-work', { name: `作品 ${i}`, date: '2025-09-01' })));
    expect(results.filter((r) => r.error === null)).toHaveLength(2);
    expect(results.filter((r) => r.error?.licheng?.code === 'upload-cap-reached')).toHaveLength(3);
    expect(await records()).toHaveLength(2);
    const first = results.find((r) => r.error === null)!;
    expect((await t.mutate('office.records.withdraw', { id: first.data.id, version: 1, reason: '放錯檔' }, users.chen)).error).toBeNull();
    expect((await enter(users.chen, 'performance-work', { name: '作品 6', date: '2025-09-01' })).error).toBeNull();
    expect((await enter(users.chen, 'performance-work', { name: '作品 7', date: '2025-09-01' })).error?.licheng?.code).toBe('upload-cap-reached');
  });
});
