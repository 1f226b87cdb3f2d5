import { afterEach, describe, expect, it } from 'vitest';
import { testDialects } from '@licheng/db/testing';
import type { TestLicheng } from '@licheng/server/testing';
import { codeOf, people, saveText, writingSchool, writingWindow } from './test-support.ts';

const sections = { self: '我是林小華。', career: '想成為醫師。', goals: '每天閱讀。', strengths: '生物', interests: '游泳' };

describe.each(testDialects())('writing drafts on %s', (dialect) => {
  let t: TestLicheng;
  afterEach(async () => t?.close());

  it('writes every save as a new version and never overwrites one; an earlier one restores as a new draft', async () => {
    t = await writingSchool(dialect);
    expect((await saveText(t, people.chen, '第一稿', 0)).data.version).toMatchObject({ number: 1, charCount: 3 });
    expect((await saveText(t, people.chen, '第二稿，改過了', 1)).data.version).toMatchObject({ number: 2, charCount: 7 });
    const first = await t.query('autobiography.versions.get', { kind: 'autobiography', language: 'zh', number: 1 }, people.chen);
    expect(first.data).toMatchObject({ number: 1, text: '第一稿', savedByName: '陳小明' });
    const restored = await t.mutate('autobiography.drafts.restore', { kind: 'autobiography', language: 'zh', number: 1, baseVersion: 2 }, people.chen);
    expect(restored.data.version).toMatchObject({ number: 3, restoredFrom: 1 });
    const doc = await t.query('autobiography.documents.get', { kind: 'autobiography', language: 'zh' }, people.chen);
    expect(doc.data.latest).toMatchObject({ number: 3, text: '第一稿' });
    expect(doc.data.versions.map((v: { number: number }) => v.number)).toEqual([3, 2, 1]);
    const rows = await (t.db.kysely as any).selectFrom('autobiography_versions').select(['number', 'text']).orderBy('number').execute();
    expect(rows).toEqual([{ number: 1, text: '第一稿' }, { number: 2, text: '第二稿，改過了' }, { number: 3, text: '第一稿' }]);
  });

  it('refuses a save on a stale base with version-conflict and writes nothing', async () => {
    t = await writingSchool(dialect);
    await saveText(t, people.chen, '分頁甲', 0);
    const stale = await saveText(t, people.chen, '分頁乙，較舊的畫面', 0);
    expect(stale.status).toBe(409);
    expect(codeOf(stale)).toBe('version-conflict');
    expect(stale.error?.licheng?.params).toEqual({ latest: 1 });
    const both = await Promise.all([saveText(t, people.chen, '同時甲', 1), saveText(t, people.chen, '同時乙', 1)]);
    expect(both.map((a) => a.status).sort()).toEqual([200, 409]);
    const count = await (t.db.kysely as any).selectFrom('autobiography_versions').select((eb: any) => eb.fn.countAll().as('n')).executeTakeFirst();
    expect(Number(count.n)).toBe(2);
  });

  it('counts characters as the student sees them against the school’s limit', async () => {
    t = await writingSchool(dialect, { rules: { autobiography: { maxChars: 100 } } });
    const emoji = '😀'.repeat(100);
    expect((await saveText(t, people.chen, emoji, 0)).data.version.charCount).toBe(100);
    const over = await saveText(t, people.chen, `${emoji}字`, 1);
    expect(codeOf(over)).toBe('text-too-long');
    expect(over.error?.licheng?.params).toEqual({ max: 100, length: 101 });
  });

  it('refuses text the free-text rule refuses: control characters, blank', async () => {
    t = await writingSchool(dialect);
    const control = await saveText(t, people.chen, '我\u202E是', 0);
    expect(control.status).toBe(400);
    expect(codeOf(control)).toBe('text-control-character');
    expect(codeOf(await saveText(t, people.chen, ' \u200B ', 0))).toBe('text-blank');
    expect((await t.query('autobiography.documents.get', { kind: 'autobiography', language: 'zh' }, people.chen)).data.document).toBeNull();
  });

  it('keeps a study plan’s sections, counting what was written, and submits it only with every section filled', async () => {
    t = await writingSchool(dialect);
    const draft = await t.mutate('autobiography.drafts.save', { kind: 'study-plan', language: 'zh', baseVersion: 0, sections: { ...sections, interests: '' } }, people.lin);
    expect(draft.data.version.charCount).toBe(6 + 6 + 5 + 2);
    const blank = await t.mutate('autobiography.submissions.submit', { kind: 'study-plan', language: 'zh', version: 1 }, people.lin);
    expect(codeOf(blank)).toBe('essay-sections-blank');
    expect(blank.error?.licheng?.params).toEqual({ sections: '興趣' });
    await t.mutate('autobiography.drafts.save', { kind: 'study-plan', language: 'zh', baseVersion: 1, sections }, people.lin);
    const sent = await t.mutate('autobiography.submissions.submit', { kind: 'study-plan', language: 'zh', version: 2 }, people.lin);
    expect(sent.data).toMatchObject({ status: 'submitted', submittedVersion: 2 });
    const latest = (await t.query('autobiography.documents.get', { kind: 'study-plan', language: 'zh' }, people.lin)).data.latest;
    expect(latest.sections).toEqual(sections);
    expect(latest.text).toContain('【生涯規劃】\n想成為醫師。');
    expect(codeOf(await t.mutate('autobiography.drafts.save', { kind: 'study-plan', language: 'zh', baseVersion: 0, sections: { hobby: 'x' } }, people.lin))).toBe('invalid-input');
  });

  it('keeps 英文自傳 only where the school keeps English', async () => {
    t = await writingSchool(dialect);
    expect(codeOf(await saveText(t, people.chen, 'I am Chen.', 0, 'en'))).toBe('essay-language-not-kept');
    const mine = await t.query('autobiography.documents.mine', undefined, people.chen);
    expect(mine.data.settings).toEqual({ checker: 'homeroom-teacher', maxChars: 3000, languages: ['zh'] });
    expect(mine.data.documents.map((d: { kind: string; language: string; status: string }) => `${d.kind}/${d.language}/${d.status}`)).toEqual(['autobiography/zh/new', 'study-plan/zh/new']);
    await t.close();
    t = await writingSchool(dialect, { type: 'vocational' });
    expect((await saveText(t, people.chen, 'I am Chen.', 0, 'en')).status).toBe(200);
    expect((await t.query('autobiography.documents.mine', undefined, people.chen)).data.documents).toHaveLength(4);
  });

  it('refuses writing outside the window, and says when it closed', async () => {
    t = await writingSchool(dialect, { schedule: [{ ...writingWindow, end: '2025-09-30' }] });
    const closed = await saveText(t, people.chen, '太晚了', 0);
    expect(closed.status).toBe(403);
    expect(codeOf(closed)).toBe('window-closed');
    expect((await t.query('autobiography.documents.mine', undefined, people.chen)).data.window).toEqual({ state: 'closed', start: '2025-08-01', end: '2025-09-30' });
  });

  it('shows a student only their own versions', async () => {
    t = await writingSchool(dialect);
    await saveText(t, people.chen, '陳小明的自傳', 0);
    expect((await t.query('autobiography.documents.get', { kind: 'autobiography', language: 'zh' }, people.lin)).data.document).toBeNull();
    expect(codeOf(await t.query('autobiography.versions.get', { kind: 'autobiography', language: 'zh', number: 1 }, people.lin))).toBe('not-found');
    expect(codeOf(await t.mutate('autobiography.drafts.restore', { kind: 'autobiography', language: 'zh', number: 1, baseVersion: 0 }, people.lin))).toBe('not-found');
    expect((await saveText(t, people.wang, '老師代寫', 0)).status).toBe(403);
  });

  it('audits every save with the student it concerns', async () => {
    t = await writingSchool(dialect);
    await saveText(t, people.chen, '一', 0);
    await saveText(t, people.chen, '二', 1);
    const audit = await (t.db.kysely as any).selectFrom('audit_log').select(['action', 'actor_id']).where('action', 'like', 'autobiography.%').execute();
    expect(audit).toEqual([{ action: 'autobiography.save', actor_id: 's-chen' }, { action: 'autobiography.save', actor_id: 's-chen' }]);
  });
});
