import type { Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { testDialects } from '@licheng/db/testing';
import { startJobRunner } from '../jobs/job-runner.ts';
import { definePlugin } from '../plugin.ts';
import { enterRecord } from '../records/enter.ts';
import { loadRecord } from '../records/policy.ts';
import { saveSelection } from '../records/select.ts';
import { transitionRecord } from '../records/transition.ts';
import { sweepStorage } from '../storage/sweep.ts';
import { upsertStatusChanges } from '../students/status.ts';
import { authedProcedure, router } from '../trpc.ts';
import { createTestLicheng, seedRoster, type TestLicheng, type TestUser } from '../testing/index.ts';
import { PURGE_ACTION, retentionJob, runRetention } from './purge.ts';

/** An office that writes through the records layer's primitives, to show the seal holds on each. */
const recorder = definePlugin({
  id: 'recorder',
  office: { 'zh-TW': '紀錄', en: 'Recorder' },
  roles: ['practicum-staff'],
  router: router({
    enter: authedProcedure()
      .input(z.object({ studentNo: z.string() }))
      .mutation(async ({ ctx, input }) => {
        const student = await ctx.db.selectFrom('students').selectAll().where('student_no', '=', input.studentNo).executeTakeFirstOrThrow();
        return enterRecord(ctx, { kind: 'skill-certificate', student, courseId: null, academicYear: 114, semester: 1, summary: '證照', files: [] });
      }),
    withdraw: authedProcedure()
      .input(z.object({ id: z.string() }))
      .mutation(async ({ ctx, input }) => {
        const before = await loadRecord(ctx, input.id);
        return ctx.db.transaction().execute((trx) => transitionRecord(trx, before, before.status, { status: 'withdrawn', version: before.version + 1 }, 'record-changed'));
      }),
    select: authedProcedure()
      .input(z.object({ studentNo: z.string(), id: z.string() }))
      .mutation(async ({ ctx, input }) => {
        const student = await ctx.db.selectFrom('students').selectAll().where('student_no', '=', input.studentNo).executeTakeFirstOrThrow();
        return saveSelection(ctx, { student, kind: 'skill-certificate', academicYear: 114, recordIds: [input.id], cap: 10 });
      }),
  }),
});

/** An office with its own table about students, one column naming stored files, and a retention hook. */
const keeper = definePlugin({
  id: 'keeper',
  office: { 'zh-TW': '保管', en: 'Keeper' },
  roles: ['practicum-staff'],
  router: router({}),
  migrations: {
    '0001_notes': {
      async up(db: Kysely<any>) {
        await db.schema.createTable('keeper_notes').addColumn('id', 'varchar(40)', (c) => c.primaryKey()).addColumn('school_code', 'varchar(20)', (c) => c.notNull()).addColumn('student_id', 'varchar(40)', (c) => c.notNull()).addColumn('file_id', 'varchar(40)').execute();
      },
    },
  },
  retention: {
    async purgeStudent(trx, school, studentId) {
      const deleted = await trx.deleteFrom('keeper_notes').where('school_code', '=', school).where('student_id', '=', studentId).executeTakeFirst();
      return [{ table: 'keeper_notes', rows: Number(deleted.numDeletedRows) }];
    },
    async fileIdsOf(trx, school, studentId) {
      const rows = await trx.selectFrom('keeper_notes').select('file_id').where('school_code', '=', school).where('student_id', '=', studentId).where('file_id', 'is not', null).execute();
      return rows.map((r) => r.file_id as string);
    },
    fileColumns: [{ table: 'keeper_notes', column: 'file_id' }],
  },
});

const practicum: TestUser = { userId: 'p-staff', name: '就業組長', roles: ['practicum-staff'] };
const streamOf = (text: string) => new Blob([text]).stream();
const tooLarge = () => new Error('too large');

async function graduate(t: TestLicheng, studentNo: string, date: string) {
  await upsertStatusChanges(t.db.kysely as never, t.config.code, [{ studentNo, date, kind: 'graduate', statusCode: '900', note: '' }], t.clock.now);
}

async function studentId(t: TestLicheng, no: string): Promise<string> {
  return (await t.db.kysely.selectFrom('students').select('id').where('student_no', '=', no).executeTakeFirstOrThrow()).id;
}

/** A record with a document file (a stored_files row naming an object) for the student. */
async function recordWithFile(t: TestLicheng, no: string, content: string, fileId: string, recordId: string) {
  const put = await t.storage.put(streamOf(content), { maxBytes: 1000, tooLarge });
  const db = t.db.kysely as any;
  if (!(await db.selectFrom('stored_files').select('id').where('id', '=', fileId).executeTakeFirst())) {
    await db.insertInto('stored_files').values({ id: fileId, school_code: t.config.code, sha256: put.sha256, size: put.size, type: 'pdf', original_name: 'a.pdf', created_by: 'u', created_at: '2026-01-01T00:00:00.000Z' }).execute();
  }
  await db
    .insertInto('records')
    .values({ id: recordId, school_code: t.config.code, kind: 'outcome', student_id: await studentId(t, no), course_id: null, academic_year: 114, semester: 1, summary: '成果', data: '{}', document_file_id: fileId, media_file_id: null, status: 'passed', status_reason: null, decided_by: null, decided_by_name: null, decided_role: null, decided_at: null, decided_for: null, decided_for_name: null, entered_by: 'u', entered_role: 'student', version: 1, created_at: '2026-01-01T00:00:00.000Z', updated_at: '2026-01-01T00:00:00.000Z' })
    .execute();
  return put.sha256;
}

describe.each(testDialects())('sealing graduates on %s', (dialect) => {
  let t: TestLicheng;
  afterEach(async () => t?.close());

  it('refuses every records-layer write for a graduate, and none for a student still at school', async () => {
    t = await createTestLicheng({ dialect, plugins: [recorder], now: new Date('2026-06-20T04:00:00Z') });
    await seedRoster(t);
    const entered = await t.mutate('recorder.enter', { studentNo: 'S001' }, practicum);
    expect(entered.error).toBeNull();
    await graduate(t, 'S001', '2026-06-15');

    const enter = await t.mutate('recorder.enter', { studentNo: 'S001' }, practicum);
    expect(enter.error?.licheng).toEqual({ code: 'student-sealed', params: { name: '陳小明' } });
    expect(enter.error?.message).toContain('已封存');
    const withdraw = await t.mutate('recorder.withdraw', { id: entered.data.id }, practicum);
    expect(withdraw.error?.licheng?.code).toBe('student-sealed');
    const select = await t.mutate('recorder.select', { studentNo: 'S001', id: entered.data.id }, practicum);
    expect(select.error?.licheng?.code).toBe('student-sealed');
    expect((await t.db.kysely.selectFrom('records').select('status').where('id', '=', entered.data.id).executeTakeFirstOrThrow()).status).toBe('passed');

    expect((await t.mutate('recorder.enter', { studentNo: 'S002' }, practicum)).error).toBeNull();
  });

  it('seals on the graduation day a graduation recorded ahead of it (the retention job)', async () => {
    t = await createTestLicheng({ dialect, plugins: [recorder], now: new Date('2026-06-01T04:00:00Z') });
    await seedRoster(t);
    await graduate(t, 'S001', '2026-06-15');
    expect((await t.mutate('recorder.enter', { studentNo: 'S001' }, practicum)).error).toBeNull();
    await runRetention(t.db.kysely as never, dialect, t.config, new Date('2026-06-14T15:59:00Z'));
    expect((await t.mutate('recorder.enter', { studentNo: 'S001' }, practicum)).error).toBeNull();
    await runRetention(t.db.kysely as never, dialect, t.config, new Date('2026-06-14T16:00:00Z'));
    expect((await t.mutate('recorder.enter', { studentNo: 'S001' }, practicum)).error?.licheng?.code).toBe('student-sealed');
  });
});

describe.each(testDialects())('purging after the retention period on %s', (dialect) => {
  let t: TestLicheng;
  afterEach(async () => t?.close());

  async function setUp(config?: Record<string, unknown>) {
    t = await createTestLicheng({ dialect, plugins: [recorder, keeper], now: new Date('2026-06-20T04:00:00Z'), ...(config ? { config } : {}) });
    await seedRoster(t);
    await graduate(t, 'S001', '2026-06-15');
    const own = await recordWithFile(t, 'S001', '%PDF-1.7 only chen', 'f-own', 'r-own');
    const shared = await recordWithFile(t, 'S001', '%PDF-1.7 same bytes', 'f-chen', 'r-chen-shared');
    await recordWithFile(t, 'S002', '%PDF-1.7 same bytes', 'f-lin', 'r-lin');
    // One stored_files row named by records of two students: the row stays while Lin's record names it.
    const both = await recordWithFile(t, 'S001', '%PDF-1.7 one row two records', 'f-both', 'r-chen-both');
    await recordWithFile(t, 'S002', '%PDF-1.7 one row two records', 'f-both', 'r-lin-both');
    await t.db.kysely.insertInto('selections').values({ id: 'sel1', school_code: t.config.code, student_id: await studentId(t, 'S001'), record_id: 'r-own', kind: 'outcome', academic_year: 114, created_at: '2026-01-01T00:00:00.000Z' }).execute();
    return { own, shared, both };
  }

  const records = (no: string) =>
    t.db.kysely.selectFrom('records').innerJoin('students', 'students.id', 'records.student_id').select('records.id').where('students.student_no', '=', no).execute();

  it('purges nothing the day before the date, everything on it, nothing more the second time; the sweep keeps objects others reference', async () => {
    const { own, shared, both } = await setUp();
    // 2031-06-15 00:00 in Taipei is 2031-06-14T16:00Z.
    const before = await runRetention(t.db.kysely as never, dialect, t.config, new Date('2031-06-14T15:59:59Z'));
    expect(before.purged).toEqual([]);
    expect(before.waiting).toEqual([{ studentId: await studentId(t, 'S001'), dueOn: '2031-06-15' }]);
    expect(await records('S001')).toHaveLength(3);

    const onTheDay = await runRetention(t.db.kysely as never, dialect, t.config, new Date('2031-06-14T16:00:00Z'));
    expect(onTheDay.purged).toEqual([{ studentId: await studentId(t, 'S001'), studentNo: 'S001', name: '陳小明', graduatedOn: '2026-06-15', dueOn: '2031-06-15', records: 3, files: 2, offices: [] }]);
    expect(await records('S001')).toHaveLength(0);
    expect(await records('S002')).toHaveLength(2);
    expect(await t.db.kysely.selectFrom('selections').selectAll().execute()).toEqual([]);
    const fileRows = (await t.db.kysely.selectFrom('stored_files').select('id').orderBy('id').execute()).map((r) => r.id);
    expect(fileRows).toEqual(['f-both', 'f-lin']);
    const audit = await t.db.kysely.selectFrom('audit_log').selectAll().where('action', '=', PURGE_ACTION).execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.before!)).toMatchObject({ records: 3, files: 2, kinds: { outcome: 3 } });

    const again = await runRetention(t.db.kysely as never, dialect, t.config, new Date('2031-06-20T00:00:00Z'));
    expect(again.purged).toEqual([]);
    expect(await t.db.kysely.selectFrom('audit_log').select('id').where('action', '=', PURGE_ACTION).execute()).toHaveLength(1);

    const swept = await sweepStorage(t.db, t.storage, { graceMs: 0, now: Date.now() + 60_000 });
    expect(swept.objects.map((o) => o.sha256)).toEqual([own]);
    expect(await t.storage.exists(shared)).toBe(true);
    expect(await t.storage.exists(both)).toBe(true);
  });

  it('counts from the application year when the school says so', async () => {
    await setUp({ retention: { years: 5, from: 'application' } });
    expect((await runRetention(t.db.kysely as never, dialect, t.config, new Date('2031-02-28T15:59:00Z'))).purged).toEqual([]);
    expect((await runRetention(t.db.kysely as never, dialect, t.config, new Date('2031-02-28T16:00:00Z'))).purged).toHaveLength(1);
  });

  it('purges once when two job runners run the job at the same moment', async () => {
    await setUp();
    const now = () => new Date('2031-07-01T00:00:00Z');
    const job = retentionJob({ db: t.db.kysely as never, dialect, config: t.config });
    const lines: string[] = [];
    const a = startJobRunner(t.db.kysely as never, { jobs: [job], tickMs: 0, now, holder: 'a', log: (l) => lines.push(l), logError: (l) => lines.push(l) });
    const b = startJobRunner(t.db.kysely as never, { jobs: [job], tickMs: 0, now, holder: 'b', log: (l) => lines.push(l), logError: (l) => lines.push(l) });
    await Promise.all([a.tick(), b.tick()]);
    // Even without the lease (each calling the purge directly), the unique purge row admits one.
    await Promise.all([runRetention(t.db.kysely as never, dialect, t.config, now()), runRetention(t.db.kysely as never, dialect, t.config, now())]);
    await Promise.all([a.stop(), b.stop()]);
    expect(lines.filter((l) => l.includes('purged S001'))).toHaveLength(1);
    expect(await t.db.kysely.selectFrom('retention_purges').selectAll().execute()).toHaveLength(1);
    expect(await t.db.kysely.selectFrom('audit_log').select('id').where('action', '=', PURGE_ACTION).execute()).toHaveLength(1);
  });

  it("purges each office's rows about the graduate on the day, not a day early, once; their files released unless another row names them", async () => {
    await setUp();
    const db = t.db.kysely as any;
    const [chen, lin] = [await studentId(t, 'S001'), await studentId(t, 'S002')];
    const note = await t.storage.put(streamOf('%PDF-1.7 a note only chen'), { maxBytes: 1000, tooLarge });
    await db.insertInto('stored_files').values({ id: 'f-note', school_code: t.config.code, sha256: note.sha256, size: note.size, type: 'pdf', original_name: 'n.pdf', created_by: 'u', created_at: '2026-01-01T00:00:00.000Z' }).execute();
    await db.insertInto('stored_files').values({ id: 'f-two-notes', school_code: t.config.code, sha256: note.sha256, size: note.size, type: 'pdf', original_name: 'n.pdf', created_by: 'u', created_at: '2026-01-01T00:00:00.000Z' }).execute();
    await db
      .insertInto('keeper_notes')
      .values([
        { id: 'n1', school_code: t.config.code, student_id: chen, file_id: null },
        { id: 'n2', school_code: t.config.code, student_id: chen, file_id: 'f-lin' },
        { id: 'n3', school_code: t.config.code, student_id: chen, file_id: 'f-two-notes' },
        { id: 'n4', school_code: t.config.code, student_id: lin, file_id: 'f-two-notes' },
      ])
      .execute();
    await db.insertInto('keeper_notes').values({ id: 'n5', school_code: t.config.code, student_id: chen, file_id: 'f-note' }).execute();
    const notes = async () => (await db.selectFrom('keeper_notes').select('id').orderBy('id').execute()).map((r: { id: string }) => r.id);

    expect((await runRetention(t.db.kysely as never, dialect, t.config, new Date('2031-06-14T15:59:59Z'), [keeper])).purged).toEqual([]);
    expect(await notes()).toEqual(['n1', 'n2', 'n3', 'n4', 'n5']);

    const job = retentionJob({ db: t.db.kysely as never, dialect, config: t.config, offices: [keeper] });
    const line = await job.run(new Date('2031-06-14T16:00:00Z'));
    expect(line).toContain('purged S001');
    expect(line).toContain('keeper keeper_notes 4');
    expect(await notes()).toEqual(['n4']);
    // f-own and f-note only Chen's rows named; f-lin (Lin's record), f-two-notes (Lin's note) and f-both stay.
    expect((await t.db.kysely.selectFrom('stored_files').select('id').orderBy('id').execute()).map((r) => r.id)).toEqual(['f-both', 'f-lin', 'f-two-notes']);
    const purge = await t.db.kysely.selectFrom('retention_purges').selectAll().executeTakeFirstOrThrow();
    expect({ records: purge.records, files: purge.files, offices: JSON.parse(purge.offices!) }).toEqual({ records: 3, files: 3, offices: [{ office: 'keeper', table: 'keeper_notes', rows: 4 }] });
    const audit = await t.db.kysely.selectFrom('audit_log').selectAll().where('action', '=', PURGE_ACTION).execute();
    expect(JSON.parse(audit[0]!.before!)).toMatchObject({ files: 3, offices: [{ office: 'keeper', table: 'keeper_notes', rows: 4 }] });

    // A row written later for the purged student (by mistake or import) is not purged again: the purge is once.
    expect((await runRetention(t.db.kysely as never, dialect, t.config, new Date('2031-06-20T00:00:00Z'), [keeper])).purged).toEqual([]);
    expect(await notes()).toEqual(['n4']);
    expect(await t.db.kysely.selectFrom('audit_log').select('id').where('action', '=', PURGE_ACTION).execute()).toHaveLength(1);
    // The note's object is shared by f-two-notes, which Lin's note still names: the sweep keeps it.
    await sweepStorage(t.db, t.storage, { graceMs: 0, now: Date.now() + 60_000 });
    expect(await t.storage.exists(note.sha256)).toBe(true);
  });

  it('rolls the whole purge back when an office fails, records and other offices included', async () => {
    const failing = { id: 'failing', retention: { purgeStudent: async () => Promise.reject(new Error('office down')) } };
    await setUp();
    await t.db.kysely.insertInto('keeper_notes' as never).values({ id: 'n1', school_code: t.config.code, student_id: await studentId(t, 'S001'), file_id: null } as never).execute();
    await expect(runRetention(t.db.kysely as never, dialect, t.config, new Date('2031-07-01T00:00:00Z'), [keeper, failing])).rejects.toThrow('office down');
    expect(await records('S001')).toHaveLength(3);
    expect(await t.db.kysely.selectFrom('keeper_notes' as never).selectAll().execute()).toHaveLength(1);
    expect(await t.db.kysely.selectFrom('retention_purges').selectAll().execute()).toEqual([]);
    const later = await runRetention(t.db.kysely as never, dialect, t.config, new Date('2031-07-02T00:00:00Z'), [keeper]);
    expect(later.purged[0]!.offices).toEqual([{ office: 'keeper', table: 'keeper_notes', rows: 1 }]);
  });
});
