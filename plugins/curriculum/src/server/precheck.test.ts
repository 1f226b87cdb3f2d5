import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { testDialects } from '@licheng/db/testing';
import { upsertCourses } from '@licheng/server';
import type { TestLicheng, TestUser } from '@licheng/server/testing';
import { CHINESE, curriculumApp, importPlan, matchingPlan, PHYSICS, planRow, PROJECT, registry, staff } from './test-support.ts';

const TERM = { academicYear: 114, semester: 1 };
const UNKNOWN = '108123456E22L0109010901';
const GROUP_B = '108123456E22L01B5010701';

describe.each(testDialects())('pre-check on %s', (dialect) => {
  let t: TestLicheng;
  afterEach(async () => t?.close());
  const get = async (path: string, user?: TestUser) => t.app.request(path, { headers: user ? { authorization: `Bearer ${await t.token(user)}` } : {} });

  async function addOfferings(rows: Array<{ code: string; subjectName: string; gradeLevel: number; credits: number; className: string }>) {
    await upsertCourses(t.db.kysely as any, t.config.code, rows.map((r) => ({ ...r, academicYear: 114, semester: 1, teacherNos: ['T001'] })) as any, t.clock.now);
  }

  it('finds nothing when the offerings and enrolments follow the plan', async () => {
    ({ t } = await curriculumApp(dialect));
    await importPlan(t, matchingPlan());
    const run = await t.mutate('curriculum.precheck.run', TERM, staff);
    expect(run.error).toBeNull();
    expect(run.data).toMatchObject({ academicYear: 114, semester: 1, differenceCount: 0, planVersions: [{ planYear: 114, version: 1 }], ranByName: '教學組 林組長' });
  });

  it('reports each kind of 「不同」 with what differs and who fixes it', async () => {
    ({ t } = await curriculumApp(dialect));
    await importPlan(t, [planRow(CHINESE, '國語文', '344400'), planRow(PHYSICS, '基礎物理', '220000'), planRow(PROJECT, '專題實作', '200000'), planRow(GROUP_B, '程式設計', '200000')]);
    await addOfferings([
      { code: UNKNOWN, subjectName: '未報部課程', gradeLevel: 1, credits: 2, className: '101' },
      { code: GROUP_B, subjectName: '程式設計', gradeLevel: 1, credits: 2, className: '101' },
      { code: CHINESE, subjectName: '國語文', gradeLevel: 2, credits: 4, className: '201' },
    ]);
    expect((await t.mutate('curriculum.classGroups.set', { academicYear: 114, className: '101', classGroup: 'a' }, staff)).data).toMatchObject({ classGroup: 'A' });
    const run = await t.mutate('curriculum.precheck.run', TERM, staff);
    expect(run.error).toBeNull();
    const list = await t.query('curriculum.precheck.differences', { runId: run.data.id }, staff);
    const seen = list.data.map((d: any) => [d.kind, d.className, d.code, d.expected, d.found, d.fixer, d.studentNo]);
    expect(seen).toEqual(expect.arrayContaining([
      ['credits', '101', CHINESE, '3', '4', 'curriculum', null],
      ['subject-name', '101', PHYSICS, '基礎物理', '物理', 'curriculum', null],
      ['unknown-code', '101', UNKNOWN, '', UNKNOWN, 'curriculum', null],
      ['class-group', '101', GROUP_B, 'A', 'B', 'curriculum', null],
      ['class-group', '101', '', 'B', 'A', 'curriculum', null],
      ['plan-missing', '201', CHINESE, '113', '', 'curriculum', null],
      ['required-missing', '101', PROJECT, PROJECT, '', 'registry', 'S001'],
      ['required-missing', '101', PROJECT, PROJECT, '', 'registry', 'S002'],
      ['required-missing', '101', PROJECT, PROJECT, '', 'registry', 'S003'],
    ]));
    expect(seen).toHaveLength(9);
    expect(run.data.differenceCount).toBe(9);

    const forRegistry = await t.query('curriculum.precheck.differences', { runId: run.data.id, fixer: 'registry' }, registry);
    expect(forRegistry.data.map((d: any) => d.studentName)).toEqual(['陳小明', '林小華', '張小英']);
    const credits = await t.query('curriculum.precheck.differences', { runId: run.data.id, kind: 'credits' }, staff);
    expect(credits.data).toHaveLength(1);

    // The Excel export: a row per 「不同」 with the kind, the expected and found values and who fixes it.
    const res = await get(`/api/curriculum/precheck/export.xlsx?runId=${run.data.id}`, registry);
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await res.arrayBuffer()) as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect((sheet.getRow(3).values as unknown[]).slice(1)).toEqual(['結果', '項目', '班級', '課程代碼', '科目名稱', '學號', '姓名', '應為（課程計畫）', '實際', '負責處室']);
    const rows: unknown[][] = [];
    sheet.eachRow((row, n) => n > 3 && rows.push((row.values as unknown[]).slice(1)));
    expect(rows).toHaveLength(9);
    expect(rows).toContainEqual(['不同', '該學期學分不同', '101', CHINESE, '國語文', '', '', '3', '4', '教學組']);
    expect(rows).toContainEqual(['不同', '必修課程未修', '101', PROJECT, '專題實作', 'S002', '林小華', PROJECT, '', '註冊組']);
  });

  it('tracks the first run against the 4-week rule and warns when the plan changed after the last run', async () => {
    ({ t } = await curriculumApp(dialect));
    t.clock.now = new Date('2025-08-10T02:00:00Z');
    const before = await t.query('curriculum.precheck.status', TERM, staff);
    expect(before.data).toMatchObject({ semesterStart: '2025-08-01', deadline: '2025-08-28', firstRun: 'pending', firstRunAt: null, cohorts: [{ planYear: 114, version: null }] });
    t.clock.now = new Date('2025-09-01T02:00:00Z');
    expect((await t.query('curriculum.precheck.status', TERM, staff)).data.firstRun).toBe('overdue');

    t.clock.now = new Date('2025-08-20T02:00:00Z');
    await importPlan(t, matchingPlan());
    t.clock.now = new Date('2025-08-21T02:00:00Z');
    await t.mutate('curriculum.precheck.run', TERM, staff);
    t.clock.now = new Date('2025-09-15T02:00:00Z');
    await importPlan(t, [...matchingPlan(), planRow(PROJECT, '專題實作', '200000')]);
    const after = await t.query('curriculum.precheck.status', TERM, registry);
    expect(after.data).toMatchObject({ firstRun: 'on-time', firstRunAt: '2025-08-21T02:00:00.000Z', planChangedSince: [{ planYear: 114, version: 2 }], cohorts: [{ planYear: 114, version: 2 }] });

    t.clock.now = new Date('2025-09-16T02:00:00Z');
    const rerun = await t.mutate('curriculum.precheck.run', TERM, staff);
    expect(rerun.data.planVersions).toEqual([{ planYear: 114, version: 2 }]);
    const now = await t.query('curriculum.precheck.status', TERM, staff);
    expect(now.data.planChangedSince).toEqual([]);
    expect(now.data.runs.map((r: any) => r.differenceCount)).toEqual([3, 0]);
  });

  it('calls a first run after the 4 weeks late', async () => {
    ({ t } = await curriculumApp(dialect));
    await importPlan(t, matchingPlan());
    await t.mutate('curriculum.precheck.run', TERM, staff); // the harness clock: 2025-10-01
    expect((await t.query('curriculum.precheck.status', TERM, staff)).data.firstRun).toBe('late');
  });
});
