import { afterEach, describe, expect, it } from 'vitest';
import { testDialects } from '@licheng/db/testing';
import type { TestLicheng } from '@licheng/server/testing';
import { attendanceForm, groupApp, saveTraining, staff } from './test-group.ts';

const key = (m: any) => `${m.kind} ${m.academicYear}-${m.semester}`;

describe.each(testDialects())('working-group trainings on %s', (dialect) => {
  let t: TestLicheng;
  afterEach(async () => t?.close());
  const list = (input?: unknown) => t.query('working-group.trainings.list', input, staff).then((r) => r.data);

  it('by default asks every kind every semester, and warns of each kind not held', async () => {
    t = await groupApp(dialect);
    for (const kind of ['student', 'teacher', 'parent']) {
      await saveTraining(t, { academicYear: 114, semester: 1, kind, heldDate: '2025-10-01' });
      await saveTraining(t, { academicYear: 114, semester: 2, kind, heldDate: '2026-03-01' });
    }
    await saveTraining(t, { kind: 'student', title: '學生訓練', heldDate: '2026-10-01', attendanceCount: 320 });
    await saveTraining(t, { kind: 'teacher', plannedDate: '2026-12-10' });
    const data = await list();
    expect(data.rules).toEqual({ student: 'semester', teacher: 'semester', parent: 'semester' });
    expect(data.missing.map(key)).toEqual(['teacher 115-1', 'parent 115-1']);
    expect(data.missing.every((m: any) => m.current)).toBe(true);
    expect(data.trainings.map((x: any) => [x.kind, x.heldDate, x.attendanceCount, x.attendanceSource])).toEqual([
      ['student', '2026-10-01', 320, 'count'],
      ['teacher', null, null, null],
    ]);
  });

  it('follows the school’s rule: a yearly kind once in either semester, a kind not required never', async () => {
    t = await groupApp(dialect, undefined, { rules: { trainings: { student: 'year', teacher: 'semester', parent: 'none' } } });
    await saveTraining(t, { academicYear: 114, semester: 2, kind: 'student', heldDate: '2026-03-01' });
    await saveTraining(t, { academicYear: 114, semester: 1, kind: 'teacher', heldDate: '2025-10-01' });
    expect((await list()).missing.map(key)).toEqual(['teacher 114-2', 'student 115-0', 'teacher 115-1']);
  });

  it('keeps dates in the semester, held dates not in the future, and attendance only once held', async () => {
    t = await groupApp(dialect);
    const outside = await t.mutate('working-group.trainings.save', { academicYear: 115, semester: 1, kind: 'parent', title: '親師說明會', ownerOffice: '輔導室', plannedDate: '2027-03-01' }, staff);
    expect(outside.error?.licheng?.code).toBe('wg-date-outside-term');
    expect(outside.error?.message).toBe('「預定日期」116/03/01 不在 115 學年度第 1 學期內');
    const future = await t.mutate('working-group.trainings.save', { academicYear: 115, semester: 1, kind: 'parent', title: '親師說明會', ownerOffice: '輔導室', heldDate: '2026-12-01' }, staff);
    expect(future.error?.licheng?.code).toBe('wg-held-in-future');
    const notHeld = await t.mutate('working-group.trainings.save', { academicYear: 115, semester: 1, kind: 'parent', title: '親師說明會', ownerOffice: '輔導室', attendanceCount: 30 }, staff);
    expect(notHeld.error?.licheng?.code).toBe('wg-attendance-not-held');
    expect((await list()).trainings).toEqual([]);
  });

  it('imports an attendance list row by row: bad rows are reported and nothing is kept, a clean list becomes the count', async () => {
    t = await groupApp(dialect);
    const planned = await saveTraining(t, { kind: 'student', title: '學生訓練', plannedDate: '2026-10-01' });
    const early = await t.upload('working-group.trainings.importAttendance', attendanceForm(planned.id, [['姓名'], ['王小明']]), staff);
    expect(early.error?.licheng?.code).toBe('wg-attendance-not-held');
    const held = await saveTraining(t, { id: planned.id, kind: 'student', title: '學生訓練', plannedDate: '2026-10-01', heldDate: '2026-10-01', attendanceCount: 5 });
    const bad = await t.upload('working-group.trainings.importAttendance', attendanceForm(held.id, [['班級', '姓名'], ['101', '王小明'], ['101', ''], ['', ''], ['102', '陳小華'], ['101', '王小明']]), staff);
    expect(bad.error).toBeNull();
    expect(bad.data).toMatchObject({ committed: false, rows: 4, attendees: 2, training: null });
    expect(bad.data.issues.map((i: any) => [i.row, i.column, i.code, i.message])).toEqual([
      [3, '姓名', 'import-value-required', '「姓名」為必填'],
      [6, '姓名', 'import-duplicate-row', '與第 2 列重複（王小明，101）'],
    ]);
    expect((await list()).trainings[0]).toMatchObject({ attendanceCount: 5, attendanceSource: 'count' });
    const noHeader = await t.upload('working-group.trainings.importAttendance', attendanceForm(held.id, [['名字'], ['王小明']]), staff);
    expect(noHeader.data.issues.map((i: any) => i.code)).toEqual(['import-header-missing']);
    const dry = await t.upload('working-group.trainings.importAttendance', attendanceForm(held.id, [['班級', '姓名'], ['101', '王小明'], ['102', '陳小華']], true), staff);
    expect(dry.data).toMatchObject({ committed: false, attendees: 2, issues: [] });
    const done = await t.upload('working-group.trainings.importAttendance', attendanceForm(held.id, [['班級', '姓名'], ['101', '王小明'], ['102', '陳小華'], ['102', '王小明']]), staff);
    expect(done.data).toMatchObject({ committed: true, attendees: 3, issues: [] });
    expect(done.data.training).toMatchObject({ attendanceCount: 3, attendanceSource: 'sheet', attendees: [{ name: '王小明', group: '101' }, { name: '陳小華', group: '102' }, { name: '王小明', group: '102' }] });
    // Saving the training again without a count keeps the imported list.
    const kept = await saveTraining(t, { id: held.id, kind: 'student', title: '學生選課輔導訓練', heldDate: '2026-10-01' });
    expect(kept).toMatchObject({ title: '學生選課輔導訓練', attendanceCount: 3, attendanceSource: 'sheet' });
    const audit = await t.db.kysely.selectFrom('audit_log').select('action').where('entity_id', '=', held.id).execute();
    expect(audit.map((a) => a.action)).toContain('working-group.training.attendance-import');
  });
});
