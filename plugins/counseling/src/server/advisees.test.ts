import { afterEach, describe, expect, it } from 'vitest';
import { testDialects } from '@licheng/db/testing';
import type { TestLicheng } from '@licheng/server/testing';
import { chen, counselingSchool, counselor, csvUpload, li, wang } from './test-support.ts';

/** Who advises whom (counseling.advisees.*): counseling assigns by screen and by list; a consultant sees only their own. */
describe.each(testDialects())('advisee links on %s', (dialect) => {
  let t: TestLicheng;
  afterEach(async () => t?.close());

  it('counseling assigns students and whole classes; refusals write nothing; consultants see only their own', async () => {
    t = await counselingSchool(dialect);
    expect((await t.mutate('counseling.advisees.assign', { teacherNo: 'T001', studentNos: ['S001'] }, counselor)).data).toEqual({ added: 1, already: 0 });
    expect((await t.mutate('counseling.advisees.assign', { teacherNo: 'T002', className: '101' }, counselor)).data).toEqual({ added: 3, already: 0 });
    expect((await t.mutate('counseling.advisees.assign', { teacherNo: 'T002', studentNos: ['S002'] }, counselor)).data).toEqual({ added: 0, already: 1 });
    expect((await t.mutate('counseling.advisees.assign', { teacherNo: 'T009', studentNos: ['S002'] }, counselor)).error?.licheng?.code).toBe('teacher-unknown');
    expect((await t.mutate('counseling.advisees.assign', { teacherNo: 'T001', studentNos: ['S002', 'S404'] }, counselor)).error?.licheng?.code).toBe('student-unknown');
    expect((await t.mutate('counseling.advisees.assign', { teacherNo: 'T001', className: '999' }, counselor)).error?.licheng?.code).toBe('import-class-unknown');
    expect((await t.mutate('counseling.advisees.assign', { teacherNo: 'T001' }, counselor)).error?.licheng?.code).toBe('advisee-target-required');
    expect((await t.mutate('counseling.advisees.assign', { teacherNo: 'T001', studentNos: ['S002'] }, wang)).error?.licheng?.code).toBe('forbidden');
    expect((await t.mutate('counseling.advisees.assign', { teacherNo: 'T001', studentNos: ['S002'] }, chen)).error?.licheng?.code).toBe('forbidden');

    const all = (await t.query('counseling.advisees.list', undefined, counselor)).data;
    expect(all.mayAssign).toBe(true);
    expect(all.links.map((l: { teacherNo: string; studentNo: string }) => `${l.teacherNo}/${l.studentNo}`)).toEqual(['T001/S001', 'T002/S001', 'T002/S002', 'T002/S003']);
    expect(all.teachers).toEqual([{ teacherNo: 'T001', name: '王老師' }, { teacherNo: 'T002', name: '李老師' }]);
    const wangs = (await t.query('counseling.advisees.list', undefined, wang)).data;
    expect(wangs).toMatchObject({ mayAssign: false, teachers: [], links: [{ teacherNo: 'T001', studentNo: 'S001' }] });
    expect((await t.query('counseling.advisees.list', undefined, chen)).error?.licheng?.code).toBe('forbidden');

    const link = all.links[0].id as string;
    expect((await t.mutate('counseling.advisees.remove', { id: link }, wang)).error?.licheng?.code).toBe('forbidden');
    expect((await t.mutate('counseling.advisees.remove', { id: link }, counselor)).data).toEqual({ id: link });
    expect((await t.mutate('counseling.advisees.remove', { id: link }, counselor)).error?.licheng?.code).toBe('not-found');
    expect((await t.query('counseling.advisees.list', undefined, wang)).data.links).toEqual([]);
    const audit = await t.db.kysely.selectFrom('audit_log').select('action').where('entity', '=', 'advisee').execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['advisee.assign', 'advisee.assign', 'advisee.assign', 'advisee.assign', 'advisee.remove']);
  });

  it('imports a list all or nothing with a row-level report', async () => {
    t = await counselingSchool(dialect);
    const bad = await t.upload('counseling.advisees.import', csvUpload('教師代號,學號,班級\r\nT001,S001,\r\nT009,S002,\r\nT002,S404,\r\nT002,,999\r\n,S003,\r\nT001,,'), counselor);
    expect(bad.error).toBeNull();
    expect(bad.data).toMatchObject({ committed: false, added: 0, rows: 6 });
    expect(bad.data.issues.map((i: { row: number; code: string }) => [i.row, i.code])).toEqual([
      [3, 'import-teacher-unknown'],
      [4, 'import-student-unknown'],
      [5, 'import-class-unknown'],
      [6, 'import-value-required'],
      [7, 'advisee-target-required'],
    ]);
    expect((await t.query('counseling.advisees.list', undefined, counselor)).data.links).toEqual([]);
    const noHeader = await t.upload('counseling.advisees.import', csvUpload('老師,學生\r\nT001,S001'), counselor);
    expect(noHeader.data.issues).toEqual([expect.objectContaining({ row: null, code: 'import-header-missing' })]);

    const dry = await t.upload('counseling.advisees.import', csvUpload('教師代號,學號,班級\r\nT001,S001,\r\nT002,,101', { dryRun: 'true' }), counselor);
    expect(dry.data).toMatchObject({ committed: false, links: 4, issues: [] });
    const good = await t.upload('counseling.advisees.import', csvUpload('教師代號,學號,班級\r\nT001,S001,\r\nT002,,101'), counselor);
    expect(good.data).toMatchObject({ committed: true, added: 4, already: 0 });
    expect((await t.upload('counseling.advisees.import', csvUpload('教師代號,學號\r\nT001,S002'), li)).error?.licheng?.code).toBe('forbidden');
  });
});
