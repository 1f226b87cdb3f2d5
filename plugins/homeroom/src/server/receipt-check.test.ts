import { afterEach, describe, expect, it } from 'vitest';
import { testDialects } from '@licheng/db/testing';
import { newId, nowIso } from '@licheng/db';
import { createTestLicheng, type TestLicheng } from '@licheng/server/testing';
import receiptPlugin from '@licheng/plugin-receipt/server';
import homeroomPlugin from './index.ts';
import { homeroom, homeroomConfig, seedClasses, studentNamed } from './test-support.ts';

/** 提交前檢核 lists the students who have not given their 收訖確認 for a receipt batch still open (the harness's day is 2025-10-01). */
describe.each(testDialects())('homeroom check: receipt not confirmed on %s', (dialect) => {
  let t: TestLicheng;
  afterEach(async () => t?.close());

  /** A receipt batch with the confirmation window [start, end] and one item per student, stored with the given status. */
  async function batch(window: { start: string; end: string }, items: Record<string, 'pending' | 'confirmed' | 'issue'>) {
    const db = t.db.kysely as any;
    const at = nowIso(t.clock.now);
    const batchId = newId();
    const rosterId = newId();
    await db.insertInto('receipt_batches').values({ id: batchId, school_code: t.config.code, academic_year: 114, semester: 1, file_name: 'r.zip', source_sha256: batchId.padEnd(64, '0').slice(0, 64), window_start: window.start, window_end: window.end, imported_by: 'r', imported_by_name: '註冊組', imported_at: at }).execute();
    await db.insertInto('receipt_rosters').values({ id: rosterId, school_code: t.config.code, batch_id: batchId, kind: 31, name: '多元表現', academic_year: 114, semester: 1, file_name: 'r.json', sha256: 'a'.repeat(64), entry_count: Object.keys(items).length }).execute();
    for (const [studentNo, status] of Object.entries(items)) {
      const student = await studentNamed(t, studentNo);
      await db.insertInto('receipt_items').values({ id: newId(), school_code: t.config.code, batch_id: batchId, roster_id: rosterId, student_id: student.id, entry_json: '{}', status, open_issue_id: null, confirmed_at: status === 'confirmed' ? at : null, updated_at: at }).execute();
    }
  }

  const progress = async () => {
    const res = await t.query('homeroom.progress.class', { className: '101' }, homeroom.wang);
    expect(res.error).toBeNull();
    return res.data as { students: Array<{ studentNo: string; check: string[]; reminders: string[]; unconfirmedReceipts: number }>; totals: { check: Record<string, number> } };
  };

  it('lists a student with an unanswered item of an open batch; not one who confirmed or raised an issue, nor one whose window ended (視同確認)', async () => {
    t = await createTestLicheng({ dialect, plugins: [homeroomPlugin, receiptPlugin], config: homeroomConfig });
    await seedClasses(t);
    expect((await progress()).totals.check['receipt-unconfirmed']).toBe(0); // no batch yet
    await batch({ start: '2025-09-25', end: '2025-10-10' }, { S001: 'pending', S002: 'confirmed', S003: 'issue' });
    await batch({ start: '2025-09-01', end: '2025-09-20' }, { S002: 'pending' });
    const { students, totals } = await progress();
    const of = (no: string) => students.find((s) => s.studentNo === no)!;
    expect(of('S001').check).toContain('receipt-unconfirmed');
    expect(of('S001').reminders).toContain('receipt-unconfirmed');
    expect(of('S001').unconfirmedReceipts).toBe(1);
    expect(of('S002').check).not.toContain('receipt-unconfirmed');
    expect(of('S003').check).not.toContain('receipt-unconfirmed');
    expect(totals.check['receipt-unconfirmed']).toBe(1);
  });

  it('asks nothing of a school without the receipt office', async () => {
    t = await createTestLicheng({ dialect, plugins: [homeroomPlugin], config: homeroomConfig });
    await seedClasses(t);
    const { students, totals } = await progress();
    expect(students.every((s) => s.unconfirmedReceipts === 0 && !s.check.includes('receipt-unconfirmed'))).toBe(true);
    expect(totals.check['receipt-unconfirmed']).toBe(0);
  });
});
