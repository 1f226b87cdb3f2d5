import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { testDialects } from '@licheng/db/testing';
import { referencedObjects } from '@licheng/server';
import { createTestLicheng, setTestSchedule, testRoster, users, type TestLicheng } from '@licheng/server/testing';
import registry from './index.ts';
import { SNAPSHOT_APPEND_ONLY_MESSAGE } from './migrations.ts';
import { seedOutcomes, seedStatusChange, studentId } from './rosters/outcome-fixtures.ts';
import { submittedSnapshot } from './rosters/snapshot-read.ts';
import { ROSTER_WINDOWS } from './test-support.ts';

const OUTCOMES = { academicYear: 114, semester: 1, roster: 'outcomes' } as const;

describe.each(testDialects())('roster validation, submission snapshots and what changed on %s', (dialect) => {
  let t: TestLicheng;
  afterEach(async () => t?.close());
  const db = () => t.db.kysely as any;
  const [chen, lin] = testRoster.students;

  async function start(config: Record<string, unknown> = {}) {
    t = await createTestLicheng({ dialect, plugins: [registry], config });
    await setTestSchedule(t, ROSTER_WINDOWS);
  }

  it('validate lists what the central database would reject, with the office and target; export keeps those rows back the same way', async () => {
    await start({ rules: { outcomes: { selectionCapPerYear: 2 } } });
    const made = await seedOutcomes(t, [
      { student: 'S001', course: '國語文', summary: '紅樓夢' },
      { student: 'S001', course: '物理', summary: '實驗', documentBytes: 5 * 1024 * 1024 },
      { student: 'S001', course: '國語文', semester: 2, summary: '詩詞' },
      { student: 'S002', course: '物理', summary: '落體' },
      { student: 'S003', course: '國語文', summary: '讀書' },
    ]);
    // S002 transferred out before the submission; S003's 身分證號 has a wrong check digit.
    await seedStatusChange(t, 'S002', '2025-09-15', 'transfer-out', '321');
    await db().updateTable('students').set({ national_id: 'C123456780' }).where('student_no', '=', 'S003').execute();

    const res = await t.query('registry.rosters.validate', OUTCOMES, users.registry);
    expect(res.error).toBeNull();
    expect(res.data).toMatchObject({ roster: 'outcomes', batch: 'regular', kind: 26, rowCount: 3, reviewCount: 2, planChecked: false });
    const found = res.data.findings.map((f: any) => [f.code, f.office, f.student?.studentNo, f.target.recordId === null ? null : Object.entries(made).find(([, id]) => id === f.target.recordId)?.[0], f.target.kind]);
    expect(found).toEqual(
      expect.arrayContaining([
        ['over-selection-cap', 'student', 'S001', '紅樓夢', 'outcome'],
        ['over-selection-cap', 'student', 'S001', '實驗', 'outcome'],
        ['over-selection-cap', 'student', 'S001', '詩詞', 'outcome'],
        ['file-too-large', 'student', 'S001', '實驗', 'outcome'],
        ['student-left', 'registry-staff', 'S002', '落體', 'outcome'],
        ['invalid-national-id', 'registry-staff', 'S003', '讀書', 'outcome'],
      ]),
    );
    expect(found).toHaveLength(6);
    expect(res.data.findings[0].target).toEqual({ office: 'student', studentId: await studentId(t, 'S001'), recordId: expect.any(String), kind: 'outcome' });
    // Nothing was stored by the check.
    expect(await db().selectFrom('stored_files').select('id').where('type', '=', 'xlsx').execute()).toEqual([]);

    const exported = await t.mutate('registry.rosters.export', OUTCOMES, users.registry);
    expect(exported.data).toMatchObject({ rowCount: 3, review: { rowCount: 2 } });
    expect(exported.data.problems.map((p: any) => p.code).sort()).toEqual(res.data.findings.map((f: any) => f.code).sort());
    const content = JSON.parse((await db().selectFrom('roster_exports').select('content_json').executeTakeFirstOrThrow()).content_json);
    expect(content.map((s: any) => s.nationalId)).toEqual([chen.nationalId]);
  });

  it('marks an export as submitted once: an immutable snapshot; a second mark, also at the same moment, is refused', async () => {
    await start();
    await seedOutcomes(t, [{ student: 'S001', course: '國語文', summary: '紅樓夢' }, { student: 'S002', course: '物理', summary: '落體' }]);
    const exported = (await t.mutate('registry.rosters.export', OUTCOMES, users.registry)).data;
    const [a, b] = await Promise.all([t.mutate('registry.rosters.submit', { exportId: exported.fileId }, users.registry), t.mutate('registry.rosters.submit', { exportId: exported.fileId }, users.registry)]);
    const ok = [a, b].filter((r) => r.error === null);
    expect(ok).toHaveLength(1);
    expect([a, b].find((r) => r.error)!.error!.licheng?.code).toBe('roster-already-submitted');
    const stored = await db().selectFrom('stored_files').select('sha256').where('id', '=', exported.fileId).executeTakeFirstOrThrow();
    expect(ok[0]!.data).toMatchObject({ roster: 'outcomes', batch: 'regular', academicYear: 114, semester: 1, kind: 26, layoutVersion: 'z-2021', fileId: exported.fileId, sha256: stored.sha256, rowCount: 2, studentCount: 2, submittedBy: 'r-staff' });
    expect(await db().selectFrom('roster_snapshots').select('id').execute()).toHaveLength(1);
    expect((await t.mutate('registry.rosters.submit', { exportId: 'nope' }, users.registry)).error?.licheng?.code).toBe('roster-export-not-found');
    expect((await t.mutate('registry.rosters.submit', { exportId: exported.fileId }, users.chen)).error?.code).toBe('FORBIDDEN');

    // Append-only in the database itself, and its workbook stays referenced (never swept).
    await expect(sql`UPDATE roster_snapshots SET row_count = 0`.execute(db())).rejects.toThrow(SNAPSHOT_APPEND_ONLY_MESSAGE);
    await expect(db().deleteFrom('roster_snapshots').execute()).rejects.toThrow(SNAPSHOT_APPEND_ONLY_MESSAGE);
    expect((await referencedObjects(db())).has(stored.sha256)).toBe(true);
    expect(await t.storage.exists(stored.sha256)).toBe(true);

    // A second export of the same data is its own submission: two distinct snapshots, newest first in the history.
    const again = (await t.mutate('registry.rosters.export', OUTCOMES, users.registry)).data;
    expect((await t.mutate('registry.rosters.submit', { exportId: again.fileId }, users.registry)).error).toBeNull();
    const history = await t.query('registry.rosters.snapshots', { academicYear: 114, roster: 'outcomes' }, users.registry);
    expect(history.data.snapshots.map((s: any) => s.exportId)).toEqual([again.fileId, exported.fileId]);
    const read = await submittedSnapshot(db(), t.config.code, { roster: 'outcomes', batch: 'regular', academicYear: 114, semester: 0 });
    expect(read).toMatchObject({ exportId: again.fileId, content: [{ nationalId: chen.nationalId }, { nationalId: lin.nationalId }] });
    const audit = await db().selectFrom('audit_log').select(['action', 'entity']).where('action', 'like', 'roster.submit.%').execute();
    expect(audit).toEqual([{ action: 'roster.submit.26', entity: 'roster_snapshot' }, { action: 'roster.submit.26', entity: 'roster_snapshot' }]);
  });

  it('changes: a later export or the current data against the last snapshot — students added, removed, rows per column old → new', async () => {
    await start();
    const made = await seedOutcomes(t, [
      { student: 'S001', course: '國語文', summary: '紅樓夢' },
      { student: 'S001', course: '物理', summary: '實驗' },
      { student: 'S002', course: '物理', summary: '落體' },
    ]);
    const none = await t.query('registry.rosters.changes', OUTCOMES, users.registry);
    expect(none.data).toMatchObject({ snapshot: null, removed: [], changed: [], pendingCorrections: [] });
    expect(none.data.added).toHaveLength(2);

    const first = (await t.mutate('registry.rosters.export', OUTCOMES, users.registry)).data;
    const snap = (await t.mutate('registry.rosters.submit', { exportId: first.fileId }, users.registry)).data;
    expect((await t.query('registry.rosters.changes', OUTCOMES, users.registry)).data).toMatchObject({ snapshot: { id: snap.id }, added: [], removed: [], changed: [] });

    await db().updateTable('records').set({ summary: '紅樓夢人物分析' }).where('id', '=', made['紅樓夢']).execute();
    await db().deleteFrom('selections').where('record_id', 'in', [made['實驗'], made['落體']]).execute();
    await seedOutcomes(t, [{ student: 'S003', course: '國語文', summary: '讀書' }], Object.fromEntries((await db().selectFrom('courses').select(['id', 'subject_name']).execute()).map((c: any) => [c.subject_name, c.id])));
    const current = (await t.query('registry.rosters.changes', OUTCOMES, users.registry)).data;
    expect(current.added).toEqual([{ studentId: await studentId(t, 'S003'), nationalId: testRoster.students[2]!.nationalId }]);
    expect(current.removed).toEqual([{ studentId: await studentId(t, 'S002'), nationalId: lin.nationalId }]);
    expect(current.changed).toEqual([
      {
        studentId: await studentId(t, 'S001'),
        nationalId: chen.nationalId,
        rows: [
          { sheet: '學期課程學習成果', change: 'changed', recordId: made['紅樓夢'], cells: expect.objectContaining({ 成果簡述: '紅樓夢人物分析' }), columns: [{ column: '成果簡述', before: '紅樓夢', after: '紅樓夢人物分析' }] },
          { sheet: '學期課程學習成果', change: 'removed', recordId: made['實驗'], cells: expect.objectContaining({ 成果簡述: '實驗' }), columns: [] },
        ],
      },
    ]);
    // A later export says the same as the current data; an export of another roster is not found here.
    const later = (await t.mutate('registry.rosters.export', OUTCOMES, users.registry)).data;
    const byExport = (await t.query('registry.rosters.changes', { ...OUTCOMES, exportId: later.fileId }, users.registry)).data;
    expect({ ...byExport, snapshot: null }).toEqual({ ...current, snapshot: null });
    expect((await t.query('registry.rosters.changes', { ...OUTCOMES, roster: 'night-outcomes', exportId: later.fileId }, users.registry)).error?.licheng?.code).toBe('roster-export-not-found');
  });

  it('list: every roster with a builder, its 名冊別 per batch and the window’s refusal', async () => {
    t = await createTestLicheng({ dialect, plugins: [registry] });
    const closed = await t.query('registry.rosters.list', { academicYear: 114, semester: 1 }, users.registry);
    const g12 = (regular: number, first: number, second: number) => [['regular', regular, null], ['grade12-first', first, null], ['grade12-second', second, null]];
    const unset = (...batches: string[]) => batches.map((b) => [b, null, 'unset']);
    expect(closed.data.rosters.map((r: any) => [r.roster, r.label, r.batches.map((b: any) => [b.batch, b.kind, b.disabled ? 'unset' : null])])).toEqual([
      ['outcomes', '課程學習成果', g12(26, 36, 76)],
      ['night-outcomes', '進修部課程學習成果', g12(28, 38, 78)],
      ['cadres', '校內幹部經歷', g12(24, 34, 74)],
      ['performances', '多元表現', g12(25, 35, 75)],
      ['student-data', '學生資料', unset('regular', 'grade12-first', 'grade12-second')],
      ['grades', '學生成績', unset('regular')],
      ['retake-repeat', '重修重讀成績', unset('regular')],
      ['night-grades', '進修部成績', unset('regular')],
      ['precheck-day', '預檢成績（日間部）', [['regular', 41, null]]],
      ['precheck-night', '預檢成績（進修部）', [['regular', 42, null]]],
    ]);
    // A roster whose number no source gives says which setting to fill, before anyone tries.
    expect(closed.data.rosters.find((r: any) => r.roster === 'grades').batches[0].disabled).toContain('rosters.numbers.grades.regular');
    await setTestSchedule(t, ROSTER_WINDOWS);
    await seedOutcomes(t, [{ student: 'S001', course: '國語文' }]);
    const open = await t.query('registry.rosters.list', { academicYear: 114, semester: 1 }, users.registry);
    expect(open.data.rosters[0].batches[0].refusal).toBeNull();
    expect((await t.query('registry.rosters.list', { academicYear: 114, semester: 1 }, users.wang)).error?.code).toBe('FORBIDDEN');
  });
});
