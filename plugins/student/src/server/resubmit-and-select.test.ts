import { afterEach, describe, expect, it } from 'vitest';
import { testDialects } from '@licheng/db/testing';
import { newId } from '@licheng/db';
import { createTestLicheng, fakeFile, openSchedule, seedRoster, users, type TestLicheng } from '@licheng/server/testing';
import student from './index.ts';

function form(fields: Record<string, string | File>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  return f;
}

describe.each(testDialects())('resubmit and selection on %s', (dialect) => {
  let t: TestLicheng;
  afterEach(async () => t?.close());

  /** Uploads `n` outcomes for 陳小明 and sets their status directly (certification is the teaching office's). */
  async function outcomes(n: number, status: 'pending' | 'passed' | 'failed', rules: Record<string, unknown> = {}) {
    t = await createTestLicheng({ dialect, plugins: [student], config: { schedule: openSchedule, rules } });
    const { courseIds } = await seedRoster(t);
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const res = await t.upload('student.outcomes.upload', form({ courseId: courseIds[i % 2 ? '物理' : '國語文']!, summary: `成果 ${i}`, document: fakeFile('pdf', 900 + i) }), users.chen);
      ids.push(res.data.id);
    }
    await t.db.kysely.updateTable('records' as any).set({ status, status_reason: status === 'failed' ? '非本課程作品' : null } as any).execute();
    return ids;
  }

  it('lets a failed outcome be fixed and resubmitted, back to pending, keeping the old file when none is sent', async () => {
    const [id] = await outcomes(1, 'failed');
    const before = (await t.query('student.outcomes.list', undefined, users.chen)).data[0];
    const res = await t.upload('student.outcomes.resubmit', form({ recordId: id!, summary: '修正後的簡述' }), users.chen);
    expect(res.error).toBeNull();
    expect(res.data).toMatchObject({ status: 'pending', summary: '修正後的簡述', documentFileId: before.documentFileId, version: before.version + 1, statusReason: null, decidedAt: null });
    expect(before.statusReason).toBe('非本課程作品');
    const again = await t.upload('student.outcomes.resubmit', form({ recordId: id!, summary: '再一次' }), users.chen);
    expect(again.error?.licheng?.code).toBe('not-failed');
  });

  it('refuses a resubmission that changes nothing, leaving the failed item as it was', async () => {
    const [id] = await outcomes(1, 'failed');
    const before = await t.db.kysely.selectFrom('records' as any).selectAll().execute();
    // The same summary, with no file or with the very bytes already stored.
    for (const files of [{}, { document: fakeFile('pdf', 900) }] as Array<Record<string, File>>) {
      const res = await t.upload('student.outcomes.resubmit', form({ recordId: id!, summary: '成果 0', ...files }), users.chen);
      expect(res.status).toBe(400);
      expect(res.error?.licheng?.code).toBe('resubmit-unchanged');
    }
    expect(await t.db.kysely.selectFrom('records' as any).selectAll().execute()).toEqual(before);
    // A new file alone is a change.
    const res = await t.upload('student.outcomes.resubmit', form({ recordId: id!, summary: '成果 0', document: fakeFile('pdf', 901) }), users.chen);
    expect(res.error).toBeNull();
    expect(res.data.documentFileId).not.toBe((before[0] as any).document_file_id);
  });

  it('shows when each outcome was submitted or resubmitted, not when it was last decided, and marks a resubmission', async () => {
    const [first, second] = await outcomes(2, 'failed');
    const uploadedAt = t.clock.now.toISOString();
    t.clock.now = new Date('2025-10-03T02:00:00Z');
    const res = await t.upload('student.outcomes.resubmit', form({ recordId: first!, summary: '改好了' }), users.chen);
    expect(res.data).toMatchObject({ resubmitted: true, submittedAt: '2025-10-03T02:00:00.000Z' });
    // A later decision changes both rows, not their submission time.
    await t.db.kysely.updateTable('records' as any).set({ status: 'passed', updated_at: '2025-10-09T02:00:00.000Z' } as any).execute();
    const list = (await t.query('student.outcomes.list', undefined, users.chen)).data;
    const byId = Object.fromEntries(list.map((o: any) => [o.id, o]));
    expect(byId[first!]).toMatchObject({ resubmitted: true, submittedAt: '2025-10-03T02:00:00.000Z' });
    expect(byId[second!]).toMatchObject({ resubmitted: false, submittedAt: uploadedAt });
    // The list names each file as it was uploaded, for the fix form to show.
    expect(byId[second!].documentFileName).toMatch(/\.pdf$/);
    expect(byId[second!].mediaFileName).toBeNull();
  });

  it('names both files in its reply when only the document is replaced, as the list does', async () => {
    t = await createTestLicheng({ dialect, plugins: [student], config: { schedule: openSchedule } });
    const { courseIds } = await seedRoster(t);
    const up = await t.upload('student.outcomes.upload', form({ courseId: courseIds['國語文']!, summary: '影片報告', document: fakeFile('pdf', 900, '初稿.pdf'), media: fakeFile('mp4', 800, '實驗.mp4') }), users.chen);
    expect(up.error).toBeNull();
    await t.db.kysely.updateTable('records' as any).set({ status: 'failed', status_reason: '缺少結論' } as any).execute();
    const res = await t.upload('student.outcomes.resubmit', form({ recordId: up.data.id, summary: '影片報告', document: fakeFile('pdf', 901, '修正版.pdf') }), users.chen);
    expect(res.error).toBeNull();
    expect(res.data).toMatchObject({ documentFileName: '修正版.pdf', mediaFileName: '實驗.mp4', mediaFileId: up.data.mediaFileId });
    const listed = (await t.query('student.outcomes.list', undefined, users.chen)).data[0];
    expect(res.data).toMatchObject({ documentFileName: listed.documentFileName, mediaFileName: listed.mediaFileName });
  });

  it('refuses a fixed 簡述 of NUL or zero-width characters only with 400 and leaves the failed item as it was', async () => {
    const [id] = await outcomes(1, 'failed');
    const before = await t.db.kysely.selectFrom('records' as any).selectAll().execute();
    for (const summary of ['\u0000', '\u200b\u200b', '\u0000\u200b']) {
      const res = await t.upload('student.outcomes.resubmit', form({ recordId: id!, summary, document: fakeFile('pdf', 4321) }), users.chen);
      expect(res.status, JSON.stringify(summary)).toBe(400);
      expect(['text-control-character', 'summary-required']).toContain(res.error?.licheng?.code);
    }
    expect(await t.db.kysely.selectFrom('records' as any).selectAll().execute()).toEqual(before);
    expect(await t.db.kysely.selectFrom('stored_files' as any).selectAll().execute()).toHaveLength(1);
  });

  it('refuses to resubmit a passed (frozen) item or someone else’s item', async () => {
    const [id] = await outcomes(1, 'passed');
    const frozen = await t.upload('student.outcomes.resubmit', form({ recordId: id!, summary: '改' }), users.chen);
    expect(frozen.error?.licheng?.code).toBe('not-failed');
    const other = await t.upload('student.outcomes.resubmit', form({ recordId: id!, summary: '改' }), users.lin);
    expect(other.status).toBe(404);
    // Someone else's item reads exactly as one that does not exist.
    expect(other).toEqual(await t.upload('student.outcomes.resubmit', form({ recordId: newId(), summary: '改' }), users.lin));
  });

  it('selects only passed outcomes, at most the yearly cap', async () => {
    const ids = await outcomes(7, 'passed');
    const ok = await t.mutate('student.selections.save', { academicYear: 114, recordIds: ids.slice(0, 6) }, users.chen);
    expect(ok.error).toBeNull();
    expect(ok.data.recordIds).toHaveLength(6);
    const tooMany = await t.mutate('student.selections.save', { academicYear: 114, recordIds: ids }, users.chen);
    expect(tooMany.error?.licheng?.code).toBe('selection-cap-reached');
    const got = await t.query('student.selections.get', { academicYear: 114 }, users.chen);
    expect(got.data).toMatchObject({ cap: 6, window: { state: 'open' } });
    expect(got.data.recordIds.sort()).toEqual(ids.slice(0, 6).sort());
    const list = await t.query('student.outcomes.list', { academicYear: 114 }, users.chen);
    expect(list.data.filter((o: any) => o.selected)).toHaveLength(6);
    // Changing the selection: the audit entry holds the chosen items before and after, under the student.
    const changed = await t.mutate('student.selections.save', { academicYear: 114, recordIds: [...ids.slice(1, 6), ids[6]!] }, users.chen);
    expect(changed.error).toBeNull();
    const entries = await t.db.kysely.selectFrom('audit_log').selectAll().where('action', '=', 'outcome.select').orderBy('id').execute();
    expect(entries).toHaveLength(2);
    const chen = await t.db.kysely.selectFrom('students').select('id').where('host_user_id', '=', 's-chen').executeTakeFirstOrThrow();
    expect(entries[1]).toMatchObject({ actor_id: 's-chen', entity: 'selection', student_id: chen.id });
    expect(JSON.parse(entries[1]!.before!).recordIds.sort()).toEqual(ids.slice(0, 6).sort());
    expect(JSON.parse(entries[1]!.after!).recordIds).toEqual([...ids.slice(1, 6), ids[6]!]);
    expect(JSON.parse(entries[1]!.after!).records).toHaveLength(6);
  });

  it('refuses pending items, other students’ items and a closed window', async () => {
    const ids = await outcomes(2, 'pending');
    const pending = await t.mutate('student.selections.save', { academicYear: 114, recordIds: ids }, users.chen);
    expect(pending.error?.licheng?.code).toBe('not-passed');
    const other = await t.mutate('student.selections.save', { academicYear: 114, recordIds: ids }, users.lin);
    expect(other.status).toBe(404);
    expect(other).toEqual(await t.mutate('student.selections.save', { academicYear: 114, recordIds: [newId()] }, users.lin));
    t.clock.now = new Date('2026-08-15T00:00:00Z');
    const closed = await t.mutate('student.selections.save', { academicYear: 114, recordIds: [] }, users.chen);
    expect(closed.error?.licheng?.code).toBe('window-closed');
  });

  it('uses a semester selection window when the school sets one for the current semester', async () => {
    const perSemester = [...openSchedule.filter((w) => w.activity !== 'outcome-selection'), { activity: 'outcome-selection', academicYear: 114, semester: 1, start: '2025-09-15', end: '2025-10-15' }];
    t = await createTestLicheng({ dialect, plugins: [student], config: { schedule: perSemester } });
    const { courseIds } = await seedRoster(t);
    const up = await t.upload('student.outcomes.upload', form({ courseId: courseIds['國語文']!, summary: '成果', document: fakeFile('pdf') }), users.chen);
    await t.db.kysely.updateTable('records' as any).set({ status: 'passed' } as any).execute();
    expect((await t.mutate('student.selections.save', { academicYear: 114, recordIds: [up.data.id] }, users.chen)).error).toBeNull();
    t.clock.now = new Date('2025-11-01T00:00:00Z');
    expect((await t.mutate('student.selections.save', { academicYear: 114, recordIds: [] }, users.chen)).error?.licheng?.code).toBe('window-closed');
  });

  it('lets different students save at the same moment without conflicts', async () => {
    t = await createTestLicheng({ dialect, plugins: [student], config: { schedule: openSchedule } });
    const { courseIds } = await seedRoster(t);
    const db = t.db.kysely as any;
    const at = new Date().toISOString();
    const byStudent: Record<string, string[]> = {};
    for (let n = 0; n < 30; n++) {
      const id = newId();
      const userId = `s-extra-${n}`;
      await db.insertInto('students').values({ id, school_code: t.config.code, student_no: `X${n}`, host_user_id: userId, name: `學生${n}`, national_id: `X${n}`, birth_date: '2009-01-01', grade: 1, class_name: '102', seat_no: n + 1, division: 'day', department_code: null, status: 'enrolled', created_at: at, updated_at: at }).execute();
      byStudent[userId] = [];
      for (let i = 0; i < 3; i++) {
        const recordId = newId();
        await db.insertInto('records').values({ id: recordId, school_code: t.config.code, kind: 'outcome', student_id: id, course_id: courseIds['國語文'], academic_year: 114, semester: 1, summary: `成果 ${i}`, data: '{}', document_file_id: null, media_file_id: null, status: 'passed', status_reason: null, decided_by: null, decided_by_name: null, decided_role: null, decided_at: null, entered_by: userId, entered_role: 'student', version: 1, created_at: at, updated_at: at }).execute();
        byStudent[userId]!.push(recordId);
      }
    }
    const calls = Object.entries(byStudent).flatMap(([userId, ids]) =>
      Array.from({ length: 4 }, (_, round) => t.mutate('student.selections.save', { academicYear: 114, recordIds: ids.filter((_, i) => ((round + 1) >> i) & 1) }, { userId, roles: ['student'] })),
    );
    const results = await Promise.all(calls);
    expect(results.filter((r) => r.error).map((r) => r.error?.licheng?.code)).toEqual([]);
  });

  it('never exceeds a configured cap under parallel saves', async () => {
    const ids = await outcomes(8, 'passed', { outcomes: { selectionCapPerYear: 3 } });
    const sets = [ids.slice(0, 3), ids.slice(3, 6), ids.slice(5, 8), ids.slice(0, 2), ids.slice(2, 5)];
    const results = await Promise.all(sets.map((recordIds) => t.mutate('student.selections.save', { academicYear: 114, recordIds }, users.chen)));
    expect(results.every((r) => r.error === null)).toBe(true);
    const rows = await t.db.kysely.selectFrom('selections' as any).select('record_id' as any).execute();
    expect(rows.length).toBeLessThanOrEqual(3);
    expect(sets.map((s) => [...s].sort().join())).toContain(rows.map((r: any) => r.record_id).sort().join());
  });
});
