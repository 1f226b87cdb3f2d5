import { afterEach, describe, expect, it } from 'vitest';
import { testDialects } from '@licheng/db/testing';
import type { TestLicheng } from '@licheng/server/testing';
import { book, chen, librarian, librarySchool, lin, listUpload, registry } from './test-support.ts';

const enter = (t: TestLicheng, user: typeof chen, studentNo: string, data: Record<string, unknown> = book) =>
  t.mutate('library.records.enter', { kind: 'reading', studentNo, academicYear: 114, semester: 1, summary: '學會課題分離', data }, user);

/** 閱讀紀錄: students enter, the library certifies, imports and exports (library.*). */
describe.each(testDialects())('library reading records on %s', (dialect) => {
  let t: TestLicheng;
  afterEach(async () => t?.close());

  it('a student enters their own (pending); only the library sees the school’s and certifies', async () => {
    t = await librarySchool(dialect);
    const mine = await enter(t, chen, 'S001');
    expect(mine.data).toMatchObject({ status: 'pending', version: 1 });
    expect((await enter(t, chen, 'S002')).error?.licheng?.code).toBe('forbidden');
    expect((await t.query('library.records.list', {}, lin)).data.total).toBe(0);
    expect((await t.query('library.records.list', {}, registry)).data.total).toBe(0);
    expect((await t.query('library.records.list', { status: 'pending' }, librarian)).data.rows).toEqual([expect.objectContaining({ id: mine.data.id, summary: '學會課題分離' })]);

    const id = mine.data.id as string;
    expect((await t.mutate('library.records.decide', { id, version: 1, decision: 'pass' }, chen)).error?.licheng?.code).toBe('not-found');
    expect((await t.mutate('library.records.decide', { id, version: 1, decision: 'fail' }, librarian)).error?.licheng?.code).toBe('reason-required');
    const failed = await t.mutate('library.records.decide', { id, version: 1, decision: 'fail', reason: '請補上閱讀心得' }, librarian);
    expect(failed.data).toMatchObject({ status: 'failed', version: 2 });
    expect((await t.mutate('library.records.decide', { id, version: 2, decision: 'pass' }, librarian)).error?.licheng?.code).toBe('already-decided');
    const seen = (await t.query('library.records.list', {}, chen)).data.rows[0];
    expect(seen).toMatchObject({ status: 'failed', statusReason: '請補上閱讀心得', decidedByName: librarian.name });

    const second = await t.mutate('library.records.enter', { kind: 'reading', academicYear: 114, semester: 1, summary: '', data: { ...book, title: '原子習慣' } }, chen);
    expect((await t.query('library.records.list', { status: 'pending' }, chen)).data.rows).toEqual([expect.objectContaining({ id: second.data.id, student: expect.objectContaining({ studentNo: 'S001' }) })]);
    expect((await t.mutate('library.records.enter', { kind: 'reading', academicYear: 114, semester: 1, summary: '', data: book }, librarian)).error?.licheng?.code).toBe('not-found');
    expect((await t.mutate('library.records.decide', { id: second.data.id, version: 1, decision: 'pass' }, librarian)).data).toMatchObject({ status: 'passed' });
    expect((await t.mutate('library.records.correct', { id: second.data.id, version: 2, summary: '改', data: book }, chen)).error?.licheng?.code).toBe('record-frozen');
    expect((await t.mutate('library.records.withdraw', { id, version: 2, reason: '不是我的' }, lin)).error?.licheng?.code).toBe('not-found');
    const audit = await t.db.kysely.selectFrom('audit_log').select('action').where('entity_id', '=', id).orderBy('at').execute();
    expect(audit.map((a) => a.action)).toEqual(['reading.enter', 'reading.certify.fail']);
  });

  it('decide and reopen refuse what the caller does not certify or did not decide, as not found', async () => {
    t = await librarySchool(dialect);
    const student = await t.db.kysely.selectFrom('students').select('id').where('student_no', '=', 'S001').executeTakeFirstOrThrow();
    const at = t.clock.now.toISOString();
    await t.db.kysely
      .insertInto('records')
      .values({ id: 'other', school_code: t.config.code, kind: 'counseling', student_id: student.id, course_id: null, academic_year: 114, semester: 1, summary: '', data: '{}', document_file_id: null, media_file_id: null, status: 'pending', status_reason: null, decided_by: null, decided_by_name: null, decided_role: null, decided_at: null, entered_by: 's-chen', entered_role: 'student', version: 1, created_at: at, updated_at: at })
      .execute();
    expect((await t.mutate('library.records.decide', { id: 'other', version: 1, decision: 'pass' }, librarian)).error?.licheng?.code).toBe('not-found');
    expect((await t.mutate('library.records.decide', { id: 'nothing', version: 1, decision: 'pass' }, librarian)).error?.licheng?.code).toBe('not-found');
    const mine = await enter(t, chen, 'S001');
    expect((await t.mutate('library.records.decide', { id: mine.data.id, version: 1, decision: 'pass' }, registry)).error?.licheng?.code).toBe('not-found');
    expect((await t.mutate('library.records.decide', { id: mine.data.id, version: 1, decision: 'fail', reason: '請補心得' }, librarian)).data).toMatchObject({ status: 'failed' });
    expect((await t.mutate('library.records.reopen', { id: mine.data.id, reason: '看錯了' }, lin)).error?.licheng?.code).toBe('not-found');
    expect((await t.mutate('library.records.reopen', { id: mine.data.id, reason: '看錯了' }, librarian)).data).toMatchObject({ status: 'pending' });
  });

  it('imports the library’s list all or nothing with a row-level report, and exports it', async () => {
    t = await librarySchool(dialect);
    const header = '學號,學年度,學期,內容簡述,書名,作者,閱讀日期';
    const bad = await t.upload('library.records.importCommit', listUpload('reading', `${header}\r\nS001,114,1,好看,小王子,,114/09/01\r\nS009,114,1,,夜間飛行,,114/09/02\r\nS002,114,1,,,,114/13/01`), librarian);
    expect(bad.error).toBeNull();
    expect(bad.data).toMatchObject({ committed: false, imported: 0 });
    expect(bad.data.issues.map((i: { row: number; code: string }) => [i.row, i.code])).toEqual(expect.arrayContaining([[3, 'import-student-unknown'], [4, expect.any(String)]]));
    expect((await t.query('library.records.list', {}, librarian)).data.total).toBe(0);
    const preview = await t.upload('library.records.importPreview', listUpload('reading', `${header}\r\nS001,114,1,好看,小王子,聖修伯里,114/09/01`), librarian);
    expect(preview.data).toMatchObject({ committed: false, issues: [], preview: [expect.objectContaining({ studentNo: 'S001' })] });
    expect((await t.query('library.records.kinds', undefined, librarian)).data).toEqual([expect.objectContaining({ id: 'reading', mayEnter: true, mayCertify: true })]);
    const good = await t.upload('library.records.importCommit', listUpload('reading', `${header}\r\nS001,114,1,好看,小王子,聖修伯里,114/09/01\r\nS002,114,1,,夜間飛行,,114/09/02`), librarian);
    expect(good.data).toMatchObject({ committed: true, imported: 2 });
    // What the library enters itself is certified on entry.
    expect((await t.query('library.records.list', { status: 'passed' }, librarian)).data.total).toBe(2);
    expect((await t.upload('library.records.importCommit', listUpload('reading', `${header}\r\nS001,114,1,,小王子,,114/09/01`), registry)).error?.licheng?.code).toBe('forbidden');
    const exported = await t.app.request('/api/library/records/export.xlsx?kind=reading', { headers: { authorization: `Bearer ${await t.token(librarian)}` } });
    expect(exported.status).toBe(200);
  });
});
