import { afterEach, describe, expect, it } from 'vitest';
import { testDialects } from '@licheng/db/testing';
import type { TestLicheng } from '@licheng/server/testing';
import { CHINESE, curriculumApp, importPlan, matchingPlan, PHYSICS, planCsv, planForm, planJson, planRow, PROJECT, staff } from './test-support.ts';

describe.each(testDialects())('course plan import on %s', (dialect) => {
  let t: TestLicheng;
  afterEach(async () => t?.close());

  const count = async (table: string) => Number(((await t.db.kysely.selectFrom(table as any).select((eb: any) => eb.fn.countAll().as('n')).executeTakeFirst()) as any).n);

  it('previews bad rows by row number, column and reason, and a commit of them writes nothing', async () => {
    ({ t } = await curriculumApp(dialect));
    const rows = [
      planRow(CHINESE, '國語文', '444400'),
      planRow(CHINESE.slice(0, 22), '短碼', '200000'),
      planRow('108123456E22L010G010601', '類別錯', '200000'),
      planRow(PHYSICS, '物理', '22000X'),
      planRow('108654321E22L0101020005', '他校', '200000'),
      planRow(CHINESE, '國語文', '444400'),
    ];
    const preview = await t.upload('curriculum.plan.preview', planForm(planCsv(rows), 'plan.csv'), staff);
    expect(preview.error).toBeNull();
    expect(preview.data.rows).toBe(6);
    expect(preview.data.lineCount).toBe(1);
    expect(preview.data.issues.map((i: any) => [i.row, i.column, i.params.reason])).toEqual([
      [3, '課程代碼', 'code-length'],
      [4, '課程代碼', 'code-category'],
      [5, '授課學期學分節數', 'credits'],
      [6, '課程代碼', 'other-school'],
      [7, '課程代碼', 'duplicate'],
    ]);
    expect(preview.data.issues[0].message).toBe('「課程代碼」應為 23 碼：「108123456E22L010102000」');

    const commit = await t.upload('curriculum.plan.commit', planForm(planCsv(rows), 'plan.csv'), staff);
    expect(commit.status).toBe(400);
    expect(commit.error?.licheng).toEqual({ code: 'course-plan-rows-invalid', params: { count: 5 } });
    expect(await count('curriculum_plan_versions')).toBe(0);
    expect(await count('curriculum_plan_lines')).toBe(0);
  });

  it('words the report in English for an English caller', async () => {
    ({ t } = await curriculumApp(dialect));
    const preview = await t.upload('curriculum.plan.preview', planForm(planCsv([planRow(CHINESE, '國語文', '44')]), 'plan.csv'), staff, 'en');
    expect(preview.data.issues[0].message).toBe('"授課學期學分節數" must be 6 characters, each 0-9, A-I, R, S, T or Z: "44".');
  });

  it('imports the platform JSON and the sheet in Big5 alike, as numbered versions with who, when, file and SHA-256', async () => {
    ({ t } = await curriculumApp(dialect));
    const first = await t.upload('curriculum.plan.commit', planForm(planJson(matchingPlan()), 'plan-114.json'), staff);
    expect(first.error).toBeNull();
    expect(first.data.version).toMatchObject({ planYear: 114, version: 1, sourceName: 'plan-114.json', lineCount: 2, importedByName: '教學組 林組長' });
    expect(first.data.version.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(first.data.diff.added).toHaveLength(2);

    const csv = planCsv([planRow(CHINESE, '國語文', '444400'), planRow(PHYSICS, '物理', '220000'), planRow(PROJECT, '專題實作', '200000')]);
    const bytes = encodeBig5(csv);
    const second = await t.upload('curriculum.plan.commit', planForm(bytes, 'plan-114.csv'), staff);
    expect(second.error).toBeNull();
    expect(second.data.version.version).toBe(2);
    expect(second.data.diff.added.map((l: any) => [l.code, l.subjectName])).toEqual([[PROJECT, '專題實作']]);

    const versions = await t.query('curriculum.plan.versions', { planYear: 114 }, staff);
    expect(versions.data.map((v: any) => v.version)).toEqual([2, 1]);
    const audit = await t.db.kysely.selectFrom('audit_log' as any).select(['action']).where('action' as any, '=', 'curriculum.plan.import').execute();
    expect(audit).toHaveLength(2);
  });

  it('shows what a re-import changed: added, removed and changed lines with the fields', async () => {
    ({ t } = await curriculumApp(dialect));
    await importPlan(t, matchingPlan());
    const changed = await importPlan(t, [planRow(CHINESE, '國語文', '333300'), planRow(PROJECT, '專題實作', '200000')]);
    const detail = await t.query('curriculum.plan.version', { versionId: changed.version.id }, staff);
    expect(detail.error).toBeNull();
    expect(detail.data.previousVersion).toBe(1);
    expect(detail.data.lines.map((l: any) => l.code)).toEqual([CHINESE, PROJECT]);
    expect(detail.data.diff.added.map((l: any) => l.code)).toEqual([PROJECT]);
    expect(detail.data.diff.removed.map((l: any) => l.code)).toEqual([PHYSICS]);
    expect(detail.data.diff.changed).toEqual([{ code: CHINESE, fields: [{ field: 'credits', before: '444400', after: '333300' }] }]);
  });

  it('takes an import back: the earlier version\'s lines become the next version, nothing deleted', async () => {
    ({ t } = await curriculumApp(dialect));
    const first = await importPlan(t, matchingPlan());
    await importPlan(t, [planRow(CHINESE, '國語文', '333300')]);
    const restored = await t.mutate('curriculum.plan.restore', { versionId: first.version.id }, staff);
    expect(restored.error).toBeNull();
    expect(restored.data.version).toMatchObject({ version: 3, lineCount: 2, sourceName: 'plan.csv', sha256: first.version.sha256 });
    expect(restored.data.diff.added.map((l: any) => l.code)).toEqual([PHYSICS]);
    expect(restored.data.diff.changed).toEqual([{ code: CHINESE, fields: [{ field: 'credits', before: '333300', after: '444400' }] }]);
    expect((await t.query('curriculum.plan.versions', {}, staff)).data.map((v: any) => v.version)).toEqual([3, 2, 1]);
    expect((await t.mutate('curriculum.plan.restore', { versionId: 'nope' }, staff)).status).toBe(404);
  });

  it('refuses a file of another 實施學年度, a JSON of another shape and a sheet without the code column', async () => {
    ({ t } = await curriculumApp(dialect));
    const other = await t.upload('curriculum.plan.preview', planForm(planCsv(matchingPlan()), 'plan.csv', 115), staff);
    expect(other.data.issues.map((i: any) => i.params.reason)).toEqual(['other-year', 'other-year']);
    const json = await t.upload('curriculum.plan.preview', planForm('{"courses":[]}', 'plan.json'), staff);
    expect(json.error?.licheng?.code).toBe('course-plan-json-invalid');
    const sheet = await t.upload('curriculum.plan.preview', planForm('科目名稱,授課學期學分節數\r\n國語文,444400', 'plan.csv'), staff);
    expect(sheet.error?.licheng).toEqual({ code: 'import-header-missing', params: { column: '課程代碼' } });
    const year = await t.upload('curriculum.plan.preview', planForm(planCsv(matchingPlan()), 'plan.csv', 99), staff);
    expect(year.status).toBe(400);
  });
});

/** Big5 bytes of the few characters these tests write (ASCII passes through). */
function encodeBig5(text: string): Uint8Array {
  const table: Record<string, number[]> = {
    實: [0xb9, 0xea], 施: [0xac, 0x49], 學: [0xbe, 0xc7], 年: [0xa6, 0x7e], 度: [0xab, 0xd7], 課: [0xbd, 0xd2], 程: [0xb5, 0x7b], 類: [0xc3, 0xfe], 型: [0xab, 0xac],
    代: [0xa5, 0x4e], 碼: [0xbd, 0x58], 科: [0xac, 0xec], 目: [0xa5, 0xd8], 名: [0xa6, 0x57], 稱: [0xba, 0xd9], 授: [0xb1, 0xc2], 期: [0xb4, 0xc1], 分: [0xa4, 0xc0],
    節: [0xb8, 0x60], 數: [0xbc, 0xc6], 開: [0xb6, 0x7d], 方: [0xa4, 0xe8], 式: [0xa6, 0xa1], 屬: [0xc4, 0xdd], 性: [0xa9, 0xca], 日: [0xa4, 0xe9], 間: [0xb6, 0xa1],
    部: [0xb3, 0xa1], 國: [0xb0, 0xea], 語: [0xbb, 0x79], 文: [0xa4, 0xe5], 物: [0xaa, 0xab], 理: [0xb2, 0x7a], 專: [0xb1, 0x4d], 題: [0xc3, 0x44], 作: [0xa7, 0x40],
  };
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code < 0x80) out.push(code);
    else {
      const bytes = table[ch];
      if (!bytes) throw new Error(`no Big5 bytes for ${ch}`);
      out.push(...bytes);
    }
  }
  return new Uint8Array(out);
}
