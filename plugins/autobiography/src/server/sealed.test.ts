import { afterEach, describe, expect, it } from 'vitest';
import { testDialects } from '@licheng/db/testing';
import { upsertStatusChanges } from '@licheng/server';
import type { TestLicheng } from '@licheng/server/testing';
import { codeOf, people, saveText, writingSchool } from './test-support.ts';

describe.each(testDialects())('a graduate’s autobiography on %s', (dialect) => {
  let t: TestLicheng;
  afterEach(async () => t?.close());

  it('is sealed: a submission (which writes the record every office sees) is refused and rolls back whole', async () => {
    t = await writingSchool(dialect);
    expect((await saveText(t, people.chen, '我是陳小明。', 0)).error).toBeNull();
    await upsertStatusChanges(t.db.kysely as never, t.config.code, [{ studentNo: 'S001', date: '2025-09-30', kind: 'graduate', statusCode: '900', note: '' }], t.clock.now);
    const sent = await t.mutate('autobiography.submissions.submit', { kind: 'autobiography', language: 'zh', version: 1 }, people.chen);
    expect(codeOf(sent)).toBe('student-sealed');
    expect(await (t.db.kysely as any).selectFrom('records').select('id').execute()).toEqual([]);
    const doc = await t.query('autobiography.documents.get', { kind: 'autobiography', language: 'zh' }, people.chen);
    expect(doc.data.document.status).not.toBe('submitted');
  });
});
