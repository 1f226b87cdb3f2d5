import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { RECORD_KINDS } from '@licheng/core';
import { newId } from '@licheng/db';
import { testDialects } from '@licheng/db/testing';
import { createTestLicheng, seedRoster, setTestSchedule, users, type TestLicheng } from '@licheng/server/testing';
import registry from './index.ts';
import { ROSTER_WINDOWS } from './test-support.ts';

/** What another office keeps that must never reach a roster: 課程諮詢紀錄 (school-only) and 輔導資料 (counseling-only). */
const KEPT_IN_SCHOOL = ['consultation', 'counseling'] as const;

describe.each(testDialects())('roster exports leave out what never leaves the school, on %s', (dialect) => {
  let t: TestLicheng;
  afterEach(async () => t?.close());

  const db = () => t.db.kysely as any;

  /** A passed record of `kind` for the student, in 114-1 on a course, selected — as close to a roster row as a record can be. */
  async function record(kind: string, studentId: string, courseId: string, summary: string, enteredRole: string) {
    const id = newId();
    const at = '2025-10-01T00:00:00.000Z';
    await db()
      .insertInto('records')
      .values({ id, school_code: t.config.code, kind, student_id: studentId, course_id: courseId, academic_year: 114, semester: 1, summary, data: JSON.stringify({ note: summary }), document_file_id: null, media_file_id: null, status: 'passed', status_reason: null, decided_by: null, decided_by_name: null, decided_role: null, decided_at: null, entered_by: 'x', entered_role: enteredRole, version: 1, created_at: at, updated_at: at })
      .execute();
    await db().insertInto('selections').values({ id: newId(), school_code: t.config.code, student_id: studentId, record_id: id, kind, academic_year: 114, created_at: at }).execute();
    return id;
  }

  /** Every cell of every sheet of the exported workbook, as text. */
  async function exportedCells(): Promise<{ rowCount: number; cells: string[] }> {
    const res = await t.mutate('registry.rosters.export', { academicYear: 114, semester: 1, roster: 'outcomes' }, users.registry);
    expect(res.error).toBeNull();
    const got = await t.app.request(res.data.downloadUrl, { headers: { authorization: `Bearer ${await t.token(users.registry)}` } });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await got.arrayBuffer());
    const cells: string[] = [];
    for (const sheet of workbook.worksheets) sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value))));
    return { rowCount: res.data.rowCount, cells };
  }

  it('writes the selected outcomes and never a consultation note or counseling data of the same students and term', async () => {
    expect(KEPT_IN_SCHOOL.map((k) => RECORD_KINDS[k].visibility)).toEqual(['school-only', 'counseling-only']);
    t = await createTestLicheng({ dialect, plugins: [registry] });
    await setTestSchedule(t, ROSTER_WINDOWS);
    const { courseIds } = await seedRoster(t);
    const students = (await db().selectFrom('students').select(['id', 'student_no']).orderBy('student_no').execute()) as Array<{ id: string }>;
    const course = courseIds['國語文']!;
    await record('outcome', students[0]!.id, course, '紅樓夢人物分析', 'student');
    await record('consultation', students[0]!.id, course, '諮詢祕密：家庭經濟困難', 'course-consultant');
    await record('counseling', students[0]!.id, course, '輔導祕密：情緒困擾', 'student');
    await record('counseling', students[1]!.id, course, '輔導祕密：人際關係', 'counseling-staff');

    const { rowCount, cells } = await exportedCells();
    expect(rowCount).toBe(1);
    expect(cells).toContain('紅樓夢人物分析');
    expect(cells.filter((c) => c.includes('祕密'))).toEqual([]);
  });
});
