import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { testDialects } from '@licheng/db/testing';
import { createTestLicheng, type TestLicheng } from '@licheng/server/testing';
import registry, { exportRosterToFile, importRosterFile } from './index.ts';
import { csvBytes, studentsSheet, teachersSheet } from './test-support.ts';

describe.each(testDialects())('registry CLI functions on %s', (dialect) => {
  let t: TestLicheng;
  let dir: string;
  afterEach(async () => {
    await t?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('imports a file from disk and exports the roster to disk as the CLI identity', async () => {
    t = await createTestLicheng({ dialect, plugins: [registry] });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'licheng-cli-'));
    const teachers = path.join(dir, 'teachers.csv');
    fs.writeFileSync(teachers, csvBytes(teachersSheet, 'big5'));
    const result = await importRosterFile(t.app, 'teachers', teachers);
    expect(result).toMatchObject({ ok: true, kind: 'teachers', fileName: 'teachers.csv', encoding: 'big5', totalRows: 2, counts: { inserted: 2 } });

    const students = path.join(dir, 'students.csv');
    fs.writeFileSync(students, csvBytes(studentsSheet));
    expect(await importRosterFile(t.app, 'students', students, { dryRun: true })).toMatchObject({ ok: true, counts: { inserted: 3 } });
    const db = t.db.kysely as any;
    expect(await db.selectFrom('students').selectAll().execute()).toEqual([]);

    const out = path.join(dir, 'roster.xlsx');
    const exported = await exportRosterToFile(t.app, { academicYear: 114, semester: 1, kind: 26 }, out);
    expect(exported).toMatchObject({ rowCount: 0, fileName: '26_課程學習成果_123456_114_0.xlsx', path: out, review: null, reviewPath: null });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['封面', '學期課程學習成果', '補修課程學習成果', '重修課程學習成果', '重讀課程學習成果', '轉學轉科課程學習成果', '借讀課程學習成果']);
    expect(fs.readdirSync(dir).sort()).toEqual(['roster.xlsx', 'students.csv', 'teachers.csv']);

    // A number nobody names, or a roster that is none, is refused, not written as a mislabelled empty workbook.
    await expect(exportRosterToFile(t.app, { academicYear: 114, semester: 1, kind: 99 }, path.join(dir, '99.xlsx'))).rejects.toThrow(/kind 99/);
    await expect(exportRosterToFile(t.app, { academicYear: 114, semester: 1, roster: 'grades-of-nothing' }, path.join(dir, 'x.xlsx'))).rejects.toThrow(/roster/);
    expect(fs.readdirSync(dir).sort()).toEqual(['roster.xlsx', 'students.csv', 'teachers.csv']);

    const audit = await db.selectFrom('audit_log').selectAll().where('parent_id', 'is', null).orderBy('action').execute();
    expect(audit).toMatchObject([
      { action: 'roster.export.26', actor_id: 'cli', actor_name: '命令列 (CLI)', actor_role: 'registry-staff' },
      { action: 'roster.import.teachers', actor_id: 'cli', actor_name: '命令列 (CLI)', actor_role: 'registry-staff' },
    ]);
  });
});
