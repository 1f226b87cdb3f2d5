import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { DomainError } from '@licheng/core';
import { testDialects } from '@licheng/db/testing';
import { writeAudit, type PlatformDatabase } from '@licheng/server';
import { createTestLicheng, TEST_SCHOOL, users, type TestLicheng, type TestUser } from '@licheng/server/testing';
import type { Kysely } from 'kysely';
import registry from '../index.ts';
import { csvBytes, fileOf, importForm, studentsSheet, type Rows } from '../test-support.ts';
import { exportAudit } from './audit-export.ts';

const moved: Rows = [studentsSheet[0]!, ['S001', '陳小明', 'A123456789', '98/03/01', 1, '102', 7, '日間部', 's-chen'], studentsSheet[2]!, studentsSheet[3]!];

describe.each(testDialects())('registry.audit on %s', (dialect) => {
  let t: TestLicheng;
  afterEach(async () => t?.close());

  const db = () => t.db.kysely as Kysely<PlatformDatabase>;
  const list = (input: Record<string, unknown>, user: TestUser = users.registry) => t.query('registry.audit.list', input, user);
  async function importStudents(rows: Rows, at: string) {
    t.clock.now = new Date(at);
    const res = await t.upload('registry.imports.run', importForm('students', fileOf(csvBytes(rows), '學生.csv')), users.registry);
    expect(res.data.ok).toBe(true);
  }
  /** Two imports of the students (3 inserted; then S001 moved to 102), a day apart in Taipei. */
  async function setup() {
    t = await createTestLicheng({ dialect, plugins: [registry] });
    await importStudents(studentsSheet, '2025-10-01T04:00:00Z'); // 114/10/01 12:00 Taipei
    await importStudents(moved, '2025-10-01T16:30:00Z'); // 114/10/02 00:30 Taipei
    // Another school's entry never shows.
    await writeAudit(db(), { school: '999999', actor: { userId: 'x', name: '他校' }, role: 'registry-staff', action: 'roster.student.update', entity: 'student', entityId: 'x', at: new Date('2025-10-01T05:00:00Z') });
  }

  it('lists the school’s entries newest first with the changed fields before and after, page by page', async () => {
    await setup();
    const all = await list({});
    expect(all.error).toBeNull();
    expect(all.data.entries.map((e: any) => e.action)).toEqual(['roster.import.students', 'roster.student.update', 'roster.import.students', 'roster.student.insert', 'roster.student.insert', 'roster.student.insert']);
    expect(all.data.next).toBeNull();
    const update = all.data.entries[1];
    expect(update).toMatchObject({ actor: { id: 'r-staff', name: '註冊組長', role: 'registry-staff' }, entity: 'student', student: { studentNo: 'S001', name: '陳小明', className: '102' }, parentId: all.data.entries[0].id });
    expect([update.before, update.after]).toEqual([{ class_name: '101', seat_no: 1 }, { class_name: '102', seat_no: 7 }]);
    // Worded for people in the caller's language (zh-TW here), so the screen needs no label tables.
    expect(update.words).toMatchObject({ entity: '學生', role: '註冊組', time: '114/10/02 00:30:00' });
    expect(update.words.changes.map((c: any) => [c.before, c.after])).toEqual([['101', '102'], ['1', '7']]);

    const seen: string[] = [];
    let cursor: unknown;
    do {
      const page = await list({ limit: 4, ...(cursor ? { cursor } : {}) });
      seen.push(...page.data.entries.map((e: any) => e.id));
      cursor = page.data.next;
    } while (cursor);
    expect(seen).toEqual(all.data.entries.map((e: any) => e.id));
  });

  it('filters by student (學號 or part of the name), user, record, action, operation and Taipei dates', async () => {
    await setup();
    const ids = async (input: Record<string, unknown>) => (await list(input)).data.entries.map((e: any) => `${e.action}:${e.student?.studentNo ?? ''}`);
    expect(await ids({ student: 'S001' })).toEqual(['roster.student.update:S001', 'roster.student.insert:S001']);
    expect(await ids({ student: '小明' })).toEqual(['roster.student.update:S001', 'roster.student.insert:S001']);
    expect(await ids({ student: 'S999' })).toEqual([]);
    expect(await ids({ user: 'r-staff', action: 'import' })).toEqual(['roster.import.students:', 'roster.import.students:']);
    expect(await ids({ user: '註冊' })).toHaveLength(6);
    expect(await ids({ user: '教務' })).toEqual([]);
    const chen = await db().selectFrom('students').select('id').where('student_no', '=', 'S001').executeTakeFirstOrThrow();
    expect(await ids({ entity: 'student', entityId: chen.id })).toEqual(['roster.student.update:S001', 'roster.student.insert:S001']);
    expect(await ids({ action: 'update' })).toEqual(['roster.student.update:S001']);
    // LIKE wildcards are searched for as text.
    expect(await ids({ action: '%' })).toEqual([]);
    expect(await ids({ action: '_' })).toEqual([]);
    const first = (await list({ action: 'roster.import', to: '2025-10-01' })).data.entries;
    expect(first).toHaveLength(1);
    expect(await ids({ parentId: first[0].id })).toHaveLength(3);
    // 00:30 on 2 October in Taipei is still 1 October in UTC: the day is Taipei's.
    expect(await ids({ from: '2025-10-02' })).toEqual(['roster.import.students:', 'roster.student.update:S001']);
    expect(await ids({ from: '2025-10-01', to: '2025-10-01' })).toHaveLength(4);
    const reversed = await list({ from: '2025-10-02', to: '2025-10-01' });
    expect(reversed.error?.licheng?.code).toBe('audit-date-range');
    expect((await list({ from: '115/11/27' })).status).toBe(400);
  });

  it('names whom a proxy acted for (代理), and no one for an entry of one’s own', async () => {
    await setup();
    await writeAudit(db(), { school: TEST_SCHOOL, actor: { userId: 't-chen', name: '陳老師' }, actedFor: { userId: 't-wang', name: '王老師' }, role: 'subject-teacher', action: 'outcome.certify.pass', entity: 'record', entityId: 'r1', after: { status: 'passed' }, at: new Date('2025-10-03T01:00:00Z') });
    const entries = (await list({})).data.entries;
    expect(entries[0]).toMatchObject({ action: 'outcome.certify.pass', actor: { id: 't-chen', name: '陳老師', actedFor: { id: 't-wang', name: '王老師' } } });
    expect(entries[1].actor.actedFor).toBeNull();
  });

  it('is the registry office’s alone', async () => {
    await setup();
    for (const user of [users.chen, users.wang]) expect((await list({}, user)).status).toBe(403);
    const res = await t.app.request('/api/registry/audit.xlsx', { headers: { authorization: `Bearer ${await t.token(users.wang)}` } });
    expect(res.status).toBe(403);
  });

  it('exports the filtered entries as Excel, changes readable in zh-TW, and audits the export', async () => {
    await setup();
    const res = await t.app.request('/api/registry/audit.xlsx?student=S001', { headers: { authorization: `Bearer ${await t.token(users.registry)}`, 'accept-language': 'zh-TW' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain(encodeURIComponent('稽核紀錄-123456-'));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    const sheet = workbook.getWorksheet('稽核紀錄')!;
    const rows = sheet.getSheetValues().slice(1) as unknown[][];
    expect(rows[0]!.slice(1, 7)).toEqual(['時間', '操作者', '帳號', '身分', '動作', '動作代碼']);
    expect(rows).toHaveLength(3);
    expect(rows[1]!.slice(1, 12)).toEqual(['114/10/02 00:30:00', '註冊組長', 'r-staff', '註冊組', '更新', 'roster.student.update', '學生', expect.any(String), 'S001', '陳小明', '102']);
    expect(rows[1]![12]).toBe('班級：101 → 102\n座號：1 → 7');
    expect(rows[2]![12]).toContain('姓名：陳小明');
    const [exported] = await db().selectFrom('audit_log').selectAll().where('action', '=', 'audit.export').execute();
    expect(exported).toMatchObject({ actor_id: 'r-staff', entity: 'audit_log', school_code: TEST_SCHOOL });
    expect(JSON.parse(exported!.after!)).toEqual({ filters: { student: 'S001' }, rowCount: 2 });
  });

  it('refuses an export past its cap with a clear message, before building anything', async () => {
    await setup();
    const ctx = await t.app.actAs({ userId: 'r-staff', name: '註冊組長', school: TEST_SCHOOL, roles: ['registry-staff'] });
    const refused = exportAudit(ctx, {}, 5);
    await expect(refused).rejects.toBeInstanceOf(DomainError);
    await expect(refused).rejects.toMatchObject({ code: 'audit-export-too-large', params: { count: 6, max: 5 } });
    expect((await exportAudit(ctx, { action: 'update' }, 5)).rowCount).toBe(1);
    const res = await t.app.request('/api/registry/audit.xlsx?from=2025-13-01', { headers: { authorization: `Bearer ${await t.token(users.registry)}` } });
    expect(res.status).toBe(400);
  });
});
