import { afterEach, describe, expect, it } from 'vitest';
import { newId } from '@licheng/db';
import { testDialects } from '@licheng/db/testing';
import registry from '@licheng/plugin-registry/server';
import { createTestLicheng, seedRoster, setTestSchedule, testRoster, users, type TestLicheng } from '@licheng/server/testing';
import plugin from './index.ts';
import { chang, chen, importZip, lin, receiptZip, rosterJson } from './test-support.ts';

const WINDOW = [{ activity: 'roster-submission', academicYear: 114, semester: 1, start: '2025-08-01', end: '2026-01-31' }] as const;
const [chinese, physics] = testRoster.courses;

describe.each(testDialects())('receipt.batches.reconcile on %s', (dialect) => {
  let t: TestLicheng;
  afterEach(async () => t?.close());
  const db = () => t.db.kysely as any;

  /** A selected, certified 課程學習成果 entered straight into the platform tables (the student office makes them). */
  async function outcome(studentNo: string, courseId: string, summary: string) {
    const student = await db().selectFrom('students').select('id').where('student_no', '=', studentNo).executeTakeFirstOrThrow();
    const id = newId();
    const at = '2025-10-01T00:00:00.000Z';
    await db()
      .insertInto('records')
      .values({ id, school_code: t.config.code, kind: 'outcome', student_id: student.id, course_id: courseId, academic_year: 114, semester: 1, summary, data: '{}', document_file_id: null, media_file_id: null, status: 'passed', status_reason: null, decided_by: null, decided_by_name: null, decided_role: null, decided_at: null, entered_by: 's', entered_role: 'student', version: 1, created_at: at, updated_at: at })
      .execute();
    await db().insertInto('selections').values({ id: newId(), school_code: t.config.code, student_id: student.id, record_id: id, kind: 'outcome', academic_year: 114, created_at: at }).execute();
  }

  /** Exports a roster through the registry's procedures and marks it as submitted. */
  async function submit(roster: 'outcomes' | 'night-outcomes') {
    const exported = await t.mutate('registry.rosters.export', { academicYear: 114, semester: 1, roster }, users.registry);
    expect(exported.error).toBeNull();
    const snapshot = await t.mutate('registry.rosters.submit', { exportId: exported.data.fileId }, users.registry);
    expect(snapshot.error).toBeNull();
    return snapshot.data;
  }

  const term = (code: string, subject: string, credits: number, summary: string) => ({ 課程代碼: code, 科目名稱: subject, 開課年級: 1, 修課學分: credits, 實際修課學年度: 114, 實際修課學期: 1, 成果簡述: summary });

  it('per roster and student: arrived, missing (a student who transferred out), unexpected, and a tampered entry as differs field by field; 進修部 against roster 28', async () => {
    t = await createTestLicheng({ dialect, plugins: [registry, plugin] });
    await setTestSchedule(t, WINDOW);
    const { courseIds } = await seedRoster(t);
    await db().updateTable('students').set({ division: 'night' }).where('student_no', '=', 'S003').execute();
    await outcome('S001', courseIds['國語文']!, '紅樓夢人物分析');
    await outcome('S002', courseIds['物理']!, '自由落體實驗');
    await outcome('S003', courseIds['國語文']!, '夜間部讀書報告');
    await db()
      .insertInto('course_grades')
      .values({ id: newId(), school_code: t.config.code, student_id: (await db().selectFrom('students').select('id').where('student_no', '=', 'S003').executeTakeFirstOrThrow()).id, academic_year: 114, semester: 1, take: 'night', course_code: chinese!.code, score: '80', passed: 1, make_up_score: '-1', make_up_passed: -1, credit_counted: 1, description: '', context_json: JSON.stringify({ periods: 4 }), created_at: '2025-10-01T00:00:00.000Z', updated_at: '2025-10-01T00:00:00.000Z' })
      .execute();
    const day = await submit('outcomes');
    const night = await submit('night-outcomes');

    // The receipt: chen's summary came back altered; lin (transferred out after the submission) is not in it;
    // chang's 進修部 entry arrived as submitted, and the 進修部 roster also lists chen, who was never submitted there.
    const course = rosterJson('課程學習成果', [{ ...chen, 學期課程學習成果: [term(chinese!.code, '國語文', 4, '紅樓夢人物分折')] }]);
    const nightCourse = rosterJson('進修部課程學習成果', [
      { ...chang, 學期課程學習成果: [{ ...term(chinese!.code, '國語文', 4, '夜間部讀書報告'), 修課學分: undefined, 修課節數: 4 }] },
      { ...chen, 學期課程學習成果: [term(physics!.code, '物理', 2, '多出來的')] },
    ]);
    const imported = await importZip(t, await receiptZip({ '114_0_123456_課程學習成果.json': course, '114_0_123456_進修部課程學習成果.json': nightCourse }));
    expect(imported.error).toBeNull();
    await db().insertInto('status_changes').values({ id: newId(), school_code: t.config.code, student_id: (await db().selectFrom('students').select('id').where('student_no', '=', 'S002').executeTakeFirstOrThrow()).id, date: '2025-10-01', kind: 'transfer-out', status_code: '321', note: '', created_at: '2025-10-01T00:00:00.000Z' }).execute();

    const res = await t.query('receipt.batches.reconcile', { batchId: imported.data.batchId }, users.registry);
    expect(res.error).toBeNull();
    expect(res.data).toMatchObject({ academicYear: 114, snapshotsAvailable: true });
    const byName = Object.fromEntries(res.data.rosters.map((r: any) => [r.name, r]));
    expect(byName['課程學習成果']).toMatchObject({
      kind: 26,
      roster: 'outcomes',
      batch: 'regular',
      snapshot: { id: day.id, sha256: day.sha256 },
      counts: { arrived: 0, missing: 1, unexpected: 0, differs: 1 },
      students: [
        { studentNo: 'S001', status: 'differs', differences: [{ sheet: '學期課程學習成果', column: '成果簡述', submitted: '紅樓夢人物分析', received: '紅樓夢人物分折' }], rowsMissing: [], rowsUnexpected: [] },
        { studentNo: 'S002', name: '林小華', status: 'missing' },
      ],
    });
    expect(byName['進修部課程學習成果']).toMatchObject({
      kind: 28,
      roster: 'night-outcomes',
      snapshot: { id: night.id },
      counts: { arrived: 1, missing: 0, unexpected: 1, differs: 0 },
      students: [{ studentNo: 'S001', status: 'unexpected' }],
    });

    // Only the office; another school's batch reads as none.
    expect((await t.query('receipt.batches.reconcile', { batchId: imported.data.batchId }, users.chen)).error?.code).toBe('FORBIDDEN');
    expect((await t.query('receipt.batches.reconcile', { batchId: 'other' }, users.registry)).error?.code).toBe('NOT_FOUND');
  });

  it('a roster with no snapshot yet reconciles every entry as unexpected', async () => {
    t = await createTestLicheng({ dialect, plugins: [registry, plugin] });
    await seedRoster(t);
    const course = rosterJson('課程學習成果', [{ ...lin, 學期課程學習成果: [] }]);
    const imported = await importZip(t, await receiptZip({ '114_0_123456_課程學習成果.json': course }));
    expect(imported.error).toBeNull();
    const res = await t.query('receipt.batches.reconcile', { batchId: imported.data.batchId }, users.registry);
    expect(res.data.rosters).toMatchObject([{ name: '課程學習成果', roster: 'outcomes', snapshot: null, counts: { unexpected: 1 }, students: [{ studentNo: 'S002', status: 'unexpected' }] }]);
  });
});
