import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { testDialects } from '@licheng/db/testing';
import { createTestLicheng, users, type TestLicheng, type TestUser } from '@licheng/server/testing';
import registry from './index.ts';
import { codes, coursesSheet, csvBytes, enrolmentsSheet, fileOf, importForm, studentsSheet, teachersSheet, xlsxBytes, type Rows } from './test-support.ts';

describe.each(testDialects())('registry.imports on %s', (dialect) => {
  let t: TestLicheng;
  afterEach(async () => t?.close());

  async function setup() {
    t = await createTestLicheng({ dialect, plugins: [registry] });
  }

  const db = () => t.db.kysely as any;
  const run = (kind: string, bytes: Uint8Array, name: string, extra: Record<string, string> = {}, user: TestUser = users.registry) =>
    t.upload('registry.imports.run', importForm(kind, fileOf(bytes, name), extra), user);
  const count = async (table: string) => Number((await db().selectFrom(table).select((eb: any) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const importOk = async (kind: string, rows: Rows) => {
    const res = await run(kind, csvBytes(rows), `${kind}.csv`);
    expect(res.error).toBeNull();
    expect(res.data.ok).toBe(true);
    return res.data;
  };

  it('imports every kind over HTTP from xlsx and CSV in UTF-8 with BOM, UTF-8 and Big5', async () => {
    await setup();
    const teachers = await run('teachers', csvBytes(teachersSheet, 'utf-8'), '教師.csv');
    expect(teachers.data).toMatchObject({ ok: true, kind: 'teachers', format: 'csv', encoding: 'utf-8', totalRows: 2, counts: { inserted: 2, updated: 0, unchanged: 0 }, issues: [] });
    const students = await run('students', await xlsxBytes(studentsSheet), '學生.xlsx');
    expect(students.data).toMatchObject({ ok: true, format: 'xlsx', totalRows: 3, counts: { inserted: 3 } });
    const courses = await run('courses', csvBytes(coursesSheet, 'big5'), '開課.csv');
    expect(courses.data).toMatchObject({ ok: true, encoding: 'big5', counts: { inserted: 3 } });
    const enrolments = await run('enrolments', csvBytes(enrolmentsSheet, 'utf-8-bom'), '修課.csv');
    expect(enrolments.data).toMatchObject({ ok: true, encoding: 'utf-8-bom', counts: { inserted: 4 } });

    const chen = await db().selectFrom('students').selectAll().where('student_no', '=', 'S001').executeTakeFirstOrThrow();
    expect(chen).toMatchObject({ name: '陳小明', national_id: 'A123456789', birth_date: '2009-03-01', grade: 1, class_name: '101', seat_no: 1, division: 'day', host_user_id: 's-chen', school_code: '123456' });
    const lin = await db().selectFrom('students').select(['birth_date']).where('student_no', '=', 'S002').executeTakeFirstOrThrow();
    expect(lin.birth_date).toBe('2009-05-12');
    const math = await db()
      .selectFrom('courses')
      .innerJoin('course_teachers', 'course_teachers.course_id', 'courses.id')
      .innerJoin('teachers', 'teachers.id', 'course_teachers.teacher_id')
      .select(['courses.subject_name', 'teachers.teacher_no'])
      .where('courses.code', '=', codes.math)
      .orderBy('teachers.teacher_no')
      .execute();
    expect(math).toEqual([
      { subject_name: '數學', teacher_no: 'T001' },
      { subject_name: '數學', teacher_no: 'T002' },
    ]);
    const retake = await db()
      .selectFrom('enrolments')
      .innerJoin('students', 'students.id', 'enrolments.student_id')
      .select('enrolments.take_kind')
      .where('students.student_no', '=', 'S003')
      .executeTakeFirstOrThrow();
    expect(retake.take_kind).toBe(2);
    // The imports' own entries; each row they wrote has its entry under them (see audit-trail.test.ts).
    const audit = await db().selectFrom('audit_log').selectAll().where('parent_id', 'is', null).orderBy('at').orderBy('id').execute();
    expect(audit.map((a: any) => a.action)).toEqual(['roster.import.teachers', 'roster.import.students', 'roster.import.courses', 'roster.import.enrolments']);
    expect(audit[1]).toMatchObject({ actor_id: 'r-staff', actor_role: 'registry-staff', entity: 'roster', entity_id: 'students' });
    expect(JSON.parse(audit[1].after)).toMatchObject({ fileName: '學生.xlsx', rowCount: 3, inserted: 3, updated: 0, unchanged: 0 });
  });

  it('reads the same students from xlsx, CSV with BOM, CSV without BOM and Big5 CSV', async () => {
    await setup();
    expect((await run('students', await xlsxBytes(studentsSheet), 'a.xlsx')).data.counts).toEqual({ inserted: 3, updated: 0, unchanged: 0 });
    for (const encoding of ['utf-8-bom', 'utf-8', 'big5'] as const) {
      const res = await run('students', csvBytes(studentsSheet, encoding), 'a.csv');
      expect(res.data, encoding).toMatchObject({ ok: true, encoding, counts: { inserted: 0, updated: 0, unchanged: 3 } });
    }
  });

  it('updates on re-import instead of duplicating', async () => {
    await setup();
    await importOk('students', studentsSheet);
    const changed = [...studentsSheet.slice(0, 2), ['S002', '林小華華', 'B223456782', '98/05/12', 2, '201', 5, '日間部', 's-lin'], studentsSheet[3]!, ['S004', '黃小龍', 'D123456782', '98/09/09', 1, '101', 4, '進修部', '']];
    const res = await run('students', await xlsxBytes(changed), 'b.xlsx');
    expect(res.data).toMatchObject({ ok: true, totalRows: 4, counts: { inserted: 1, updated: 1, unchanged: 2 } });
    expect(await count('students')).toBe(4);
    const lin = await db().selectFrom('students').selectAll().where('student_no', '=', 'S002').executeTakeFirstOrThrow();
    expect(lin).toMatchObject({ name: '林小華華', grade: 2, class_name: '201', seat_no: 5 });
    const huang = await db().selectFrom('students').selectAll().where('student_no', '=', 'S004').executeTakeFirstOrThrow();
    expect(huang).toMatchObject({ division: 'night', host_user_id: 'S004' });
  });

  it('reports every bad row with its number and reason, and writes nothing', async () => {
    await setup();
    const rows: Rows = [
      studentsSheet[0]!,
      studentsSheet[1]!,
      ['S002', '林小華', 'B223456789', '98/05/12', 1, '101', 2, '', ''],
      ['S003', '', 'C123456781', '98/02/30', 1, '101', 3, '', ''],
      ['S004', '黃小龍', 'D123456782', '98/09/09', 5, '101', 4, '夜校', ''],
      ['S001', '重複生', 'E223456785', '98/09/09', 1, '101', 5, '', ''],
      [null, null, null, null, null, null, null, null, null],
    ];
    const res = await run('students', csvBytes(rows), 'bad.csv');
    expect(res.error).toBeNull();
    expect(res.data.ok).toBe(false);
    expect(res.data.counts).toEqual({ inserted: 0, updated: 0, unchanged: 0 });
    expect(res.data.totalRows).toBe(5);
    const found = res.data.issues.map((i: any) => [i.row, i.column, i.code]);
    expect(found).toEqual([
      [3, '身分證號', 'import-national-id-invalid'],
      [4, '姓名', 'import-value-required'],
      [4, '出生日期', 'date-invalid'],
      [5, '年級', 'import-number-invalid'],
      [5, '部別', 'import-division-invalid'],
      [6, '學號', 'import-duplicate-row'],
    ]);
    expect(res.data.issues[0].message).toContain('B223456789');
    expect(res.data.issues[0].message).toMatch(/[\u4e00-\u9fff]/);
    // The same issues worded for a page in English: the screen shows them as they come.
    const english = await t.upload('registry.imports.run', importForm('students', fileOf(csvBytes(rows), 'bad.csv')), users.registry, 'en');
    expect(english.data.issues.map((i: any) => [i.row, i.column, i.code])).toEqual(found);
    expect(english.data.issues[0].message).toBe('The national ID "B223456789" has a wrong format or check digit.');
    expect(await count('students')).toBe(0);
    expect(await count('audit_log')).toBe(0);

    const noHeader = await run('students', csvBytes([['學號', '姓名'], ['S001', '王']]), 'x.csv');
    expect(noHeader.data.ok).toBe(false);
    expect(noHeader.data.issues.map((i: any) => i.column)).toEqual(['身分證號', '出生日期', '年級', '班級', '座號']);
    expect(noHeader.data.issues.every((i: any) => i.code === 'import-header-missing' && i.row === 1)).toBe(true);
  });

  it('reports unknown teachers, students and course offerings by row before writing', async () => {
    await setup();
    await importOk('teachers', teachersSheet);
    const courses = await run('courses', csvBytes([...coursesSheet.slice(0, 2), [114, 1, codes.physics, '物理', 1, 2, '101', 'T002、T999']]), 'c.csv');
    expect(courses.data.ok).toBe(false);
    expect(courses.data.issues).toMatchObject([{ row: 3, column: '授課教師代號', code: 'import-teacher-unknown', params: { value: 'T999' } }]);
    expect(await count('courses')).toBe(0);

    await importOk('students', studentsSheet);
    await importOk('courses', coursesSheet);
    const enrolments = await run(
      'enrolments',
      csvBytes([enrolmentsSheet[0]!, ['S999', 114, 1, codes.chinese, '101', 1], enrolmentsSheet[2]!, ['S002', 114, 2, codes.chinese, '101', 1], ['S002', 114, 1, codes.chinese, '', 1]]),
      'e.csv',
    );
    expect(enrolments.data.ok).toBe(false);
    expect(enrolments.data.issues.map((i: any) => [i.row, i.column, i.code])).toEqual([
      [2, '學號', 'import-student-unknown'],
      [4, '課程代碼', 'import-course-unknown'],
      [5, '課程代碼', 'import-course-unknown'],
    ]);
    expect(await count('enrolments')).toBe(0);
  });

  it("reports course and enrolment rows whose course code's school part (characters 4–9) is another school's", async () => {
    await setup();
    const otherSchool = codes.chinese.replace('123456', '654321');
    await importOk('teachers', teachersSheet);
    const courses = await run('courses', csvBytes([...coursesSheet.slice(0, 2), [114, 1, otherSchool, '國語文', 1, 4, '102', 'T001']]), 'c.csv');
    expect(courses.data.ok).toBe(false);
    expect(courses.data.issues).toMatchObject([{ row: 3, column: '課程代碼', code: 'import-course-other-school', params: { code: otherSchool, school: '654321' } }]);
    expect(await count('courses')).toBe(0);

    await importOk('students', studentsSheet);
    await importOk('courses', coursesSheet);
    const enrolments = await run('enrolments', csvBytes([enrolmentsSheet[0]!, enrolmentsSheet[1]!, ['S002', 114, 1, otherSchool, '101', 1]]), 'e.csv');
    expect(enrolments.data.ok).toBe(false);
    // The specific reason only: another school's course can never be imported here first.
    expect(enrolments.data.issues).toMatchObject([{ row: 3, column: '課程代碼', code: 'import-course-other-school', params: { code: otherSchool, school: '654321' } }]);
    expect(await count('enrolments')).toBe(0);
  });

  it('refuses a file of more than 50,000 data rows before checking or writing any', async () => {
    await setup();
    const lines = Array.from({ length: 50_001 }, (_, i) => `T${i},老師${i}`).join('\n');
    const res = await run('teachers', new TextEncoder().encode(`教師代號,姓名\n${lines}\n`), 'big.csv');
    expect(res.error?.licheng).toMatchObject({ code: 'import-too-many-rows', params: { max: 50_000 } });
    expect(await count('teachers')).toBe(0);
  });

  it('refuses a 系統帳號 held by someone else and values too long for the roster', async () => {
    await setup();
    await importOk('students', studentsSheet);
    const res = await run('students', csvBytes([studentsSheet[0]!, ['S004', '黃小龍', 'D123456782', '98/09/09', 1, '1'.repeat(40), 4, '', 's-chen']]), 'x.csv');
    expect(res.data.issues.map((i: any) => [i.row, i.column, i.code])).toEqual([
      [2, '班級', 'import-value-too-long'],
      [2, '系統帳號', 'import-host-user-taken'],
    ]);
    expect(await count('students')).toBe(3);
  });

  it('checks everything in a dry run and writes nothing', async () => {
    await setup();
    const res = await run('students', csvBytes(studentsSheet), 'a.csv', { dryRun: 'true' });
    expect(res.data).toMatchObject({ ok: true, dryRun: true, counts: { inserted: 3, updated: 0, unchanged: 0 } });
    expect(await count('students')).toBe(0);
    expect(await count('audit_log')).toBe(0);
    const bad = await run('students', csvBytes([studentsSheet[0]!, ['S1', '', '', '', '', '', '', '', '']]), 'a.csv', { dryRun: 'true' });
    expect(bad.data.ok).toBe(false);
  });

  it('maps another layout column by column, below a title row', async () => {
    await setup();
    const rows: Rows = [
      ['○○高中 114 學年度學生名冊'],
      ['學生代號', '學生姓名', '身分證字號', '生日', '年級', '班別', '號次'],
      ['S001', '陳小明', 'A123456789', '0980301', '高一', '101', '1'],
    ];
    const mapping = JSON.stringify({ studentNo: '學生代號', name: '學生姓名', className: '班別', seatNo: '號次' });
    const res = await run('students', await xlsxBytes(rows), 'other.xlsx', { mapping });
    expect(res.data).toMatchObject({ ok: true, totalRows: 1, counts: { inserted: 1 } });
    const wrong = await run('students', await xlsxBytes(rows), 'other.xlsx', { mapping: JSON.stringify({ studentNo: '不存在' }) });
    expect(wrong.data.issues[0]).toMatchObject({ row: 2, code: 'import-mapping-invalid' });
    const notJson = await run('students', await xlsxBytes(rows), 'other.xlsx', { mapping: '{studentNo' });
    expect(notJson.error?.code).toBe('BAD_REQUEST');
  });

  it('refuses files that are not spreadsheets by their content', async () => {
    await setup();
    const pdf = await run('students', new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n'), 'students.csv');
    expect(pdf.status).toBe(415);
    expect(pdf.error?.licheng?.code).toBe('file-type-not-allowed');
    const xls = await run('students', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'students.xlsx');
    expect(xls.error?.licheng?.code).toBe('import-xls-unsupported');
    const empty = await run('students', new Uint8Array(0), 'students.csv');
    expect(empty.error?.licheng?.code).toBe('file-empty');
    const none = new FormData();
    none.append('kind', 'students');
    expect((await t.upload('registry.imports.run', none, users.registry)).error?.licheng?.code).toBe('file-missing');
    const badKind = await run('report-cards', csvBytes(studentsSheet), 'a.csv');
    expect(badKind.error?.code).toBe('BAD_REQUEST');
    expect(await count('students')).toBe(0);
  });

  it('lets only registry staff and admins import', async () => {
    await setup();
    const asStudent = await run('students', csvBytes(studentsSheet), 'a.csv', {}, users.chen);
    expect(asStudent.error?.code).toBe('FORBIDDEN');
    const asTeacher = await run('students', csvBytes(studentsSheet), 'a.csv', {}, users.wang);
    expect(asTeacher.error?.code).toBe('FORBIDDEN');
    const anonymous = await t.app.request('/trpc/registry.imports.run', { method: 'POST', body: importForm('students', fileOf(csvBytes(studentsSheet), 'a.csv')) });
    expect(anonymous.status).toBe(401);
    const asAdmin = await run('students', csvBytes(studentsSheet), 'a.csv', {}, { userId: 'admin', roles: ['admin'] });
    expect(asAdmin.data.ok).toBe(true);
    expect(await count('students')).toBe(3);
  });

  it('turns two imports of the same new rows at once into one success and one clear conflict', async () => {
    await setup();
    const bytes = csvBytes(teachersSheet);
    const [a, b] = await Promise.all([run('teachers', bytes, 'a.csv'), run('teachers', bytes, 'b.csv')]);
    const results = [a, b].map((r) => (r.error ? r.error.licheng?.code : r.data.ok));
    // SQLite serialises the two transactions, so both may succeed (the second updates nothing);
    // on MySQL the loser gets import-concurrent (409), never a 500.
    expect(results.every((r) => r === true || r === 'import-concurrent')).toBe(true);
    expect(results).toContain(true);
    expect(await count('teachers')).toBe(teachersSheet.length - 1);
  });

  it('leaves nothing half-imported when the database rejects a row mid-transaction', async () => {
    await setup();
    await importOk('students', studentsSheet);
    const trigger =
      dialect === 'sqlite'
        ? `CREATE TRIGGER reject_students BEFORE INSERT ON students WHEN NEW.name = 'REJECT' BEGIN SELECT RAISE(ABORT, 'rejected by test'); END`
        : `CREATE TRIGGER reject_students BEFORE INSERT ON students FOR EACH ROW IF NEW.name = 'REJECT' THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'rejected by test'; END IF`;
    await sql.raw(trigger).execute(t.db.kysely);
    const before = { students: await count('students'), audit: await count('audit_log') };
    // S001 is updated first (an UPDATE), then the new S004 is inserted and refused.
    const res = await run('students', csvBytes([studentsSheet[0]!, ['S001', '陳大明', 'A123456789', '98/03/01', 1, '101', 1, '', 's-chen'], ['S004', 'REJECT', 'D123456782', '98/09/09', 1, '101', 4, '', '']]), 'a.csv');
    expect(res.error?.code).toBe('INTERNAL_SERVER_ERROR');
    expect({ students: await count('students'), audit: await count('audit_log') }).toEqual(before);
    const chen = await db().selectFrom('students').select('name').where('student_no', '=', 'S001').executeTakeFirstOrThrow();
    expect(chen.name).toBe('陳小明');
  });
});
