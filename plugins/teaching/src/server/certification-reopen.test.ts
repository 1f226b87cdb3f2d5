import { afterEach, describe, expect, it } from 'vitest';
import { testDialects } from '@licheng/db/testing';
import { createTestLicheng, fakeFile, openSchedule, seedRoster, users, type TestLicheng } from '@licheng/server/testing';
import { enterRecord, reopenRecord, saveSelection, stageFiles, writeAudit, type RecordRow } from '@licheng/server';
import teaching from './index.ts';

/** teaching.certifications.reopen: a certifier takes back their own decision. */
describe.each(testDialects())('teaching.certifications.reopen on %s', (dialect) => {
  let t: TestLicheng;
  afterEach(async () => t?.close());

  async function setup() {
    t = await createTestLicheng({ dialect, plugins: [teaching], config: { schedule: openSchedule } });
    const { courseIds } = await seedRoster(t);
    const chen = (await t.db.kysely.selectFrom('students').selectAll().where('student_no', '=', 'S001').executeTakeFirstOrThrow()) as any;
    const studentCtx = await t.app.actAs({ userId: chen.host_user_id, name: chen.name, school: t.config.code, roles: ['student'] });
    const ids: string[] = [];
    for (const [i, subject] of ['國語文', '國語文', '物理'].entries()) {
      const files = await stageFiles(studentCtx, { document: fakeFile('pdf', 800 + i) });
      ids.push((await enterRecord(studentCtx, { kind: 'outcome', student: chen, courseId: courseIds[subject]!, academicYear: 114, semester: 1, summary: `成果${i}`, files })).id);
    }
    return { chen, studentCtx, ids };
  }
  const decide = (recordId: string, decision: 'pass' | 'fail', user = users.wang) =>
    t.mutate('teaching.certifications.decide', { recordId, decision, ...(decision === 'fail' ? { reason: '非本課程之作品' } : {}) }, user);
  const reopen = (recordId: string, reason = '誤按通過，重新認證', user = users.wang) => t.mutate('teaching.certifications.reopen', { recordId, reason }, user);
  const record = (id: string) => t.db.kysely.selectFrom('records').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const selections = (id: string) => t.db.kysely.selectFrom('selections').selectAll().where('record_id', '=', id).execute();

  it('reopens the caller’s own pass and fail, keeps the reason for the student, and audits before and after', async () => {
    const { ids } = await setup();
    expect((await decide(ids[0]!, 'pass')).error).toBeNull();
    expect((await decide(ids[1]!, 'fail')).error).toBeNull();
    const passed = await reopen(ids[0]!);
    expect(passed.error).toBeNull();
    expect(passed.data).toMatchObject({ id: ids[0], status: 'pending', statusReason: '誤按通過，重新認證', version: 3 });
    expect(await record(ids[0]!)).toMatchObject({ status: 'pending', status_reason: '誤按通過，重新認證', decided_by: null, decided_at: null });
    const failed = await reopen(ids[1]!, '原因寫錯');
    expect(failed.data).toMatchObject({ status: 'pending', statusReason: '原因寫錯' });
    // Reopened, the item can be decided again.
    expect((await decide(ids[0]!, 'fail')).data).toMatchObject({ status: 'failed', statusReason: '非本課程之作品' });

    const [entry] = await t.db.kysely.selectFrom('audit_log').selectAll().where('action', '=', 'outcome.certify.reopen').where('entity_id', '=', ids[0]!).execute();
    expect(entry).toMatchObject({ actor_id: 't-wang', actor_role: 'subject-teacher', entity: 'record' });
    expect(JSON.parse(entry!.before!)).toMatchObject({ status: 'passed', status_reason: null, decided_by: 't-wang', version: 2 });
    expect(JSON.parse(entry!.after!)).toMatchObject({ status: 'pending', status_reason: '誤按通過，重新認證', decided_by: null, version: 3 });
  });

  it('refuses a blank reason, a pending item, and another teacher’s decision (which reads as not found)', async () => {
    const { ids } = await setup();
    await decide(ids[0]!, 'pass');
    const blank = await reopen(ids[0]!, ' \u3000 ');
    expect(blank.status).toBe(400);
    expect(blank.error?.licheng?.code).toBe('text-blank');
    const pending = await reopen(ids[1]!);
    expect(pending.status).toBe(409);
    expect(pending.error?.licheng?.code).toBe('not-decided');

    // 李老師 also teaches 國語文 but did not make this decision: the answer of a record that does not exist.
    await t.db.kysely.insertInto('course_teachers').values({ course_id: (await record(ids[0]!)).course_id!, teacher_id: (await t.db.kysely.selectFrom('teachers').select('id').where('teacher_no', '=', 'T002').executeTakeFirstOrThrow()).id, school_code: t.config.code } as any).execute();
    const unknown = await reopen('00000000-0000-4000-8000-000000000000');
    expect(unknown.status).toBe(404);
    expect(await reopen(ids[0]!, '誤按通過，重新認證', users.li)).toEqual(unknown);
    // A teacher of another course: the same.
    await decide(ids[2]!, 'pass', users.li);
    expect(await reopen(ids[2]!)).toEqual(unknown);
    expect((await record(ids[0]!)).status).toBe('passed');
  });

  it('refuses outside the certification window, and not-yours stays not-found there too', async () => {
    const { ids } = await setup();
    await decide(ids[0]!, 'pass');
    await decide(ids[2]!, 'pass', users.li);
    t.clock.now = new Date('2026-04-01T00:00:00Z');
    const closed = await reopen(ids[0]!);
    expect(closed.status).toBe(403);
    expect(closed.error?.licheng?.code).toBe('window-closed');
    expect((await reopen(ids[2]!)).status).toBe(404);
    expect((await record(ids[0]!)).status).toBe('passed');
  });

  it('drops a reopened passed item from the student’s selection, and refuses one that was in an exported roster', async () => {
    const { chen, studentCtx, ids } = await setup();
    await decide(ids[0]!, 'pass');
    await decide(ids[1]!, 'pass');
    await saveSelection(studentCtx, { student: chen, kind: 'outcome', academicYear: 114, recordIds: [ids[0]!, ids[1]!], cap: 6 });

    const dropped = await reopen(ids[0]!);
    expect(dropped.error).toBeNull();
    expect(await selections(ids[0]!)).toEqual([]);
    const [entry] = await t.db.kysely.selectFrom('audit_log').selectAll().where('action', '=', 'outcome.certify.reopen').execute();
    expect(JSON.parse(entry!.before!)).toMatchObject({ selected: true });
    expect(JSON.parse(entry!.after!)).toMatchObject({ selected: false });

    // A roster of another term was exported: ids[1] was not in it.
    t.clock.now = new Date('2025-12-01T00:00:00Z');
    const registryCtx = await t.app.actAs({ userId: 'r-staff', name: '註冊組', school: t.config.code, roles: ['registry-staff'] });
    const exported = (academicYear: number, semester: number) =>
      writeAudit(t.db.kysely as any, { school: t.config.code, actor: registryCtx.identity, role: 'registry-staff', action: 'roster.export.26', entity: 'stored_file', entityId: `f-${academicYear}-${semester}`, after: { academicYear, semester, kind: '26', rowCount: 1 }, at: t.clock.now });
    await exported(113, 2);
    await exported(114, 2);
    t.clock.now = new Date('2025-12-02T00:00:00Z');
    const beforeExport = await reopen(ids[1]!, '先撤回');
    expect(beforeExport.error).toBeNull();

    // Passed again, selected again, then its term's roster is exported: it stays decided.
    await decide(ids[1]!, 'pass');
    await saveSelection(studentCtx, { student: chen, kind: 'outcome', academicYear: 114, recordIds: [ids[1]!], cap: 6 });
    t.clock.now = new Date('2025-12-03T00:00:00Z');
    await exported(114, 1);
    t.clock.now = new Date('2025-12-04T00:00:00Z');
    const inRoster = await reopen(ids[1]!);
    expect(inRoster.status).toBe(409);
    expect(inRoster.error?.licheng?.code).toBe('record-in-roster');
    expect(await record(ids[1]!)).toMatchObject({ status: 'passed' });
    expect(await selections(ids[1]!)).toHaveLength(1);
  });

  it('lets exactly one of a reopen and a decision, or of two reopens, at once apply', async () => {
    const { ids } = await setup();
    await decide(ids[0]!, 'pass');
    const [a, b] = await Promise.all([reopen(ids[0]!, '第一次'), reopen(ids[0]!, '第二次')]);
    expect([a, b].filter((r) => r.error === null)).toHaveLength(1);
    expect([a, b].find((r) => r.error)?.error?.licheng?.code).toBe('not-decided');
    // Reopened; now a reopen and a new decision race from the same pending state plus its decided twin.
    await decide(ids[1]!, 'fail');
    const stale = await record(ids[1]!);
    const [reopened, decided] = await Promise.all([reopen(ids[1]!, '改判'), decide(ids[1]!, 'pass')]);
    // The decide sees a failed item (already-decided) unless the reopen came first; either way one state results.
    const after = await record(ids[1]!);
    expect(after.version).toBeGreaterThan(stale.version);
    const applied = [reopened, decided].filter((r) => r.error === null);
    expect(applied.length).toBeGreaterThanOrEqual(1);
    const audits = await t.db.kysely.selectFrom('audit_log').select('action').where('entity_id', '=', ids[1]!).where('action', 'like', 'outcome.certify.%').execute();
    expect(audits.length).toBe(1 + applied.length);
    expect(after.status).toBe(decided.error === null ? 'passed' : 'pending');
  });

  it('applies a reopen only to the decided version it read (compare-and-set in the transaction)', async () => {
    const { ids } = await setup();
    await decide(ids[0]!, 'pass');
    const stale = await record(ids[0]!);
    // Meanwhile the decision was taken back and made again.
    await reopen(ids[0]!, '第一次');
    await decide(ids[0]!, 'pass');
    const ctx = await t.app.actAs({ ...users.wang, school: t.config.code });
    await expect(reopenRecord(ctx, stale as RecordRow, '用舊的版本')).rejects.toMatchObject({ code: 'not-decided' });
    expect(await record(ids[0]!)).toMatchObject({ status: 'passed', version: 4 });
    const reopens = await t.db.kysely.selectFrom('audit_log').select('action').where('action', '=', 'outcome.certify.reopen').execute();
    expect(reopens).toHaveLength(1);
  });
});
