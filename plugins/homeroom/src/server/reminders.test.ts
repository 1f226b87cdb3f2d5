import { afterEach, describe, expect, it } from 'vitest';
import { testDialects } from '@licheng/db/testing';
import { createTestLicheng, type TestLicheng } from '@licheng/server/testing';
import homeroomPlugin from './index.ts';
import { decideOutcome, enterOutcome, homeroom, homeroomConfig, seedClasses, studentNamed } from './test-support.ts';

describe.each(testDialects())('homeroom.reminders on %s', (dialect) => {
  let t: TestLicheng;
  afterEach(async () => t?.close());

  const lin = { userId: 's-lin', name: '林小華', roles: ['student'] as const };

  /** Class 101: 陳小明 S001 has nothing; 林小華 S002 has a failed outcome. */
  async function setup() {
    t = await createTestLicheng({ dialect, plugins: [homeroomPlugin], config: homeroomConfig });
    const { courseIds } = await seedClasses(t);
    await decideOutcome(t, await enterOutcome(t, 'S002', courseIds['國語文']!), 't-wang', 'fail');
    return { chen: await studentNamed(t, 'S001'), lin: await studentNamed(t, 'S002'), other: await studentNamed(t, 'S010') };
  }

  it('sends the chosen students what the check finds for them, audited, shown to each until dismissed', async () => {
    const { chen, lin: linRow } = await setup();
    const sent = await t.mutate('homeroom.reminders.send', { className: '101', studentIds: [chen.id, linRow.id], note: '請在週五前完成' }, homeroom.wang);
    expect(sent.error).toBeNull();
    expect(sent.data.sent).toBe(2);
    expect(sent.data.students).toEqual([
      { id: chen.id, name: '陳小明', reasons: ['no-upload'] },
      { id: linRow.id, name: '林小華', reasons: ['failed'] },
    ]);

    const audit = await (t.db.kysely as any).selectFrom('audit_log').selectAll().where('action', '=', 'homeroom.reminder.send').orderBy('student_id').execute();
    expect(audit).toHaveLength(2);
    expect(audit.every((a: any) => a.actor_id === 't-wang' && a.actor_name === '王老師' && a.actor_role === 'homeroom-teacher')).toBe(true);

    const progress = await t.query('homeroom.progress.class', { className: '101' }, homeroom.wang);
    expect(progress.data.students.map((s: any) => s.lastReminder?.byName ?? null)).toEqual(['王老師', '王老師', null]);

    const mine = await t.query('homeroom.reminders.mine', undefined, homeroom.student);
    expect(mine.data).toEqual([{ id: expect.any(String), reasons: ['no-upload'], note: '請在週五前完成', byName: '王老師', at: expect.any(String) }]);
    const me = await t.query('platform.me', undefined, homeroom.student);
    expect(me.data.reminders).toEqual([{ office: 'homeroom', tag: 'licheng-homeroom-reminder' }]);

    // Another student cannot dismiss it: not found.
    const stolen = await t.mutate('homeroom.reminders.dismiss', { id: mine.data[0].id }, { ...lin, roles: ['student'] });
    expect(stolen.error?.licheng?.code).toBe('not-found');
    expect((await t.mutate('homeroom.reminders.dismiss', { id: mine.data[0].id }, homeroom.student)).error).toBeNull();
    expect((await t.query('homeroom.reminders.mine', undefined, homeroom.student)).data).toEqual([]);
    expect((await t.mutate('homeroom.reminders.dismiss', { id: mine.data[0].id }, homeroom.student)).error?.licheng?.code).toBe('not-found');
    expect((await t.query('homeroom.reminders.mine', undefined, { ...lin, roles: ['student'] })).data).toHaveLength(1);
  });

  it("refuses another teacher's class, a student of another class (reminding nobody), a student sender and bad input", async () => {
    const { chen, other } = await setup();
    const li = await t.mutate('homeroom.reminders.send', { className: '101', studentIds: [chen.id] }, homeroom.li);
    expect(li.error?.licheng?.code).toBe('class-not-homeroom');
    const outside = await t.mutate('homeroom.reminders.send', { className: '101', studentIds: [chen.id, other.id] }, homeroom.wang);
    expect([outside.status, outside.error?.licheng?.code]).toEqual([404, 'not-found']);
    const count = await (t.db.kysely as any).selectFrom('homeroom_reminders').select((eb: any) => eb.fn.countAll().as('n')).executeTakeFirst();
    expect(Number(count.n)).toBe(0);
    const student = await t.mutate('homeroom.reminders.send', { className: '101', studentIds: [chen.id] }, homeroom.student);
    expect([student.status, student.error?.code]).toEqual([403, 'FORBIDDEN']);
    const empty = await t.mutate('homeroom.reminders.send', { className: '101', studentIds: [] }, homeroom.wang);
    expect(empty.status).toBe(400);
    const teacherMine = await t.query('homeroom.reminders.mine', undefined, homeroom.wang);
    expect(teacherMine.status).toBe(403);
  });
});
