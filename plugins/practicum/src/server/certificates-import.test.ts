import { afterEach, describe, expect, it } from 'vitest';
import { testDialects } from '@licheng/db/testing';
import type { TestLicheng } from '@licheng/server/testing';
import { certificateRecords, chen, csvBytes, HEADER, importList, practicumSchool, staff, xlsxBytes } from './test-support.ts';

const good = [
  [...HEADER],
  ['S001', '工業電子', '丙級', 'A-001', '114/06/30', ''],
  ['S002', '室內配線', '乙級', 'B-002', '1140115', '勞動部勞動力發展署技能檢定中心'],
  ['S003', '門市服務', '單一級', 'C-003', '2025-08-20', '技能檢定中心'],
] as const;

describe.each(testDialects())('practicum.certificates.import on %s', (dialect) => {
  let t: TestLicheng;
  afterEach(async () => t?.close());

  it('imports a list from Excel, each certificate passed on entry in the term of its ROC or ISO date', async () => {
    t = await practicumSchool(dialect);
    const res = await importList(t, await xlsxBytes(good), { name: '合格名單.xlsx' });
    expect(res.error).toBeNull();
    expect(res.data).toMatchObject({ dryRun: false, rows: 3, imported: 3, academicYears: [113, 114], issues: [] });
    const rows = await certificateRecords(t);
    // What was written comes back, so the list can open on it.
    expect([...res.data.ids].sort()).toEqual(rows.map((r) => r.id).sort());
    expect(rows.map((r) => [r.academic_year, r.semester, r.status, r.decided_by, r.entered_role])).toEqual([
      [113, 2, 'passed', 'p-staff', 'practicum-staff'],
      [113, 1, 'passed', 'p-staff', 'practicum-staff'],
      [114, 1, 'passed', 'p-staff', 'practicum-staff'],
    ]);
    expect(JSON.parse(rows[0]!.data)).toMatchObject({ name: '工業電子', level: '丙級', number: 'A-001', date: '2025-06-30', issuer: '勞動部勞動力發展署技能檢定中心', category: 3, origin: 'domestic' });
    // The list's entry, and under it one entry per certificate it entered.
    const audit = (await t.db.kysely.selectFrom('audit_log').select(['id', 'action', 'parent_id', 'entity_id']).orderBy('entity').execute()) as any[];
    expect(audit.map((a) => a.action)).toEqual(['skill-certificate.import', 'skill-certificate.enter', 'skill-certificate.enter', 'skill-certificate.enter']);
    expect(audit.slice(1).map((a) => a.parent_id)).toEqual([audit[0].id, audit[0].id, audit[0].id]);
    expect(audit.slice(1).map((a) => a.entity_id).sort()).toEqual(rows.map((r) => r.id).sort());
  });

  it('reads a Big5 CSV and a UTF-8 CSV with BOM and a title line above the header', async () => {
    t = await practicumSchool(dialect);
    const big5 = await importList(t, csvBytes(good.slice(0, 2), 'big5'));
    expect(big5.data).toMatchObject({ imported: 1, issues: [] });
    const withTitle = await importList(t, csvBytes([['114年度技能檢定合格名單'], ...good.slice(0, 1), ...good.slice(2)], 'utf-8-bom'));
    expect(withTitle.data).toMatchObject({ imported: 2, issues: [] });
    expect((await certificateRecords(t)).map((r) => JSON.parse(r.data).name)).toEqual(['工業電子', '室內配線', '門市服務']);
  });

  it('reports every bad row by its Excel row number and column, and writes nothing', async () => {
    t = await practicumSchool(dialect);
    const res = await importList(t, await xlsxBytes([
      [...HEADER],
      ['S001', '工業電子', '丙級', 'A-001', '114/06/30', ''],
      ['S999', '室內配線', '乙級', 'B-002', '114/02/30', ''],
      [null, null, null, null, null, null],
      ['S002', '', '乙級', 'B-003', '115/01/01', ''],
      ['S003', '門市服務', '級'.repeat(21), 'C-003', '114/07/01', ''],
      ['S004', '門市服務', '丙級', 'C-004', '114/07/01', ''],
    ]));
    expect(res.error).toBeNull();
    expect(res.data.imported).toBe(0);
    expect(res.data.rows).toBe(5);
    expect(res.data.issues.map((i: { row: number; column: string; code: string }) => [i.row, i.column, i.code])).toEqual([
      [3, '發證日期', 'date-invalid'],
      [5, '證照名稱', 'import-value-required'],
      [5, '發證日期', 'certificate-date-future'],
      [6, '級別', 'import-value-too-long'],
      [7, '學號', 'import-student-unknown'],
    ]);
    expect(res.data.issues[0].message).toBe('日期「114/02/30」無法辨識或不存在');
    expect(res.data.issues[4].message).toBe('找不到學號「S004」，請先匯入學生名冊');
    expect(await certificateRecords(t)).toHaveLength(0);
  });

  it('reports duplicates within the file and against what is recorded, per row', async () => {
    t = await practicumSchool(dialect);
    expect((await importList(t, csvBytes(good.slice(0, 2)))).data.imported).toBe(1);
    const res = await importList(t, csvBytes([...good, ['S003', '門市服務', '單一級', 'c-003', '2025-08-20', '']]));
    expect(res.data.imported).toBe(0);
    expect(res.data.issues.map((i: { row: number; code: string; message: string }) => [i.row, i.code, i.message])).toEqual([
      [2, 'certificate-duplicate', '學號「S001」已登錄證照號碼「A-001」的證照'],
      [5, 'import-duplicate-row', '與第 4 列重複（S003 c-003）'],
    ]);
    expect(await certificateRecords(t)).toHaveLength(1);
  });

  it('checks everything on a dry run and writes nothing', async () => {
    t = await practicumSchool(dialect);
    const dry = await importList(t, csvBytes(good), { dryRun: true });
    expect(dry.data).toEqual({ dryRun: true, rows: 3, imported: 0, ids: [], academicYears: [], issues: [] });
    expect(await certificateRecords(t)).toHaveLength(0);
    expect(await t.db.kysely.selectFrom('audit_log' as never).selectAll().execute()).toHaveLength(0);
    expect((await importList(t, csvBytes(good), { dryRun: false })).data.imported).toBe(3);
  });

  it('refuses files that are not lists: missing columns, no rows, a PDF, legacy .xls', async () => {
    t = await practicumSchool(dialect);
    const noNumber = await importList(t, csvBytes([['學號', '證照名稱', '級別', '發證日期'], ['S001', '工業電子', '丙級', '114/06/30']]));
    expect(noNumber.data.issues).toEqual([{ row: null, column: '證照號碼', code: 'import-header-missing', params: { column: '證照號碼' }, message: '缺少必要欄位「證照號碼」' }]);
    expect((await importList(t, csvBytes([[...HEADER]]))).error?.licheng?.code).toBe('import-empty');
    const pdf = await importList(t, new TextEncoder().encode('%PDF-1.7\n學號,證照名稱'));
    expect(pdf.error?.licheng?.code).toBe('file-type-not-allowed');
    const xls = await importList(t, new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]));
    expect(xls.error?.licheng?.code).toBe('import-xls-unsupported');
    expect((await t.upload('practicum.certificates.import', new FormData(), staff)).error?.licheng?.code).toBe('file-missing');
    expect(await certificateRecords(t)).toHaveLength(0);
  });

  it('answers 401 without a token and 403 to a student; serves the template to the office only', async () => {
    t = await practicumSchool(dialect);
    expect((await importList(t, csvBytes(good), { user: chen })).status).toBe(403);
    const anonymous = await t.app.request('/trpc/practicum.certificates.import', { method: 'POST', body: new FormData() });
    expect(anonymous.status).toBe(401);
    const headers = (user: typeof chen) => t.token(user).then((token) => ({ authorization: `Bearer ${token}` }));
    expect((await t.app.request('/api/practicum/templates/certificates.xlsx')).status).toBe(401);
    expect((await t.app.request('/api/practicum/templates/certificates.xlsx', { headers: await headers(chen) })).status).toBe(403);
    const template = await t.app.request('/api/practicum/templates/certificates.xlsx', { headers: await headers(staff) });
    expect(template.status).toBe(200);
    expect(template.headers.get('content-type')).toMatch(/spreadsheetml/);
    const bytes = new Uint8Array(await template.arrayBuffer());
    const dry = await importList(t, bytes, { dryRun: true });
    expect(dry.data).toEqual({ dryRun: true, rows: 1, imported: 0, ids: [], academicYears: [], issues: [] });
  });
});
