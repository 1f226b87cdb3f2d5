import { afterEach, describe, expect, it } from 'vitest';
import { testDialects } from '@licheng/db/testing';
import { createTestLicheng, users, type TestLicheng } from '@licheng/server/testing';
import registry from './index.ts';
import { codes, coursesSheet, csvBytes, enrolmentsSheet, fileOf, importForm, studentsSheet, teachersSheet, type Rows } from './test-support.ts';

/** What an import changed, as the audit trail tells it: the import's entry and one entry per row under it. */
describe.each(testDialects())('the audit trail of roster imports on %s', (dialect) => {
  let t: TestLicheng;
  afterEach(async () => t?.close());

  const db = () => t.db.kysely as any;
  async function importOk(kind: string, rows: Rows) {
    const res = await t.upload('registry.imports.run', importForm(kind, fileOf(csvBytes(rows), `${kind}.csv`)), users.registry);
    expect(res.error).toBeNull();
    expect(res.data.ok).toBe(true);
    return res.data;
  }
  /** The latest import entry of `kind` and the entries of the rows it changed, parsed. */
  async function lastImport(kind: string) {
    const [entry] = await db().selectFrom('audit_log').selectAll().where('action', '=', `roster.import.${kind}`).orderBy('at', 'desc').orderBy('id', 'desc').limit(1).execute();
    const rows = await db().selectFrom('audit_log').selectAll().where('parent_id', '=', entry.id).orderBy('entity_id').execute();
    const parse = (r: any) => ({ ...r, before: r.before === null ? null : JSON.parse(r.before), after: r.after === null ? null : JSON.parse(r.after) });
    return { entry: parse(entry), rows: rows.map(parse) };
  }

  it('shows a teacher added to a course as the course’s teachers before and after, under the import', async () => {
    t = await createTestLicheng({ dialect, plugins: [registry] });
    await importOk('teachers', teachersSheet);
    await importOk('courses', [coursesSheet[0]!, [114, 1, codes.math, '數學', 1, 4, '101', 'T001']]);
    const first = await lastImport('courses');
    expect(first.rows).toHaveLength(1);
    expect(first.rows[0]).toMatchObject({ action: 'roster.course.insert', entity: 'course', before: null, actor_id: 'r-staff', actor_role: 'registry-staff' });
    expect(first.rows[0].after).toEqual({ course: `114-1 ${codes.math} 101`, subject_name: '數學', grade_level: 1, credits: 4, teachers: ['T001'] });

    // The same course, now taught by two teachers: an update, with only its teachers changed.
    const again = await importOk('courses', [coursesSheet[0]!, [114, 1, codes.math, '數學', 1, 4, '101', 'T001、T002']]);
    expect(again.counts).toEqual({ inserted: 0, updated: 1, unchanged: 0 });
    const second = await lastImport('courses');
    expect(second.entry.after).toMatchObject({ fileName: 'courses.csv', rowCount: 1, updated: 1 });
    expect(second.rows).toHaveLength(1);
    expect(second.rows[0]).toMatchObject({ action: 'roster.course.update', entity: 'course', entity_id: first.rows[0].entity_id, at: second.entry.at });
    expect([second.rows[0].before, second.rows[0].after]).toEqual([{ teachers: ['T001'] }, { teachers: ['T001', 'T002'] }]);
    const taught = await db().selectFrom('course_teachers').innerJoin('teachers', 'teachers.id', 'course_teachers.teacher_id').select('teacher_no').where('course_id', '=', first.rows[0].entity_id).orderBy('teacher_no').execute();
    expect(taught.map((r: any) => r.teacher_no)).toEqual(['T001', 'T002']);
  });

  it('logs each student inserted, and a moved student’s class and seat before and after, by student', async () => {
    t = await createTestLicheng({ dialect, plugins: [registry] });
    await importOk('students', studentsSheet);
    const inserted = await lastImport('students');
    expect(inserted.rows.map((r: any) => r.action)).toEqual(['roster.student.insert', 'roster.student.insert', 'roster.student.insert']);
    const chen = await db().selectFrom('students').selectAll().where('student_no', '=', 'S001').executeTakeFirstOrThrow();
    const chenEntry = inserted.rows.find((r: any) => r.entity_id === chen.id);
    expect(chenEntry).toMatchObject({ student_id: chen.id, entity: 'student' });
    expect(chenEntry.after).toMatchObject({ student_no: 'S001', name: '陳小明', class_name: '101', seat_no: 1, status: 'enrolled' });

    await importOk('students', [studentsSheet[0]!, ['S001', '陳小明', 'A123456789', '98/03/01', 1, '102', 7, '日間部', 's-chen'], studentsSheet[2]!]);
    const moved = await lastImport('students');
    expect(moved.entry.after).toMatchObject({ inserted: 0, updated: 1, unchanged: 1 });
    expect(moved.rows).toHaveLength(1);
    expect(moved.rows[0]).toMatchObject({ action: 'roster.student.update', entity_id: chen.id, student_id: chen.id });
    expect([moved.rows[0].before, moved.rows[0].after]).toEqual([
      { class_name: '101', seat_no: 1 },
      { class_name: '102', seat_no: 7 },
    ]);
  });

  it('logs an enrolment’s 修課別 before and after; an unchanged import logs no rows', async () => {
    t = await createTestLicheng({ dialect, plugins: [registry] });
    await importOk('teachers', teachersSheet);
    await importOk('students', studentsSheet);
    await importOk('courses', coursesSheet);
    await importOk('enrolments', enrolmentsSheet);
    expect((await lastImport('enrolments')).rows.map((r: any) => r.after.course)).toContain(`114-1 ${codes.physics} 101`);
    await importOk('enrolments', [enrolmentsSheet[0]!, ['S001', 114, 1, codes.physics, '101', '重修']]);
    const changed = await lastImport('enrolments');
    expect(changed.rows).toHaveLength(1);
    expect(changed.rows[0]).toMatchObject({ action: 'roster.enrolment.update', entity: 'enrolment', before: { take_kind: 1 }, after: { take_kind: 2 } });
    await importOk('teachers', teachersSheet);
    expect((await lastImport('teachers')).rows).toEqual([]);
  });

  it('a dry run leaves no entry at all', async () => {
    t = await createTestLicheng({ dialect, plugins: [registry] });
    const res = await t.upload('registry.imports.run', importForm('teachers', fileOf(csvBytes(teachersSheet), 't.csv'), { dryRun: 'true' }), users.registry);
    expect(res.data).toMatchObject({ ok: true, dryRun: true, counts: { inserted: 2 } });
    expect(await db().selectFrom('audit_log').select('id').execute()).toEqual([]);
  });
});
