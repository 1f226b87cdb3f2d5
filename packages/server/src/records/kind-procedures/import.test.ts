import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { testDialects } from '@licheng/db/testing';
import { definePlugin } from '../../plugin.ts';
import { router } from '../../trpc.ts';
import { createTestLicheng, encodeBig5, seedRoster, users, type TestLicheng, type TestUser } from '../../testing/index.ts';
import { recordKindProcedures, recordKindRoutes } from './index.ts';

const options = { kinds: ['cadre', 'attendance'] };
const office = definePlugin({
  id: 'office',
  office: { 'zh-TW': '處室', en: 'Office' },
  roles: ['activities-staff'],
  router: router({ records: recordKindProcedures(options) }),
  routes: (app, deps) => recordKindRoutes(app, deps, options),
});

const activities: TestUser = { userId: 'sa-act', name: '訓育組長', roles: ['activities-staff'] };
const discipline: TestUser = { userId: 'sa-dis', name: '生輔組長', roles: ['discipline-staff'] };

const HEADER = '學號,學年度,學期,內容簡述,單位名稱,開始日期,結束日期,擔任職務,幹部等級';
const csv = (...lines: string[]) => [HEADER, ...lines].join('\r\n');
const form = (kind: string, bytes: Uint8Array | string, name = 'list.csv') => {
  const f = new FormData();
  f.set('kind', kind);
  f.set('file', new File([(typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes) as Uint8Array<ArrayBuffer>], name));
  return f;
};

describe.each(testDialects())('record kind import and downloads on %s', (dialect) => {
  let t: TestLicheng;
  afterEach(async () => t?.close());
  const start = async () => {
    t = await createTestLicheng({ dialect, plugins: [office] });
    await seedRoster(t);
  };
  const records = () => t.db.kysely.selectFrom('records').selectAll().orderBy('student_id').execute();

  it('previews a UTF-8 list without writing, then commits all of it in one go, audited as one import', async () => {
    await start();
    const file = csv('S001,114,1,學生會,學生會,114/09/01,,會長,校級', 'S002,114,上,,101 班,1140901,1150131,班長,2', 'S003,114,1,,熱音社,2025-09-01,,社長,3 社團');
    const preview = await t.upload('office.records.importPreview', form('cadre', `\uFEFF${file}`), activities);
    expect(preview.error).toBeNull();
    expect(preview.data).toMatchObject({ committed: false, rows: 3, imported: 0, issues: [] });
    expect(preview.data.preview.map((r: { data: { level: string; startDate: string } }) => [r.data.level, r.data.startDate])).toEqual([
      ['1', '2025-09-01'],
      ['2', '2025-09-01'],
      ['3', '2025-09-01'],
    ]);
    expect(await records()).toEqual([]);
    const commit = await t.upload('office.records.importCommit', form('cadre', file), activities);
    expect(commit.data).toMatchObject({ committed: true, rows: 3, imported: 3 });
    const rows = await records();
    expect(rows.map((r) => [r.status, r.entered_role, JSON.parse(r.data).endDate])).toEqual(expect.arrayContaining([['passed', 'activities-staff', '2026-01-31']]));
    const audit = await t.db.kysely.selectFrom('audit_log').select(['action', 'parent_id']).execute();
    expect(audit.filter((a) => a.action === 'cadre.import')).toHaveLength(1);
    expect(audit.filter((a) => a.action === 'cadre.enter' && a.parent_id !== null)).toHaveLength(3);
  });

  it('reads a Big5 list', async () => {
    await start();
    const commit = await t.upload('office.records.importCommit', form('cadre', encodeBig5(csv('S001,114,1,,學生會,115/01/05,,副會長,1'))), activities);
    expect(commit.data).toMatchObject({ imported: 1, issues: [] });
    expect(JSON.parse((await records())[0]!.data)).toMatchObject({ unit: '學生會', position: '副會長', startDate: '2026-01-05' });
  });

  it('reports every bad row by row and column and writes nothing', async () => {
    await start();
    const file = csv('S001,114,1,,學生會,114/09/01,,會長,校級', 'S404,114,1,,學生會,114/09/01,,會長,1', 'S002,114,3,,學生會,114/02/30,,,4', 'S003,114,1,,學生會,114/09/01,,幹部,');
    const commit = await t.upload('office.records.importCommit', form('cadre', file), activities);
    expect(commit.data.committed).toBe(false);
    expect(commit.data.issues.map((i: { row: number; column: string; code: string }) => [i.row, i.column, i.code])).toEqual([
      [3, '學號', 'import-student-unknown'],
      [4, '學期', 'import-number-invalid'],
      [4, '開始日期', 'import-date-invalid'],
      [4, '擔任職務', 'import-value-required'],
      [4, '幹部等級', 'import-code-invalid'],
      [5, '幹部等級', 'import-value-required'],
    ]);
    expect(commit.data.issues[0].message).toBe('找不到學號「S404」，請先匯入學生名冊');
    expect(await records()).toEqual([]);
    const noHeader = await t.upload('office.records.importPreview', form('cadre', '學號,學年度,學期\r\nS001,114,1'), activities);
    expect(noHeader.data.issues.map((i: { code: string; column: string }) => i.column)).toEqual(['單位名稱', '開始日期', '擔任職務', '幹部等級']);
  });

  it('refuses a list of a kind the caller does not enter, and a file that is no table', async () => {
    await start();
    const other = await t.upload('office.records.importCommit', form('cadre', csv('S001,114,1,,學生會,114/09/01,,會長,1')), discipline);
    expect(other.error?.licheng?.code).toBe('forbidden');
    const student = await t.upload('office.records.importCommit', form('cadre', csv('S001,114,1,,學生會,114/09/01,,會長,1')), users.chen);
    expect(student.error?.licheng?.code).toBe('forbidden');
    const pdf = await t.upload('office.records.importPreview', form('cadre', new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 1, 2, 3]), 'list.csv'), activities);
    expect(pdf.error).not.toBeNull();
    expect(await records()).toEqual([]);
  });

  it('serves the template the import reads back, and exports what the caller sees', async () => {
    await start();
    const template = await t.app.request('/api/office/records/template.xlsx?kind=cadre', { headers: { authorization: `Bearer ${await t.token(activities)}` } });
    expect(template.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await template.arrayBuffer());
    const sheet = workbook.worksheets[0]!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(HEADER.split(','));
    sheet.addRow(['S002', '114', '1', '', '學生會', '114/09/01', '', '會長', '1 校級']);
    const filled = new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
    expect((await t.upload('office.records.importCommit', form('cadre', filled, 'x.xlsx'), activities)).data).toMatchObject({ imported: 1, issues: [] });

    const exported = await t.app.request('/api/office/records/export.xlsx?kind=cadre&academicYear=114', { headers: { authorization: `Bearer ${await t.token(activities)}` } });
    const out = new ExcelJS.Workbook();
    await out.xlsx.load(await exported.arrayBuffer());
    expect((out.worksheets[0]!.getRow(2).values as unknown[]).slice(1)).toEqual(['101', 2, 'S002', '林小華', 114, 1, '', '學生會', '114/09/01', '', '會長', '校級', '通過']);
    const hidden = await t.app.request('/api/office/records/export.xlsx?kind=cadre', { headers: { authorization: `Bearer ${await t.token(discipline)}` } });
    const none = new ExcelJS.Workbook();
    await none.xlsx.load(await hidden.arrayBuffer());
    expect(none.worksheets[0]!.rowCount).toBe(1);
  });
});
