import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { newId } from '@licheng/db';
import { testDialects } from '@licheng/db/testing';
import { definePlugin } from '../plugin.ts';
import { authedProcedure, router } from '../trpc.ts';
import { createTestLicheng, seedRoster, users, type TestLicheng } from '../testing/index.ts';
import { saveSelection, selectedRecordsQuery } from './select.ts';

/** An office whose student saves an outcome selection through the shared rule. */
const selector = definePlugin({
  id: 'selector',
  office: { 'zh-TW': '勾選', en: 'Selector' },
  roles: ['student'],
  router: router({
    save: authedProcedure(['student'])
      .input(z.object({ recordIds: z.array(z.string()) }))
      .mutation(async ({ ctx, input }) => {
        const student = await ctx.db.selectFrom('students').selectAll().where('host_user_id', '=', ctx.identity.userId).executeTakeFirstOrThrow();
        return saveSelection(ctx, { student, kind: 'outcome', academicYear: 114, recordIds: input.recordIds, cap: 6 });
      }),
  }),
});

describe.each(testDialects())('saveSelection reads the named records on %s', (dialect) => {
  let t: TestLicheng;
  afterEach(async () => t?.close());

  async function outcome(school: string): Promise<string> {
    const db = t.db.kysely as any;
    const student = await db.selectFrom('students').select('id').where('host_user_id', '=', users.chen.userId).executeTakeFirstOrThrow();
    const id = newId();
    const at = '2025-10-01T00:00:00.000Z';
    await db
      .insertInto('records')
      .values({ id, school_code: school, kind: 'outcome', student_id: student.id, course_id: null, academic_year: 114, semester: 1, summary: '成果', data: '{}', document_file_id: null, media_file_id: null, status: 'passed', status_reason: null, decided_by: null, decided_by_name: null, decided_role: null, decided_at: null, entered_by: 's', entered_role: 'student', version: 1, created_at: at, updated_at: at })
      .execute();
    return id;
  }

  it('selects the student’s record of this school and refuses one kept under another school', async () => {
    t = await createTestLicheng({ dialect, plugins: [selector] });
    await seedRoster(t);
    const mine = await outcome(t.config.code);
    const elsewhere = await outcome('999999');
    expect((await t.mutate('selector.save', { recordIds: [mine] }, users.chen)).data).toEqual([mine]);
    const refused = await t.mutate('selector.save', { recordIds: [mine, elsewhere] }, users.chen);
    expect(refused.status).toBe(404);
    const kept = await t.db.kysely.selectFrom('selections').select('record_id').execute();
    expect(kept.map((s) => s.record_id)).toEqual([mine]);
  });

  it('finds them by primary key, never by scanning the school’s records', async () => {
    t = await createTestLicheng({ dialect, plugins: [selector] });
    await seedRoster(t);
    const ids = [await outcome(t.config.code), await outcome(t.config.code)];
    const query = selectedRecordsQuery(t.db.kysely, ids).compile();
    const plan = await t.db.kysely.executeQuery({ ...query, sql: `explain ${dialect === 'sqlite' ? 'query plan ' : ''}${query.sql}`, query: query.query });
    const text = JSON.stringify(plan.rows);
    if (dialect === 'sqlite') expect(text).toMatch(/sqlite_autoindex_records_1 \(id=\?\)/);
    else expect(plan.rows.map((r: any) => r.key)).toEqual(['PRIMARY']);
    expect(text).not.toContain('records_queue');
  });
});
