import { afterEach, describe, expect, it } from 'vitest';
import { importTemplates } from '@licheng/core';
import { testDialects } from '@licheng/db/testing';
import { createTestLicheng, users, type TestLicheng, type TestUser } from '@licheng/server/testing';
import registry from './index.ts';
import { readTableFile } from './table-file.ts';
import { fileOf, importForm } from './test-support.ts';

describe.each(testDialects())('registry import templates on %s', (dialect) => {
  let t: TestLicheng;
  afterEach(async () => t?.close());

  const get = async (path: string, user?: TestUser) =>
    t.app.request(path, { headers: user ? { authorization: `Bearer ${await t.token(user)}` } : {} });

  it('describes every template for the screens', async () => {
    t = await createTestLicheng({ dialect, plugins: [registry] });
    const res = await t.query('registry.imports.templates', undefined, users.registry);
    expect(res.data.map((d: any) => d.kind)).toEqual(['students', 'teachers', 'courses', 'enrolments', 'classes', 'grades', 'status-changes', 'placements']);
    const students = res.data[0];
    expect(students.label).toEqual({ 'zh-TW': '學生名冊', en: 'Students' });
    expect(students.columns[0]).toMatchObject({ key: 'studentNo', header: '學號', headerEn: 'Student No.', required: true, example: '1130001' });
    expect(students.columns.find((c: any) => c.key === 'division')).toMatchObject({ required: false, note: expect.stringContaining('日間部') });
    expect(students.downloads).toEqual({ xlsx: '/api/registry/templates/students.xlsx', csv: '/api/registry/templates/students.csv' });
    expect((await t.query('registry.imports.templates', undefined, users.chen)).error?.code).toBe('FORBIDDEN');
  });

  it('serves each template as xlsx and as CSV in UTF-8 with BOM, with the headers and an example row', async () => {
    t = await createTestLicheng({ dialect, plugins: [registry] });
    for (const kind of ['students', 'teachers', 'courses', 'enrolments', 'classes', 'grades', 'status-changes', 'placements'] as const) {
      const headers = importTemplates[kind].columns.map((c) => c.header);
      const examples = importTemplates[kind].columns.map((c) => c.example);
      const xlsx = await get(`/api/registry/templates/${kind}.xlsx`, users.registry);
      expect(xlsx.status).toBe(200);
      expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
      const book = await readTableFile(new Uint8Array(await xlsx.arrayBuffer()));
      expect(book.rows).toEqual([headers, examples]);
      const csv = await get(`/api/registry/templates/${kind}.csv`, users.registry);
      const bytes = new Uint8Array(await csv.arrayBuffer());
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(await readTableFile(bytes)).toMatchObject({ encoding: 'utf-8-bom', rows: [headers, examples] });
    }
    // The students template's example row is itself a valid row.
    const template = new Uint8Array(await (await get('/api/registry/templates/students.xlsx', users.registry)).arrayBuffer());
    const dry = await t.upload('registry.imports.run', importForm('students', fileOf(template, 'students.xlsx'), { dryRun: 'true' }), users.registry);
    expect(dry.data).toMatchObject({ ok: true, counts: { inserted: 1 } });
  });

  it('needs a registry token for template downloads', async () => {
    t = await createTestLicheng({ dialect, plugins: [registry] });
    expect((await get('/api/registry/templates/students.csv')).status).toBe(401);
    expect((await get('/api/registry/templates/students.csv', users.chen)).status).toBe(403);
    expect((await get('/api/registry/templates/report-cards.csv', users.registry)).status).toBe(404);
    expect((await get('/api/registry/templates/students.pdf', users.registry)).status).toBe(404);
    expect((await get('/api/registry/templates/teachers.csv', { userId: 'a', roles: ['admin'] })).status).toBe(200);
  });
});
