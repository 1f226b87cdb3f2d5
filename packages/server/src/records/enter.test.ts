import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { testDialects } from '@licheng/db/testing';
import { definePlugin } from '../plugin.ts';
import { authedProcedure, router } from '../trpc.ts';
import { createTestLicheng, seedRoster, type TestLicheng, type TestUser } from '../testing/index.ts';
import { enterRecord, enterRecords, lockStudents } from './enter.ts';

/** An office that enters a record of any kind for a student, to exercise the shared rule. */
const recorder = definePlugin({
  id: 'recorder',
  office: { 'zh-TW': '紀錄', en: 'Recorder' },
  roles: ['practicum-staff'],
  router: router({
    enter: authedProcedure()
      .input(z.object({ kind: z.string(), studentNo: z.string() }))
      .mutation(async ({ ctx, input }) => {
        const student = await ctx.db.selectFrom('students').selectAll().where('student_no', '=', input.studentNo).executeTakeFirstOrThrow();
        return enterRecord(ctx, { kind: input.kind, student, courseId: null, academicYear: 114, semester: 1, summary: 'x', files: [] });
      }),
    enterMany: authedProcedure()
      .input(z.object({ kind: z.string(), studentNos: z.array(z.string()), chunk: z.number() }))
      .mutation(async ({ ctx, input }) => {
        const students = await ctx.db.selectFrom('students').selectAll().where('student_no', 'in', input.studentNos).orderBy('student_no').execute();
        return ctx.db.transaction().execute(async (trx) => {
          await lockStudents(trx, ctx, students.map((s) => s.id));
          const items = students.map((student, i) => ({ student, academicYear: 114, semester: 1, summary: `證照 ${i}`, data: { n: i } }));
          return (await enterRecords(trx, ctx, input.kind, items, { chunk: input.chunk })).map((r) => r.id);
        });
      }),
  }),
});

const practicum: TestUser = { userId: 'p-staff', name: '實習處 就業組長', roles: ['practicum-staff'] };
const affairs: TestUser = { userId: 'sa-staff', name: '學務處 訓育組長', roles: ['student-affairs-staff'] };
const chen: TestUser = { userId: 's-chen', name: '陳小明', roles: ['student'] };

describe.each(testDialects())('enterRecord starting status on %s', (dialect) => {
  let t: TestLicheng;
  afterEach(async () => t?.close());

  async function enter(kind: string, user: TestUser) {
    const res = await t.mutate('recorder.enter', { kind, studentNo: 'S001' }, user);
    expect(res.error).toBeNull();
    return t.db.kysely.selectFrom('records').selectAll().where('id', '=', res.data.id).executeTakeFirstOrThrow();
  }

  it('passes on entry a record its certifier office enters, decided by the enterer', async () => {
    t = await createTestLicheng({ dialect, plugins: [recorder] });
    await seedRoster(t);
    const row = await enter('skill-certificate', practicum);
    expect(row).toMatchObject({ status: 'passed', decided_by: 'p-staff', decided_by_name: '實習處 就業組長', decided_role: 'practicum-staff', decided_at: t.clock.now.toISOString(), entered_role: 'practicum-staff' });
    const competition = await enter('competition-in', affairs);
    expect(competition).toMatchObject({ status: 'passed', decided_by: 'sa-staff', decided_role: 'student-affairs-staff' });
  });

  it('leaves a record entered by someone else pending, and a kind nobody certifies passed without a decider', async () => {
    t = await createTestLicheng({ dialect, plugins: [recorder] });
    await seedRoster(t);
    const byStudent = await enter('skill-certificate', chen);
    expect(byStudent).toMatchObject({ status: 'pending', decided_by: null, decided_by_name: null, decided_role: null, decided_at: null });
    const internship = await enter('career-assessment', practicum); // 學群(類群)探索: entered, certified by nobody
    expect(internship).toMatchObject({ status: 'passed', decided_by: null, decided_role: null, decided_at: null });
  });

  it('follows the school’s own certifiers: an enterer the school does not name as certifier starts pending', async () => {
    t = await createTestLicheng({
      dialect,
      plugins: [recorder],
      config: { recordKinds: { 'skill-certificate': { enterers: ['student', 'practicum-staff'], certifiers: ['registry-staff'] } } },
    });
    await seedRoster(t);
    const row = await enter('skill-certificate', practicum);
    expect(row).toMatchObject({ status: 'pending', decided_by: null });
  });

  it('enters a list of records at once in chunks, each with the same starting status and its own audit entry', async () => {
    t = await createTestLicheng({ dialect, plugins: [recorder] });
    await seedRoster(t);
    const res = await t.mutate('recorder.enterMany', { kind: 'skill-certificate', studentNos: ['S001', 'S002', 'S003'], chunk: 2 }, practicum);
    expect(res.error).toBeNull();
    const rows = await t.db.kysely.selectFrom('records').select(['id', 'status', 'decided_by', 'summary', 'data']).where('id', 'in', res.data).orderBy('summary').execute();
    expect(rows.map((r) => [r.status, r.decided_by, r.summary, JSON.parse(r.data).n])).toEqual([
      ['passed', 'p-staff', '證照 0', 0],
      ['passed', 'p-staff', '證照 1', 1],
      ['passed', 'p-staff', '證照 2', 2],
    ]);
    const audit = await t.db.kysely.selectFrom('audit_log').select('entity_id').where('action', '=', 'skill-certificate.enter').execute();
    expect(audit.map((a) => a.entity_id).sort()).toEqual([...res.data].sort());
    // A student may not enter for others through a list: refused before anything is written.
    const refused = await t.mutate('recorder.enterMany', { kind: 'internship', studentNos: ['S001'], chunk: 2 }, chen);
    expect(refused.error?.licheng?.code).toBeDefined();
    expect(await t.db.kysely.selectFrom('records').select('id').where('kind', '=', 'internship').execute()).toEqual([]);
  });
});
