import { COURSE_PLAN_COLUMNS } from '@licheng/core';
import { createTestLicheng, seedRoster, setTestSchedule, type TestLicheng, type TestUser } from '@licheng/server/testing';
import { upsertClasses } from '@licheng/server';
import type { DialectName } from '@licheng/db';
import plugin from './index.ts';

export const staff: TestUser = { userId: 'cur-1', name: '教學組 林組長', roles: ['curriculum-staff'] };
export const registry: TestUser = { userId: 'r-staff', name: '註冊組長', roles: ['registry-staff'] };
export const student: TestUser = { userId: 's-chen', name: '陳小明', roles: ['student'] };
export const teacher: TestUser = { userId: 't-wang', name: '王老師', roles: ['subject-teacher'] };

/** The test roster's two 114-1 offerings of class 101 (seedRoster): 國語文 (部定必修) and 物理 (補強性選修). */
export const CHINESE = '108123456E22L0101020005';
export const PHYSICS = '108123456E22L0104010005';
/** A 校訂必修 of grade 1 semester 1 that nobody is enrolled in. */
export const PROJECT = '108123456E22L0102010601';

export type PlanRow = Record<(typeof COURSE_PLAN_COLUMNS)[number], string>;
export const planRow = (code: string, name: string, credits: string, over: Partial<PlanRow> = {}): PlanRow => ({
  實施學年度: '114', 課程類型: '日間部', 課程代碼: code, 科目名稱: name, 授課學期學分節數: credits, 授課學期開課方式: '111111', 課程屬性: '', ...over,
});

/** The plan of 實施學年度 114 that matches the test roster's offerings exactly. */
export const matchingPlan = (): PlanRow[] => [planRow(CHINESE, '國語文', '444400'), planRow(PHYSICS, '物理', '220000')];

/** A plan as CSV text with the sheet's columns. */
export function planCsv(rows: readonly PlanRow[]): string {
  const esc = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return [COURSE_PLAN_COLUMNS.join(','), ...rows.map((r) => COURSE_PLAN_COLUMNS.map((c) => esc(r[c])).join(','))].join('\r\n');
}

/** The platform's JSON shape (ROSTERS.md §6). */
export function planJson(rows: readonly PlanRow[], year = '114'): string {
  return JSON.stringify([{ 實施學年度: Number(year), 課程類型: '日間部', 課程資料: rows.map((r) => ({ 課程代碼: r.課程代碼, 科目名稱: r.科目名稱, 授課學期學分節數: r.授課學期學分節數, 授課學期開課方式: r.授課學期開課方式, 課程屬性: r.課程屬性 })) }]);
}

export function planForm(file: string | Uint8Array, name: string, planYear = 114): FormData {
  const form = new FormData();
  form.set('planYear', String(planYear));
  form.set('file', new File([file as BlobPart], name));
  return form;
}

/** The pre-check window (開課預檢) of 114-1 for everyone, open on the harness's day (2025-10-01). */
export const PRECHECK_WINDOW = { activity: 'pre-check', academicYear: 114, semester: 1, start: '2025-08-01', end: '2026-01-31' } as const;

/** A test app with the curriculum office, the test roster (114-1, class 101), class 101 of 114 and the pre-check window open. */
export async function curriculumApp(dialect: DialectName): Promise<{ t: TestLicheng; courseIds: Record<string, string> }> {
  const t = await createTestLicheng({ dialect, plugins: [plugin] });
  const { courseIds } = await seedRoster(t);
  await setTestSchedule(t, [PRECHECK_WINDOW]);
  await upsertClasses(t.db.kysely as any, t.config.code, [{ academicYear: 114, className: '101', grade: 1, homeroomTeacherNo: 'T001' }] as any, t.clock.now);
  return { t, courseIds };
}

export async function importPlan(t: TestLicheng, rows: readonly PlanRow[], name = 'plan.csv') {
  const res = await t.upload('curriculum.plan.commit', planForm(planCsv(rows), name), staff);
  if (res.error) throw new Error(`import failed: ${res.error.message}`);
  return res.data;
}
