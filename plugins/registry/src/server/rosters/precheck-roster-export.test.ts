import { afterEach, describe, expect, it } from 'vitest';
import { newId } from '@licheng/db';
import { testDialects } from '@licheng/db/testing';
import curriculum from '@licheng/plugin-curriculum/server';
import { createTestLicheng, setTestSchedule, testRoster, users, type TestLicheng } from '@licheng/server/testing';
import registry from '../index.ts';
import { seedGradeRoster } from '../grades/grade-test-support.ts';
import { ROSTER_WINDOWS } from '../test-support.ts';
import { CODES, COVER, sheets, workbookAt } from './grade-roster-test-support.ts';

const { chinese: C, physics: P, groupActivity: G } = CODES;
const [chen, lin, chang] = testRoster.students.map((s) => s.nationalId);
const HEADER = ['身分證號', '出生日期', '課程代碼', '科目名稱', '開課年級', '修課學分'];
const PRECHECK_WINDOW = { activity: 'pre-check', academicYear: 114, semester: 1, start: '2025-08-01', end: '2025-10-31' };

/**
 * 預檢成績名冊 41 (day) / 42 (進修部), ROSTERS §2–§3: the grade-roster workbook with only the six
 * course columns, from the term's enrolments and the curriculum office's current course plan
 * (its 報部科目名稱), inside the pre-check window.
 */
describe.each(testDialects())('pre-check rosters 41 / 42 on %s', (dialect) => {
  let t: TestLicheng;
  afterEach(async () => t?.close());
  const db = () => t.db.kysely as any;

  /** S003 in 進修部; S001 also enrolled in 團體活動時間; the 114 plan lists 國語文 (報部 name differs from the offering's) and 團體活動時間, not 物理. */
  async function start(schedule: readonly unknown[]) {
    t = await createTestLicheng({ dialect, plugins: [registry, curriculum] });
    await setTestSchedule(t, schedule);
    await seedGradeRoster(t);
    await db().updateTable('students').set({ division: 'night' }).where('student_no', '=', 'S003').execute();
    const s001 = await db().selectFrom('students').select('id').where('student_no', '=', 'S001').executeTakeFirstOrThrow();
    await db().insertInto('enrolments').values({ id: newId(), school_code: t.config.code, student_id: s001.id, course_id: `c-${G}`, take_kind: 1, created_at: '2025-09-01T00:00:00.000Z' }).execute();
    const at = '2025-08-20T00:00:00.000Z';
    for (const version of [1, 2]) {
      const id = `plan-${version}`;
      await db().insertInto('curriculum_plan_versions').values({ id, school_code: t.config.code, plan_year: 114, version, source_name: 'plan.xlsx', source_sha256: 'a'.repeat(64), line_count: 2, imported_by: 'c', imported_by_name: '教學組長', imported_at: at }).execute();
      for (const [code, name] of [[C, version === 1 ? '舊國文' : '國語文（報部）'], [G, '班級活動']] as Array<[string, string]>) {
        await db()
          .insertInto('curriculum_plan_lines')
          .values({ id: newId(), school_code: t.config.code, version_id: id, code, course_type: '日', subject_name: name, credits: '440000', offering_modes: '------', attributes: code.charAt(16) + code.charAt(18) + code.slice(19, 21), entry_year: 108, class_group: '0', category: code.charAt(16), subject_attribute: code.charAt(18), domain: code.slice(19, 21) })
          .execute();
      }
    }
  }
  const exportOf = (roster: string) => t.mutate('registry.rosters.export', { academicYear: 114, semester: 1, roster }, users.registry);

  it('belongs to the pre-check window, not roster-submission', async () => {
    await start(ROSTER_WINDOWS);
    const res = await exportOf('precheck-day');
    expect(res.error?.licheng).toMatchObject({ code: 'window-unscheduled', params: { activity: 'pre-check' } });
    expect(await db().selectFrom('stored_files').select('id').execute()).toEqual([]);
    const window = await t.query('registry.rosters.window', { academicYear: 114, semester: 1, roster: 'precheck-day' }, users.registry);
    expect(window.data.refusal).toBe('「開課預檢」尚未排定作業期程');
    await setTestSchedule(t, [PRECHECK_WINDOW]);
    expect((await t.query('registry.rosters.window', { academicYear: 114, semester: 1, roster: 'precheck-day' }, users.registry)).data.refusal).toBeNull();
  });

  it('builds 41 for the day division: six columns, 科目名稱 from the current plan, a code the plan lacks kept for 教學組, 團體活動時間 left out', async () => {
    await start([PRECHECK_WINDOW]);
    const res = await exportOf('precheck-day');
    expect(res.error).toBeNull();
    expect(res.data).toMatchObject({
      kind: 41,
      fileName: '41_預檢成績（日間部）_123456_114_1.xlsx',
      rowCount: 2,
      notes: [{ code: 'activity-time-excluded', count: 1 }],
      review: { rowCount: 2 },
    });
    expect(res.data.problems.map((p: any) => [p.code, p.office])).toEqual([
      ['not-in-plan', 'curriculum-staff'],
      ['not-in-plan', 'curriculum-staff'],
    ]);
    const workbook = await workbookAt(t, res.data.downloadUrl);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['封面', '學期成績']);
    expect(sheets(workbook)).toEqual({
      封面: [COVER, ['123456', 114, 1, 41]],
      學期成績: [HEADER, [chen, '0980301', C, '國語文（報部）', 1, 4], [lin, '0980512', C, '國語文（報部）', 1, 4]],
    });
    expect(sheets(await workbookAt(t, res.data.review.downloadUrl))).toEqual({
      '學期成績(缺)': [
        [...HEADER, '待處理原因'],
        [chen, '0980301', P, '', 1, 2, '課程計畫沒有此課程代碼（或尚未匯入該屆課程計畫），無法填報部科目名稱'],
        [lin, '0980512', P, '', 1, 2, '課程計畫沒有此課程代碼（或尚未匯入該屆課程計畫），無法填報部科目名稱'],
      ],
    });
    expect(JSON.stringify(sheets(workbook))).not.toContain(chang);
  });

  it('builds 42 for 進修部 students only', async () => {
    await start([PRECHECK_WINDOW]);
    const res = await exportOf('precheck-night');
    expect(res.error).toBeNull();
    expect(res.data).toMatchObject({ kind: 42, rowCount: 1, review: { rowCount: 1 } });
    expect(sheets(await workbookAt(t, res.data.downloadUrl))).toEqual({
      封面: [COVER, ['123456', 114, 1, 42]],
      學期成績: [HEADER, [chang, '0980730', C, '國語文（報部）', 1, 4]],
    });
  });
});
