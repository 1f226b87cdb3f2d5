import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { testDialects } from '@licheng/db/testing';
import { createTestLicheng, fakeFile, openSchedule, seedRoster, users, type TestLicheng, type TestUser } from '@licheng/server/testing';
import { enterRecord, stageFiles } from '@licheng/server';
import teaching from './index.ts';

/** What the audit trail says of a certification, and of staff opening a student's file. */
describe.each(testDialects())('the audit trail of certifications and file reads on %s', (dialect) => {
  let t: TestLicheng;
  afterEach(async () => t?.close());

  async function setup() {
    t = await createTestLicheng({ dialect, plugins: [teaching], config: { schedule: openSchedule } });
    const { courseIds } = await seedRoster(t);
    const chen = (await t.db.kysely.selectFrom('students').selectAll().where('student_no', '=', 'S001').executeTakeFirstOrThrow()) as any;
    const ctx = await t.app.actAs({ userId: chen.host_user_id, name: chen.name, school: t.config.code, roles: ['student'] });
    const files = await stageFiles(ctx, { document: fakeFile('pdf', 900, '紅樓夢報告.pdf') });
    const record = await enterRecord(ctx, { kind: 'outcome', student: chen, courseId: courseIds['國語文']!, academicYear: 114, semester: 1, summary: '紅樓夢人物分析', files });
    return { chen, record };
  }
  const entries = (action: string) => t.db.kysely.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('at').orderBy('id').execute();
  const open = async (fileId: string, user: TestUser, download = false) =>
    t.app.request(`/api/files/${fileId}${download ? '?download=1' : ''}`, { headers: { authorization: `Bearer ${await t.token(user)}` } });

  it('records a decision as the status before and after, and only the fields that changed', async () => {
    const { chen, record } = await setup();
    const res = await t.mutate('teaching.certifications.decide', { recordId: record.id, decision: 'fail', reason: '非本課程之作品' }, users.wang);
    expect(res.error).toBeNull();
    const [entry] = await entries('outcome.certify.fail');
    expect(entry).toMatchObject({ actor_id: 't-wang', actor_name: '王老師', actor_role: 'subject-teacher', entity: 'record', entity_id: record.id, student_id: chen.id });
    const before = JSON.parse(entry!.before!);
    const after = JSON.parse(entry!.after!);
    expect(before).toMatchObject({ status: 'pending', status_reason: null, decided_by: null, version: 1 });
    expect(after).toMatchObject({ status: 'failed', status_reason: '非本課程之作品', decided_by: 't-wang', decided_by_name: '王老師', version: 2 });
    // Nothing that did not change: no summary, no student, no files.
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    expect(after).not.toHaveProperty('summary');
    expect(after).not.toHaveProperty('document_file_id');
  });

  it('logs a teacher opening and downloading the student’s file (who, which file, whose, when), not the student opening it', async () => {
    const { chen, record } = await setup();
    const fileId = record.document_file_id!;
    const own = await open(fileId, users.chen);
    expect(own.status).toBe(200);
    await own.arrayBuffer();
    expect(await entries('file.open')).toEqual([]);

    t.clock.now = new Date('2025-10-02T01:30:00Z');
    const seen = await open(fileId, users.wang);
    expect(seen.status).toBe(200);
    expect((await seen.arrayBuffer()).byteLength).toBe(900);
    const [read] = await entries('file.open');
    expect(read).toMatchObject({ actor_id: 't-wang', actor_role: 'subject-teacher', entity: 'stored_file', entity_id: fileId, student_id: chen.id, at: '2025-10-02T01:30:00.000Z', before: null });
    expect(JSON.parse(read!.after!)).toEqual({ file_name: '紅樓夢報告.pdf', record_id: record.id, kind: 'outcome', summary: '紅樓夢人物分析' });

    const saved = await open(fileId, users.registry, true);
    expect(saved.status).toBe(200);
    await saved.arrayBuffer();
    expect(await entries('file.download')).toMatchObject([{ actor_id: 'r-staff', actor_role: 'registry-staff', student_id: chen.id, entity_id: fileId }]);
  });

  it('serves no file whose read cannot be put on record', async () => {
    const { record } = await setup();
    // The database refuses new audit rows (as a full or failing database would).
    const refuse =
      dialect === 'mysql'
        ? sql`CREATE TRIGGER audit_log_refuse BEFORE INSERT ON audit_log FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'no more audit rows'`
        : sql`CREATE TRIGGER audit_log_refuse BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'no more audit rows'); END`;
    await refuse.execute(t.db.kysely);
    const res = await open(record.document_file_id!, users.wang);
    expect(res.status).toBe(503);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(((await res.json()) as any).error.code).toBe('internal-error');
    // The student's own read needs no entry and still works.
    expect((await open(record.document_file_id!, users.chen)).status).toBe(200);
  });

  it('logs nothing for a refused read: someone who may not see the file gets not-found', async () => {
    const { record } = await setup();
    const other = await open(record.document_file_id!, users.li);
    expect(other.status).toBe(404);
    expect(await entries('file.open')).toEqual([]);
  });
});
