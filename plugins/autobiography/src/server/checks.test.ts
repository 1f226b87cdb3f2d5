import { afterEach, describe, expect, it } from 'vitest';
import { testDialects } from '@licheng/db/testing';
import type { TestLicheng } from '@licheng/server/testing';
import { codeOf, people, saveText, submitted, writingSchool } from './test-support.ts';

const recordOf = async (t: TestLicheng) => (t.db.kysely as any).selectFrom('records').select(['kind', 'status', 'status_reason', 'data', 'decided_by', 'summary']).executeTakeFirst();

describe.each(testDialects())('checking on %s', (dialect) => {
  let t: TestLicheng;
  afterEach(async () => t?.close());

  it('goes submit → return with a comment → fix and resubmit → pass, the record following, with the diff from the version checked before', async () => {
    t = await writingSchool(dialect);
    const id = await submitted(t, people.chen, '我是陳小明。\n喜歡物理。');
    expect(await recordOf(t)).toMatchObject({ kind: 'autobiography', status: 'pending', data: '{"language":"zh"}', summary: '自傳（中文）第 1 版' });
    const queue = await t.query('autobiography.checks.queue', undefined, people.wang);
    expect(queue.data).toMatchObject({ checker: 'homeroom-teacher', mayCheck: true, classNames: ['101'] });
    expect(queue.data.items).toEqual([expect.objectContaining({ id, status: 'submitted', submittedVersion: 1, student: { studentNo: 'S001', name: '陳小明', className: '101', seatNo: 1 }, standing: null })]);

    expect(codeOf(await t.mutate('autobiography.checks.decide', { documentId: id, version: 1, decision: 'return' }, people.wang))).toBe('essay-comment-required');
    const returned = await t.mutate('autobiography.checks.decide', { documentId: id, version: 1, decision: 'return', comment: '請補充未來志向。' }, people.wang);
    expect(returned.data.document.status).toBe('returned');
    expect(await recordOf(t)).toMatchObject({ status: 'failed', status_reason: '請補充未來志向。', decided_by: 't-wang' });
    const mine = await t.query('autobiography.documents.mine', undefined, people.chen);
    expect(mine.data.documents[0]).toMatchObject({ status: 'returned', standing: { decision: 'returned', comment: '請補充未來志向。', decidedByName: '王老師' } });

    expect(codeOf(await t.mutate('autobiography.submissions.submit', { kind: 'autobiography', language: 'zh', version: 1 }, people.chen))).toBe('essay-unchanged');
    expect((await saveText(t, people.chen, '我是陳小明。\n喜歡物理。\n將來想讀物理系。', 1)).status).toBe(200);
    expect((await t.mutate('autobiography.submissions.submit', { kind: 'autobiography', language: 'zh', version: 2 }, people.chen)).status).toBe(200);
    const view = await t.query('autobiography.checks.get', { documentId: id }, people.wang);
    expect(view.data.version).toMatchObject({ number: 2 });
    expect(view.data.previous).toEqual({ version: 1, decision: 'returned', changes: [{ op: 'same', text: '我是陳小明。' }, { op: 'same', text: '喜歡物理。' }, { op: 'added', text: '將來想讀物理系。' }] });
    expect(codeOf(await t.mutate('autobiography.checks.decide', { documentId: id, version: 1, decision: 'pass' }, people.wang))).toBe('version-conflict');
    const passed = await t.mutate('autobiography.checks.decide', { documentId: id, version: 2, decision: 'pass' }, people.wang);
    expect(passed.data.document.status).toBe('passed');
    expect(await recordOf(t)).toMatchObject({ status: 'passed', status_reason: null, summary: '自傳（中文）第 2 版' });
    expect(codeOf(await t.mutate('autobiography.checks.decide', { documentId: id, version: 2, decision: 'pass' }, people.wang))).toBe('essay-not-submitted');
    expect(codeOf(await t.mutate('autobiography.submissions.submit', { kind: 'autobiography', language: 'zh', version: 2 }, people.chen))).toBe('essay-already-passed');
  });

  it('takes a decision back with a reason, only the checker’s own and only before the student moves on', async () => {
    t = await writingSchool(dialect, { rules: { autobiography: { checker: 'counseling-staff' } } });
    const id = await submitted(t, people.chen);
    await t.mutate('autobiography.checks.decide', { documentId: id, version: 1, decision: 'pass' }, people.counselor);
    const otherCounselor = { ...people.counselor, userId: 'c-other', name: '另一位輔導老師' };
    expect(codeOf(await t.mutate('autobiography.checks.reopen', { documentId: id, reason: '誤按' }, otherCounselor))).toBe('not-found');
    expect(codeOf(await t.mutate('autobiography.checks.reopen', { documentId: id, reason: '' }, people.counselor))).toBe('text-blank');
    const reopened = await t.mutate('autobiography.checks.reopen', { documentId: id, reason: '誤按通過，尚需修改' }, people.counselor);
    expect(reopened.data).toMatchObject({ document: { status: 'submitted' }, check: { decision: 'passed', reopenReason: '誤按通過，尚需修改' } });
    expect(await recordOf(t)).toMatchObject({ status: 'pending', decided_by: null });
    await t.mutate('autobiography.checks.decide', { documentId: id, version: 1, decision: 'return', comment: '第二段太短' }, people.counselor);
    await saveText(t, people.chen, '改好了', 1);
    expect(codeOf(await t.mutate('autobiography.checks.reopen', { documentId: id, reason: '想改判' }, people.counselor))).toBe('essay-moved-on');
    const mine = await t.query('autobiography.documents.mine', undefined, people.chen);
    expect(mine.data.documents[0]).toMatchObject({ status: 'draft', latestVersion: 2, standing: { decision: 'returned' } });
  });

  it('lets the student take a submission back before it is checked', async () => {
    t = await writingSchool(dialect);
    await submitted(t, people.chen);
    expect(codeOf(await saveText(t, people.chen, '送出後想改', 1))).toBe('essay-submitted');
    const cancelled = await t.mutate('autobiography.submissions.cancel', { kind: 'autobiography', language: 'zh' }, people.chen);
    expect(cancelled.data).toMatchObject({ status: 'draft', submittedVersion: null });
    expect(await recordOf(t)).toMatchObject({ status: 'withdrawn' });
    expect((await t.query('autobiography.checks.queue', undefined, people.wang)).data.items[0]).toMatchObject({ status: 'draft' });
    expect(codeOf(await t.mutate('autobiography.submissions.cancel', { kind: 'autobiography', language: 'zh' }, people.chen))).toBe('essay-not-submitted');
    expect((await saveText(t, people.chen, '送出後想改', 1)).status).toBe(200);
  });

  it('reads another class, another checker role and another student as not found', async () => {
    t = await writingSchool(dialect);
    const id = await submitted(t, people.chen);
    // 李老師 leads 102, not 101.
    expect((await t.query('autobiography.checks.queue', undefined, people.li)).data).toMatchObject({ mayCheck: true, classNames: ['102'], items: [] });
    expect(codeOf(await t.query('autobiography.checks.get', { documentId: id }, people.li))).toBe('not-found');
    expect(codeOf(await t.mutate('autobiography.checks.decide', { documentId: id, version: 1, decision: 'pass' }, people.li))).toBe('not-found');
    // The school names the homeroom teacher: counseling checks nothing, and is told who does.
    expect((await t.query('autobiography.checks.queue', undefined, people.counselor)).data).toEqual({ checker: 'homeroom-teacher', mayCheck: false, classNames: [], items: [] });
    expect(codeOf(await t.mutate('autobiography.checks.decide', { documentId: id, version: 1, decision: 'pass' }, people.counselor))).toBe('not-found');
    // Students never check; 林小華 cannot reach 陳小明's document at all.
    expect((await t.query('autobiography.checks.queue', undefined, people.lin)).status).toBe(403);
    expect(codeOf(await t.mutate('autobiography.submissions.cancel', { kind: 'autobiography', language: 'zh' }, people.lin))).toBe('essay-not-submitted');
    expect(codeOf(await t.query('autobiography.checks.get', { documentId: 'no-such-document' }, people.wang))).toBe('not-found');
    expect((await recordOf(t)).status).toBe('pending');
  });

  it('lets counseling check every class when the school names it', async () => {
    t = await writingSchool(dialect, { rules: { autobiography: { checker: 'counseling-staff' } } });
    await submitted(t, people.chen);
    await submitted(t, people.linDt, '我是林大同。');
    const queue = await t.query('autobiography.checks.queue', undefined, people.counselor);
    expect(queue.data.items.map((i: { student: { className: string } }) => i.student.className)).toEqual(['101', '102']);
    expect((await t.query('autobiography.checks.queue', undefined, people.wang)).data).toMatchObject({ mayCheck: false, items: [] });
  });

  it('decides a submission once when two checkers decide at the same moment', async () => {
    t = await writingSchool(dialect, { rules: { autobiography: { checker: 'counseling-staff' } } });
    const id = await submitted(t, people.chen);
    const other = { ...people.counselor, userId: 'c-other', name: '另一位輔導老師' };
    const answers = await Promise.all([
      t.mutate('autobiography.checks.decide', { documentId: id, version: 1, decision: 'pass' }, people.counselor),
      t.mutate('autobiography.checks.decide', { documentId: id, version: 1, decision: 'return', comment: '再改' }, other),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const checks = await (t.db.kysely as any).selectFrom('autobiography_checks').selectAll().execute();
    expect(checks).toHaveLength(1);
  });
});
