import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { outcomeRosterColumns } from '@licheng/core';
import { newId } from '@licheng/db';
import { testDialects } from '@licheng/db/testing';
import { createTestLicheng, seedRoster, setTestSchedule, testRoster, users, type TestLicheng, type TestUser } from '@licheng/server/testing';
import registry from './index.ts';
import { ROSTER_WINDOWS } from './test-support.ts';
import { rosterBirthDate } from './roster-export.ts';

interface Outcome {
  student: string;
  course: string;
  status?: 'pending' | 'passed' | 'failed';
  selected?: boolean;
  semester?: number;
  summary?: string;
  document?: string;
  media?: string;
}

describe.each(testDialects())('registry.rosters.export on %s', (dialect) => {
  let t: TestLicheng;
  afterEach(async () => t?.close());

  const db = () => t.db.kysely as any;

  async function file(name: string): Promise<string> {
    const id = newId();
    await db().insertInto('stored_files').values({ id, school_code: t.config.code, sha256: 'f'.repeat(64), size: 10, type: name.endsWith('.mp4') ? 'mp4' : 'pdf', original_name: name, created_by: 's', created_at: '2025-10-01T00:00:00.000Z' }).execute();
    return id;
  }

  /** Outcomes entered, certified and selected directly: this office reads them, another office makes them. */
  async function seedOutcomes(courseIds: Record<string, string>, outcomes: Outcome[]) {
    const students = new Map((await db().selectFrom('students').select(['id', 'student_no']).execute()).map((s: any) => [s.student_no, s.id]));
    let n = 0;
    for (const o of outcomes) {
      const id = newId();
      const at = `2025-10-01T00:00:${String(n++).padStart(2, '0')}.000Z`;
      await db()
        .insertInto('records')
        .values({
          id,
          school_code: t.config.code,
          kind: 'outcome',
          student_id: students.get(o.student),
          course_id: courseIds[o.course],
          academic_year: 114,
          semester: o.semester ?? 1,
          summary: o.summary ?? `${o.course}成果`,
          data: '{}',
          document_file_id: o.document ? await file(o.document) : null,
          media_file_id: o.media ? await file(o.media) : null,
          status: o.status ?? 'passed',
          status_reason: null,
          decided_by: null,
          decided_by_name: null,
          decided_role: null,
          decided_at: null,
          entered_by: 's',
          entered_role: 'student',
          version: 1,
          created_at: at,
          updated_at: at,
        })
        .execute();
      if (o.selected !== false) {
        await db().insertInto('selections').values({ id: newId(), school_code: t.config.code, student_id: students.get(o.student), record_id: id, kind: 'outcome', academic_year: 114, created_at: at }).execute();
      }
    }
  }

  async function download(url: string, user: TestUser): Promise<Response> {
    return t.app.request(url, { headers: { authorization: `Bearer ${await t.token(user)}` } });
  }

  it('builds roster 26 with the cover and one row per selected, passed outcome of the term', async () => {
    t = await createTestLicheng({ dialect, plugins: [registry] });
    await setTestSchedule(t, ROSTER_WINDOWS);
    const { courseIds } = await seedRoster(t);
    await db().updateTable('students').set({ division: 'night' }).where('student_no', '=', 'S003').execute();
    await seedOutcomes(courseIds, [
      { student: 'S002', course: '物理', summary: '自由落體實驗影片', media: '實驗.mp4' },
      { student: 'S001', course: '國語文', summary: '紅樓夢人物分析', document: '紅樓夢報告.pdf' },
      { student: 'S001', course: '物理', selected: false },
      { student: 'S002', course: '國語文', status: 'pending' },
      { student: 'S002', course: '國語文', status: 'failed', selected: false },
      { student: 'S001', course: '國語文', semester: 2 },
      { student: 'S003', course: '國語文' },
    ]);

    const res = await t.mutate('registry.rosters.export', { academicYear: 114, semester: 1, kind: 26 }, users.registry);
    expect(res.error).toBeNull();
    expect(res.data).toEqual({
      fileId: expect.any(String),
      fileName: '26_課程學習成果_123456_114_1.xlsx',
      rowCount: 2,
      downloadUrl: `/api/files/${res.data.fileId}?download=1`,
    });

    const got = await download(res.data.downloadUrl, users.registry);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-disposition')).toContain('attachment');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await got.arrayBuffer());
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['封面', '課程學習成果']);
    const values = (sheet: ExcelJS.Worksheet) => sheet.getSheetValues().slice(1).map((row) => (row as unknown[]).slice(1));
    expect(values(workbook.worksheets[0]!)).toEqual([
      ['學校代碼', '123456'],
      ['學年度', 114],
      ['學期', 1],
      ['名冊別', 26],
    ]);
    const [chen, lin] = testRoster.students;
    const [chinese, physics] = testRoster.courses;
    expect(values(workbook.worksheets[1]!)).toEqual([
      [...outcomeRosterColumns],
      [chen.nationalId, '0980301', 1, chinese.code, '國語文', 4, 114, 1, '紅樓夢人物分析', '紅樓夢報告.pdf', ''],
      [lin.nationalId, '0980512', 1, physics.code, '物理', 2, 114, 1, '自由落體實驗影片', '', '實驗.mp4'],
    ]);

    const stored = await db().selectFrom('stored_files').selectAll().where('id', '=', res.data.fileId).executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ type: 'xlsx', original_name: '26_課程學習成果_123456_114_1.xlsx', created_by: 'r-staff' });
    expect(await t.storage.exists(stored.sha256)).toBe(true);
    const audit = await db().selectFrom('audit_log').selectAll().execute();
    expect(audit).toMatchObject([{ action: 'roster.export.26', entity: 'stored_file', entity_id: res.data.fileId, actor_role: 'registry-staff' }]);
    expect(JSON.parse(audit[0].after)).toMatchObject({ academicYear: 114, semester: 1, kind: 26, rowCount: 2 });

    // Another registry member may download it; a student may not.
    expect((await download(res.data.downloadUrl, { userId: 'r-2', roles: ['registry-staff'] })).status).toBe(200);
    expect((await download(res.data.downloadUrl, users.chen)).status).toBe(404);
  });

  it('exports an empty roster with its header, refuses unknown kinds and non-registry users', async () => {
    t = await createTestLicheng({ dialect, plugins: [registry] });
    await setTestSchedule(t, ROSTER_WINDOWS);
    const empty = await t.mutate('registry.rosters.export', { academicYear: 113, semester: 2, kind: 26 }, users.registry);
    expect(empty.data).toMatchObject({ rowCount: 0, fileName: '26_課程學習成果_123456_113_2.xlsx' });
    expect((await t.mutate('registry.rosters.export', { academicYear: 114, semester: 1, kind: 99 }, users.registry)).error?.code).toBe('BAD_REQUEST');
    expect((await t.mutate('registry.rosters.export', { academicYear: 114, semester: 3, kind: 26 }, users.registry)).error?.code).toBe('BAD_REQUEST');
    expect((await t.mutate('registry.rosters.export', { academicYear: 114, semester: 1, kind: 26 }, users.wang)).error?.code).toBe('FORBIDDEN');
    expect((await t.mutate('registry.rosters.export', { academicYear: 114, semester: 1, kind: 26 }, users.chen)).error?.code).toBe('FORBIDDEN');
  });
});

describe('rosterBirthDate', () => {
  it('writes the ROC date as 7 digits', () => {
    expect(rosterBirthDate('2009-03-01')).toBe('0980301');
    expect(rosterBirthDate('2011-12-31')).toBe('1001231');
  });
});
