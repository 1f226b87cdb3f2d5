import { afterEach, describe, expect, it } from 'vitest';
import { testDialects } from '@licheng/db/testing';
import { createTestLicheng, type TestLicheng } from '@licheng/server/testing';
import registry from '../index.ts';
import { gradeCodes, gradeRow, gradeHeader, importGrades, registryUser, seedGradeRoster, termGrades } from './grade-test-support.ts';

describe.each(testDialects())('grade imports on %s', (dialect) => {
  let t: TestLicheng;
  afterEach(async () => t?.close());

  async function setup() {
    t = await createTestLicheng({ dialect, plugins: [registry] });
    await seedGradeRoster(t);
  }
  const grades = () => (t.db.kysely as any).selectFrom('course_grades').selectAll().orderBy('take').orderBy('course_code').execute();

  it('keeps a 轉學轉科 row’s 修課節數 when given (進修部 轉學轉科成績 needs it)', async () => {
    await setup();
    const row = { 學號: 'S003', 學年度: 114, 學期: 1, 成績類別: '轉學轉科', 課程代碼: gradeCodes.physics, 學期學業成績: 70, 成績及格: 1, 是否採計學分: 1, 學籍異動代碼: '121', 對應學年度: 113, 對應學期: 2, 原修課學校代碼: '011301', 修課節數: 3 };
    expect((await importGrades(t, [gradeHeader, gradeRow(row)])).data).toMatchObject({ ok: true, counts: { inserted: 1 } });
    const [stored] = await grades();
    expect(JSON.parse(stored.context_json)).toEqual({ statusCode: '121', transferIdentity: 1, mappedYear: 113, mappedSemester: 2, originalSchool: '011301', periods: 3 });
  });

  it('imports a term with make-up, retake, repeat-year, transfer, borrowed and night rows, each with its context, audited', async () => {
    await setup();
    const res = await importGrades(t, termGrades);
    expect(res.error).toBeNull();
    expect(res.data).toMatchObject({ ok: true, kind: 'grades', totalRows: 10, counts: { inserted: 10, updated: 0, unchanged: 0 }, issues: [] });
    const stored = await grades();
    expect(stored.map((g: any) => g.take).sort()).toEqual(['borrowed', 'make-up', 'night', 'repeat-year', 'retake', 'term', 'term', 'term', 'term', 'transfer']);
    const transfer = stored.find((g: any) => g.take === 'transfer');
    expect(JSON.parse(transfer.context_json)).toEqual({ statusCode: '111', transferIdentity: 1, mappedYear: 113, mappedSemester: 2, originalSchool: '011301' });
    const night = stored.find((g: any) => g.take === 'night');
    expect(JSON.parse(night.context_json)).toMatchObject({ periods: 4, yearScore: 76, firstMakeUpScore: -1 });
    expect(stored.find((g: any) => g.course_code === gradeCodes.nineD).credit_counted).toBe(3);
    const audit = await (t.db.kysely as any).selectFrom('audit_log').select(['action', 'parent_id']).execute();
    expect(audit.filter((a: any) => a.action === 'roster.import.grades')).toHaveLength(1);
    expect(audit.filter((a: any) => a.action === 'grade.insert')).toHaveLength(10);

    const again = await importGrades(t, [gradeHeader, gradeRow({ 學號: 'S003', 學年度: 114, 學期: 1, 課程代碼: gradeCodes.chinese, 學期學業成績: 60, 成績及格: 1, 是否採計學分: 1 })]);
    expect(again.data.counts).toEqual({ inserted: 0, updated: 1, unchanged: 0 });
  });

  it('refuses the whole file for bad rows, unknown codes, the 9 + D rule and kept-out rows, writing nothing', async () => {
    await setup();
    const unknownCode = '108123456E22L0101020099';
    const res = await importGrades(t, [
      ...termGrades,
      gradeRow({ 學號: 'S001', 學年度: 114, 學期: 1, 課程代碼: unknownCode, 學期學業成績: 70, 成績及格: 1, 是否採計學分: 1 }),
      gradeRow({ 學號: 'S002', 學年度: 114, 學期: 1, 課程代碼: gradeCodes.nineD, 學期學業成績: 70, 成績及格: 1, 是否採計學分: 1 }),
      gradeRow({ 學號: 'S003', 學年度: 114, 學期: 1, 課程代碼: gradeCodes.groupActivity, 學期學業成績: 70, 成績及格: 1, 是否採計學分: 1 }),
      gradeRow({ 學號: 'S999', 學年度: 114, 學期: 1, 課程代碼: gradeCodes.physics, 學期學業成績: 70, 成績及格: 7, 是否採計學分: 1 }),
      gradeRow({ 學號: 'S999', 學年度: 114, 學期: 1, 課程代碼: gradeCodes.physics, 學期學業成績: 70, 成績及格: 1, 是否採計學分: 1 }),
      gradeRow({ 學號: 'S001', 學年度: 114, 學期: 1, 成績類別: '轉學轉科', 課程代碼: gradeCodes.physics, 學期學業成績: 70, 成績及格: 1, 是否採計學分: 1, 學籍異動代碼: '999', 對應學年度: 113, 對應學期: 1, 原修課學校代碼: '011301' }),
    ]);
    expect(res.data.ok).toBe(false);
    expect(res.data.issues.map((i: any) => [i.row, i.column, i.code])).toEqual([
      [12, '課程代碼', 'grade-course-unknown'],
      [13, '是否採計學分', 'grade-credit-9d'],
      [14, '課程代碼', 'grade-kept-out'],
      [15, '成績及格', 'import-code-invalid'],
      [16, '學號', 'import-student-unknown'],
      [17, '學籍異動代碼', 'grade-status-code-unknown'],
    ]);
    expect(await grades()).toEqual([]);
  });

  it('lists a term’s grades by the class the students sat in that term', async () => {
    await setup();
    expect((await importGrades(t, termGrades)).data.ok).toBe(true);
    // In 114-1 S003 sat in 102 (seat 9); today all three are in 101.
    expect((await importGrades(t, [['學號', '學年度', '學期', '班級', '座號'], ['S003', 114, 1, '102', 9]], {}, 'placements')).data.ok).toBe(true);
    const list = async (className: string) => (await t.query('registry.grades.list', { academicYear: 114, semester: 1, className, courseCode: gradeCodes.chinese, take: 'term' }, registryUser)).data.rows;
    expect((await list('101')).map((g: any) => g.studentNo)).toEqual(['S001', 'S002']);
    expect((await list('102')).map((g: any) => [g.studentNo, g.className, g.seatNo])).toEqual([['S003', '102', 9]]);
  });

  it('pages a term’s grades: 50 a page, with the total, in class and seat order', async () => {
    await setup();
    // 60 grades of 113-2 written straight to the table: codes need not be on the plan to be paged.
    const db = t.db.kysely as any;
    const students = await db.selectFrom('students').select(['id', 'student_no']).orderBy('student_no').execute();
    const now = new Date().toISOString();
    for (const s of students.slice(0, 3)) {
      for (let n = 1; n <= 20; n++) {
        const code = `108123456E22L01010100${String(n).padStart(2, '0')}`;
        await db.insertInto('course_grades').values({ id: `${s.student_no}-${n}`, school_code: t.config.code, student_id: s.id, academic_year: 113, semester: 2, take: 'term', course_code: code, score: '70', passed: 1, make_up_score: '-1', make_up_passed: -1, credit_counted: 1, description: '', context_json: '{}', created_at: now, updated_at: now }).execute();
      }
    }
    const page = async (n: number) => (await t.query('registry.grades.list', { academicYear: 113, semester: 2, page: n }, registryUser)).data;
    const first = await page(1);
    const second = await page(2);
    expect([first.total, first.pageSize, first.rows.length, second.rows.length]).toEqual([60, 50, 50, 10]);
    expect(first.rows[0].studentNo).toBe('S001');
    expect(second.rows.at(-1).studentNo).toBe('S003');
    const ids = new Set([...first.rows, ...second.rows].map((g: any) => g.id));
    expect(ids.size).toBe(60);
    expect((await page(3)).rows).toEqual([]);
  });

  it('imports status changes and term placements, with unknown students as row issues', async () => {
    await setup();
    const bad = await importGrades(t, [['學號', '異動日期', '異動類別', '學籍異動代碼'], ['S001', '114/11/10', '休學', '411'], ['S009', '114/11/10', '休學', '411'], ['S002', '114/11/10', '開除', '4x1']], {}, 'status-changes');
    expect(bad.data.issues.map((i: any) => [i.row, i.column, i.code])).toEqual([
      [3, '學號', 'import-student-unknown'],
      [4, '異動類別', 'import-code-invalid'],
      [4, '學籍異動代碼', 'import-code-invalid'],
    ]);
    const ok = await importGrades(t, [['學號', '異動日期', '異動類別', '學籍異動代碼', '備註'], ['S001', '114/11/10', '休學', '411', '家庭因素'], ['S001', '115/02/16', '復學', '511', '']], {}, 'status-changes');
    expect(ok.data).toMatchObject({ ok: true, counts: { inserted: 2 } });
    const placed = await importGrades(t, [['學號', '學年度', '學期', '部別', '班級', '座號'], ['S001', 114, 1, '日間部', '101', 1], ['S002', 114, 1, '進修部', '901', 2]], {}, 'placements');
    expect(placed.data).toMatchObject({ ok: true, counts: { inserted: 2 } });

    const history = await t.query('registry.status.history', { studentNo: 'S001' }, registryUser);
    expect(history.data).toMatchObject({ statusToday: 'enrolled', placements: [{ academicYear: 114, semester: 1, division: 'day', className: '101', seatNo: 1 }] });
    expect(history.data.changes.map((c: any) => [c.date, c.kind, c.statusCode])).toEqual([['2025-11-10', 'suspend', '411'], ['2026-02-16', 'resume', '511']]);
  });
});
