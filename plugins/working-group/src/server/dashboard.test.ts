import { afterEach, describe, expect, it } from 'vitest';
import { testDialects } from '@licheng/db/testing';
import type { TestLicheng } from '@licheng/server/testing';
import { groupApp, staff, teacher } from './test-group.ts';
import { demoNow, seedDemoSemester } from './test-semester.ts';

describe.each(testDialects())('working-group dashboard on %s', (dialect) => {
  let t: TestLicheng;
  afterEach(async () => t?.close());

  it('gives progress per class, teacher and office, who is behind first, and certifications and selections per day', async () => {
    t = await groupApp(dialect, demoNow);
    await seedDemoSemester(t);
    const db = t.db.kysely as any;
    // An office's records: two cadre records of 114-1 (學務處訓育組), one still pending.
    const student = (await db.selectFrom('students').select('id').where('student_no', '=', 'S004').executeTakeFirst()).id;
    for (const [status, decided] of [['passed', '2025-11-03T02:00:00.000Z'], ['pending', null]] as const) {
      await db.insertInto('records').values({
        id: `cadre-${status}`, school_code: t.config.code, kind: 'cadre', student_id: student, course_id: null, academic_year: 114, semester: 1, summary: '班長', data: '{}',
        document_file_id: null, media_file_id: null, status, status_reason: null, decided_by: null, decided_by_name: null, decided_role: null, decided_at: decided, decided_for: null, decided_for_name: null,
        entered_by: 'x', entered_role: 'activities-staff', version: 1, created_at: '2025-10-01T00:00:00.000Z', updated_at: '2025-10-01T00:00:00.000Z',
      }).execute();
    }
    const res = await t.query('working-group.dashboard.progress', { academicYear: 114, semester: 1 }, staff);
    expect(res.error).toBeNull();
    const d = res.data;
    expect([d.academicYear, d.semester, d.today]).toEqual([114, 1, '2026-01-20']);
    expect(d.classes.map((c: any) => [c.className, c.students, c.selecting, c.selections, c.rate])).toEqual([
      ['102', 2, 0, 0, '0%'],
      ['101', 3, 2, 3, '67%'],
    ]);
    expect(d.teachers.map((x: any) => [x.name, x.total, x.passed, x.failed, x.pending, x.rate])).toEqual([
      ['王老師', 3, 1, 1, 1, '67%'],
      ['李老師', 2, 2, 0, 0, '100%'],
    ]);
    expect(d.offices.map((x: any) => [x.office, x.name, x.total, x.pending, x.rate])).toEqual([['activities-staff', '學務處訓育組', 2, 1, '50%']]);
    expect(d.series).toEqual([
      { date: '2025-10-20', certified: 1, selected: 0, certifiedTotal: 1, selectedTotal: 0 },
      { date: '2025-10-21', certified: 3, selected: 0, certifiedTotal: 4, selectedTotal: 0 },
      { date: '2025-11-03', certified: 1, selected: 0, certifiedTotal: 5, selectedTotal: 0 },
      { date: '2026-01-05', certified: 0, selected: 2, certifiedTotal: 5, selectedTotal: 2 },
      { date: '2026-01-06', certified: 0, selected: 1, certifiedTotal: 5, selectedTotal: 3 },
    ]);
    // Another term has nothing certified or selected in its dates.
    expect((await t.query('working-group.dashboard.progress', { academicYear: 114, semester: 2 }, staff)).data.series).toEqual([]);
  });

  it('is for the working group only', async () => {
    t = await groupApp(dialect, demoNow);
    expect((await t.query('working-group.dashboard.progress', {}, teacher)).status).toBe(403);
    expect((await t.query('working-group.dashboard.progress', { academicYear: 'x' }, staff)).status).toBe(400);
  });
});
