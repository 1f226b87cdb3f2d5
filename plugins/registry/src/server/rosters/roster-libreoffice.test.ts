import { afterEach, describe, expect, it } from 'vitest';
import { COVER_SHEET, coverValues, knownRosterNumbers, rosterLayout, rosterNumberIfSet, sheetColumns, type RosterBatch, type RosterId, type RosterNumberSettings } from '@licheng/core';
import { newId } from '@licheng/db';
import { testDialects } from '@licheng/db/testing';
import curriculum from '@licheng/plugin-curriculum/server';
import { createTestLicheng, openInLibreOffice, setTestSchedule, users, type CalcSheet, type TestLicheng } from '@licheng/server/testing';
import registry from '../index.ts';
import { seedGradeRoster } from '../grades/grade-test-support.ts';
import { ROSTER_WINDOWS } from '../test-support.ts';
import { ROSTER_BUILDERS } from './builders.ts';
import { CODES, seedGrades } from './grade-roster-test-support.ts';

const { chinese: C, physics: P } = CODES;
const PRECHECK_WINDOW = { activity: 'pre-check', academicYear: 114, semester: 1, start: '2025-08-01', end: '2025-10-31' };
const REASON = '待處理原因';
/** A 成果簡述 with a comma, quotes and a line break: LibreOffice must read it as one cell. */
const SUMMARY = '紅樓夢人物分析，"賈寶玉"\n與林黛玉';

/** Every roster and batch the registry builds (ROSTER_BUILDERS × its batches). */
const EXPORTS = ROSTER_BUILDERS.flatMap((b) => b.batches.map((batch) => ({ roster: b.roster, batch })));

/** A 名冊別 for each batch no source numbers, from the numbers no source uses (they are school settings). */
function settingNumbers(): RosterNumberSettings {
  const free = Array.from({ length: 99 }, (_, i) => i + 1).filter((n) => !knownRosterNumbers().some((k) => k.value === n));
  const numbers: Partial<Record<RosterId, Partial<Record<RosterBatch, number>>>> = {};
  for (const { roster, batch } of EXPORTS) {
    if (rosterNumberIfSet(rosterLayout(roster), batch) === null) (numbers[roster] ??= {})[batch] = free.shift()!;
  }
  return numbers;
}

/** 學生資料名冊's columns for a student, every one filled. */
const ROSTER_FIELDS = { genderCode: '1', groupCode: '22', divisionCode: 'D', classKind: '1', specialStatus: '0', indigenousTribe: '0', indigenousStatus: '0', languageDialect: '無', languageExamYear: '113', languageValidUntil: '1140731', experimentalClass: '數理實驗班', admissionMethod: '5', enrolmentStatus: '1' };

/**
 * The "done when": every roster, exported, opens in LibreOffice with the right sheets and
 * columns. Each roster and batch is exported through the procedure with at least one data row,
 * then all the files are opened by one headless LibreOffice Calc and what it reads is compared
 * with the layout (core roster-layouts): sheet names in order, each header row, the cover's two
 * rows, and every row as wide as its header — and the `(缺)` workbooks likewise.
 */
describe.each(testDialects())('every roster opened in LibreOffice on %s', (dialect) => {
  let t: TestLicheng;
  afterEach(async () => t?.close());
  const db = () => t.db.kysely as any;

  /**
   * S001 grade 12 (day), S002 grade 10 (day), S003 grade 12 (進修部): so the regular rosters and
   * grade 12's batches of both divisions each have a row of every kind of record they carry.
   */
  async function seedAll() {
    await seedGradeRoster(t);
    await db().updateTable('students').set({ division: 'night', grade: 3 }).where('student_no', '=', 'S003').execute();
    await db().updateTable('students').set({ grade: 3 }).where('student_no', '=', 'S001').execute();
    await db().updateTable('students').set({ department_code: '301', roster_fields: JSON.stringify(ROSTER_FIELDS) }).execute();
    const students = new Map<string, string>((await db().selectFrom('students').select(['id', 'student_no']).execute()).map((s: any) => [s.student_no, s.id]));
    const courses = new Map<string, string>((await db().selectFrom('courses').select(['id', 'code']).execute()).map((c: any) => [c.code, c.id]));
    const at = '2025-10-01T00:00:00.000Z';
    const record = async (student: string, kind: string, values: { course?: string; data?: object; summary: string; enteredRole: string; selected?: string }) => {
      const id = newId();
      await db()
        .insertInto('records')
        .values({
          id, school_code: t.config.code, kind, student_id: students.get(student), course_id: values.course ? courses.get(values.course) : null, academic_year: 114, semester: 1,
          summary: values.summary, data: JSON.stringify(values.data ?? {}), document_file_id: null, media_file_id: null, status: 'passed', status_reason: null,
          decided_by: null, decided_by_name: null, decided_role: null, decided_at: null, entered_by: 'x', entered_role: values.enteredRole, version: 1, created_at: at, updated_at: at,
        })
        .execute();
      if (values.selected) await db().insertInto('selections').values({ id: newId(), school_code: t.config.code, student_id: students.get(student), record_id: id, kind: values.selected, academic_year: 114, created_at: at }).execute();
    };
    // 課程學習成果 (26 / 36 / 76 day, 28 / 38 / 78 進修部); a summary with a comma, quotes and a line break.
    await record('S001', 'outcome', { course: C, summary: SUMMARY, enteredRole: 'student', selected: 'outcome' });
    await record('S001', 'outcome', { course: P, summary: '自由落體實驗', enteredRole: 'student', selected: 'outcome' });
    await record('S003', 'outcome', { course: C, summary: '夜間部讀書報告', enteredRole: 'student', selected: 'outcome' });
    // Kept back for the office (the (缺) workbook): an outcome with no course, a cadre with no 擔任職務.
    await record('S002', 'outcome', { summary: '未連結課程的成果', enteredRole: 'student', selected: 'outcome' });
    // 校內幹部經歷 (24 / 34 / 74) and 多元表現 (25 / 35 / 75).
    await record('S001', 'cadre', { data: { unit: '學生會', startDate: '2025-09-01', endDate: '2026-01-31', position: '會長', level: '1' }, summary: '', enteredRole: 'activities-staff' });
    await record('S002', 'cadre', { data: { unit: '101班', startDate: '2025-09-01', level: '2' }, summary: '', enteredRole: 'activities-staff' });
    await record('S001', 'performance-service', { data: { name: '淨灘', unit: '海巡署', startDate: '2025-09-06', endDate: '2025-09-06', hours: 4 }, summary: '清理海灘', enteredRole: 'student', selected: 'performance' });
    // 學生成績, 重修重讀 and 進修部成績 (the numbers are school settings); the night grade also gives 28 its 修課節數.
    await seedGrades(t, [
      { student: 'S001', code: C, take: 'term', score: '82' },
      { student: 'S002', code: P, take: 'retake', score: '64', context: { originalYear: 113, originalSemester: 1, method: '3' } },
      { student: 'S002', code: C, take: 'repeat-year', score: '70', context: { repeatMark: 2, retakeScore: 66, retakePassed: 1 } },
      { student: 'S003', code: C, take: 'night', score: '77', context: { periods: 4, yearScore: 76, yearPassed: 1 } },
    ]);
    // 預檢成績 41 / 42: the term's enrolments, named by the curriculum office's current course plan.
    await db().insertInto('curriculum_plan_versions').values({ id: 'plan-1', school_code: t.config.code, plan_year: 114, version: 1, source_name: 'plan.xlsx', source_sha256: 'a'.repeat(64), line_count: 2, imported_by: 'c', imported_by_name: '教學組長', imported_at: at }).execute();
    for (const [code, name] of [[C, '國語文'], [P, '物理']] as const) {
      await db()
        .insertInto('curriculum_plan_lines')
        .values({ id: newId(), school_code: t.config.code, version_id: 'plan-1', code, course_type: '日', subject_name: name, credits: '440000', offering_modes: '------', attributes: code.charAt(16) + code.charAt(18) + code.slice(19, 21), entry_year: 108, class_group: '0', category: code.charAt(16), subject_attribute: code.charAt(18), domain: code.slice(19, 21) })
        .execute();
    }
  }

  async function download(url: string): Promise<Uint8Array> {
    const got = await t.app.request(url, { headers: { authorization: `Bearer ${await t.token(users.registry)}` } });
    expect(got.status).toBe(200);
    return new Uint8Array(await got.arrayBuffer());
  }

  /** Header and data rows of a non-cover sheet: the header is `columns`, every row as wide, and how many data rows. */
  function dataRows(sheet: CalcSheet, columns: string[], label: string): number {
    expect(sheet.rows[0], `${label}: header row`).toEqual(columns);
    for (const [i, row] of sheet.rows.entries()) expect(row, `${label}: row ${i + 1} width`).toHaveLength(columns.length);
    return sheet.rows.length - 1;
  }

  it('exports every roster and batch, and LibreOffice reads the layout’s sheets, in order, with their header rows and the cover', { timeout: 120_000 }, async () => {
    t = await createTestLicheng({ dialect, plugins: [registry, curriculum], config: { rosters: { numbers: settingNumbers() } } });
    await setTestSchedule(t, [...ROSTER_WINDOWS, PRECHECK_WINDOW]);
    await seedAll();

    const exported = [];
    for (const { roster, batch } of EXPORTS) {
      const res = await t.mutate('registry.rosters.export', { academicYear: 114, semester: 1, roster, batch }, users.registry);
      expect(res.error, `${roster} ${batch}`).toBeNull();
      expect(res.data.rowCount, `${roster} ${batch}: rows`).toBeGreaterThan(0);
      exported.push({ roster, batch, result: res.data, bytes: await download(res.data.downloadUrl), review: res.data.review ? await download(res.data.review.downloadUrl) : null });
    }
    expect(exported).toHaveLength(20);

    const reviews = exported.filter((e) => e.review);
    expect(reviews.map((e) => e.result.kind)).toEqual([26, 24]);
    const opened = await openInLibreOffice([...exported.map((e) => e.bytes), ...reviews.map((e) => e.review!)]);

    for (const [i, { roster, batch, result }] of exported.entries()) {
      const label = `${result.fileName} (${roster} ${batch})`;
      const layout = rosterLayout(roster);
      const sheets = opened[i]!;
      expect(sheets.map((s) => s.name), `${label}: sheets`).toEqual([COVER_SHEET, ...layout.sheets.map((s) => s.name)]);
      expect(sheets[0]!.rows, `${label}: cover`).toEqual([[...layout.cover], coverValues(layout, t.config.code, 114, 1, result.kind).map(String)]);
      let rows = 0;
      for (const [j, sheet] of layout.sheets.entries()) rows += dataRows(sheets[j + 1]!, sheetColumns(sheet), `${label} ${sheet.name}`);
      expect(rows, `${label}: data rows`).toBe(result.rowCount);
    }

    const outcomes = opened[exported.findIndex((e) => e.result.kind === 26)]!;
    expect(outcomes[1]!.rows.map((row) => row.at(-1))).toEqual(['成果簡述', SUMMARY, '自由落體實驗']);

    // The office's (缺) workbooks: no cover, each sheet a layout sheet's name with (缺), its columns and the reason.
    for (const [i, { roster, batch, result }] of reviews.entries()) {
      const label = `${result.review!.fileName} (${roster} ${batch})`;
      const layout = rosterLayout(roster);
      const sheets = opened[exported.length + i]!;
      const names = sheets.map((s) => s.name);
      expect(new Set(names).size, `${label}: sheets`).toBe(names.length);
      let rows = 0;
      for (const sheet of sheets) {
        const of = layout.sheets.find((s) => `${s.name}(缺)` === sheet.name);
        expect(of, `${label}: sheet ${sheet.name}`).toBeDefined();
        rows += dataRows(sheet, [...sheetColumns(of!), REASON], `${label} ${sheet.name}`);
      }
      expect(rows, `${label}: data rows`).toBe(result.review!.rowCount);
    }
  });
});
