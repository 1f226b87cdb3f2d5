import { afterEach, describe, expect, it } from 'vitest';
import { testDialects } from '@licheng/db/testing';
import { createTestLicheng, users, type TestLicheng } from '@licheng/server/testing';
import registry from './index.ts';
import { csvBytes, fileOf, importForm, teachersSheet, xlsxBytes, type Rows } from './test-support.ts';

/** 班級名冊: each class of a year with its homeroom teacher (導師), by 教師代號. */
const classesSheet: Rows = [
  ['學年度', '班級', '年級', '導師教師代號'],
  [114, '101', '高一', 'T001'],
  [114, '102', 1, 'T002'],
  [113, '101', 1, 'T002'],
];

describe.each(testDialects())('registry.imports of classes on %s', (dialect) => {
  let t: TestLicheng;
  afterEach(async () => t?.close());

  const db = () => t.db.kysely as any;
  const run = (bytes: Uint8Array, name: string, kind = 'classes') => t.upload('registry.imports.run', importForm(kind, fileOf(bytes, name)), users.registry);
  const classes = () =>
    db()
      .selectFrom('classes')
      .innerJoin('teachers', 'teachers.id', 'classes.homeroom_teacher_id')
      .select(['classes.academic_year', 'classes.class_name', 'classes.grade', 'classes.school_code', 'teachers.teacher_no'])
      .orderBy('classes.academic_year')
      .orderBy('classes.class_name')
      .execute();

  async function setup() {
    t = await createTestLicheng({ dialect, plugins: [registry] });
    const teachers = await run(csvBytes(teachersSheet), 't.csv', 'teachers');
    expect(teachers.data.ok).toBe(true);
  }

  it('imports classes with their homeroom teachers, and updates them on re-import', async () => {
    await setup();
    const res = await run(await xlsxBytes(classesSheet), '班級.xlsx');
    expect(res.error).toBeNull();
    expect(res.data).toMatchObject({ ok: true, kind: 'classes', totalRows: 3, counts: { inserted: 3, updated: 0, unchanged: 0 }, issues: [] });
    expect(await classes()).toEqual([
      { academic_year: 113, class_name: '101', grade: 1, school_code: '123456', teacher_no: 'T002' },
      { academic_year: 114, class_name: '101', grade: 1, school_code: '123456', teacher_no: 'T001' },
      { academic_year: 114, class_name: '102', grade: 1, school_code: '123456', teacher_no: 'T002' },
    ]);
    const again = await run(csvBytes([classesSheet[0]!, [114, '101', 1, 'T002'], classesSheet[2]!]), '班級.csv');
    expect(again.data).toMatchObject({ ok: true, counts: { inserted: 0, updated: 1, unchanged: 1 } });
    expect((await classes())[1]).toMatchObject({ class_name: '101', academic_year: 114, teacher_no: 'T002' });
    const audit = await db().selectFrom('audit_log').select(['action', 'entity_id']).where('action', '=', 'roster.import.classes').execute();
    expect(audit).toEqual([
      { action: 'roster.import.classes', entity_id: 'classes' },
      { action: 'roster.import.classes', entity_id: 'classes' },
    ]);
    const changed = await db().selectFrom('audit_log').select(['action', 'before', 'after']).where('action', '=', 'roster.class.update').execute();
    expect(changed.map((c: any) => [c.action, JSON.parse(c.before), JSON.parse(c.after)])).toEqual([['roster.class.update', { homeroom_teacher_no: 'T001' }, { homeroom_teacher_no: 'T002' }]]);
  });

  it('reports a homeroom teacher not on the teacher roster by row, and writes nothing', async () => {
    await setup();
    const res = await run(csvBytes([classesSheet[0]!, classesSheet[1]!, [114, '102', 1, 'T999']]), 'c.csv');
    expect(res.data.ok).toBe(false);
    expect(res.data.issues).toMatchObject([{ row: 3, column: '導師教師代號', code: 'import-teacher-unknown', params: { value: 'T999' } }]);
    expect(res.data.issues[0].message).toContain('T999');
    expect(await classes()).toEqual([]);
  });

  it('reports a class listed twice for the same year, and writes nothing', async () => {
    await setup();
    const res = await run(csvBytes([...classesSheet, [114, '101', 1, 'T002']]), 'c.csv');
    expect(res.data.ok).toBe(false);
    expect(res.data.issues).toMatchObject([{ row: 5, column: '班級', code: 'import-duplicate-row', params: { key: '114 / 101', firstRow: 2 } }]);
    expect(await classes()).toEqual([]);
  });
});
