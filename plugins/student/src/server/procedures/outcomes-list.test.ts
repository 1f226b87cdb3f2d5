import { afterEach, describe, expect, it } from 'vitest';
import { testDialects } from '@licheng/db/testing';
import { createTestLicheng, seedRoster, type TestLicheng } from '@licheng/server/testing';
import student from '../index.ts';
import { outcomesQuery } from './outcomes-list.ts';

describe.each(testDialects())('the outcomes list query on %s', (dialect) => {
  let t: TestLicheng;
  afterEach(async () => t?.close());

  it('finds each outcome’s resubmissions by school, entity and id, never by scanning the audit trail', async () => {
    t = await createTestLicheng({ dialect, plugins: [student] });
    await seedRoster(t);
    const { id } = await t.db.kysely.selectFrom('students').select('id').where('student_no', '=', 'S001').executeTakeFirstOrThrow();
    const query = outcomesQuery(t.db.kysely, t.config.code, id).compile();
    const plan = await t.db.kysely.executeQuery({ ...query, sql: `explain ${dialect === 'sqlite' ? 'query plan ' : ''}${query.sql}` });
    if (dialect === 'sqlite') {
      const audit = (plan.rows as Array<{ detail: string }>).map((r) => r.detail).filter((d) => d.includes('audit_log'));
      expect(audit).toEqual([expect.stringMatching(/^SEARCH audit_log USING (COVERING )?INDEX audit_school_entity \(school_code=\? AND entity=\? AND entity_id=\?\)$/)]);
    } else {
      const audit = (plan.rows as Array<{ table: string; type: string; key: string | null }>).filter((r) => r.table === 'audit_log');
      expect(audit).toHaveLength(1);
      expect(audit[0]!.type).not.toBe('ALL');
      expect(audit[0]!.key).not.toBeNull();
    }
  });
});
