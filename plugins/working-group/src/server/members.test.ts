import { afterEach, describe, expect, it } from 'vitest';
import { testDialects } from '@licheng/db/testing';
import type { TestLicheng } from '@licheng/server/testing';
import { addMember, admin, groupApp, staff } from './test-group.ts';

describe.each(testDialects())('working-group members on %s', (dialect) => {
  let t: TestLicheng;
  afterEach(async () => t?.close());

  it('keeps the composition of a year: convenor, executive secretary, then members in the order added', async () => {
    t = await groupApp(dialect);
    await addMember(t, { name: '張委員', representing: '家長代表', title: '' });
    await addMember(t, { name: '陳校長', title: '校長', representing: '校長室', role: 'convenor', userId: 'u-principal' });
    await addMember(t, { name: '李主任', title: '教務主任', representing: '教務處', role: 'executive-secretary' }, admin);
    await addMember(t, { name: '往年委員', academicYear: 114 });
    const res = await t.query('working-group.members.list', undefined, staff);
    expect(res.error).toBeNull();
    expect(res.data.academicYear).toBe(115);
    expect(res.data.members.map((m: any) => [m.name, m.role, m.representing, m.endedOn])).toEqual([
      ['陳校長', 'convenor', '校長室', null],
      ['李主任', 'executive-secretary', '教務處', null],
      ['張委員', 'member', '家長代表', null],
    ]);
    expect(res.data.members[0].userId).toBe('u-principal');
    expect((await t.query('working-group.members.list', { academicYear: 114 }, staff)).data.members.map((m: any) => m.name)).toEqual(['往年委員']);
    const audit = await t.db.kysely.selectFrom('audit_log').select(['action', 'actor_role']).where('action', '=', 'working-group.member.add').execute();
    expect(audit.map((a) => a.actor_role).sort()).toEqual(['admin', 'working-group', 'working-group', 'working-group']);
  });

  it('lets one convenor and one executive secretary serve per year, saying who holds the role', async () => {
    t = await groupApp(dialect);
    const principal = await addMember(t, { name: '陳校長', role: 'convenor' });
    const twice = await t.mutate('working-group.members.add', { academicYear: 115, name: '王校長', title: '校長', representing: '校長室', role: 'convenor' }, staff);
    expect(twice.status).toBe(400);
    expect(twice.error?.licheng?.code).toBe('wg-role-taken');
    expect(twice.error?.message).toBe('115 學年度已有召集人（陳校長），請先結束其任期或將其改為委員');
    const member = await addMember(t, { name: '王校長' });
    const promote = await t.mutate('working-group.members.update', { id: member.id, name: '王校長', title: '校長', representing: '校長室', role: 'convenor' }, staff);
    expect(promote.error?.licheng?.code).toBe('wg-role-taken');
    // The next year has its own convenor.
    await addMember(t, { academicYear: 116, name: '王校長', role: 'convenor' });
    // Once the first one's membership ends, the role is free.
    expect((await t.mutate('working-group.members.end', { id: principal.id, action: 'end' }, staff)).error).toBeNull();
    const promoted = await t.mutate('working-group.members.update', { id: member.id, name: '王校長', title: '校長', representing: '校長室', role: 'convenor' }, staff);
    expect(promoted.error).toBeNull();
    expect(promoted.data).toMatchObject({ role: 'convenor', title: '校長' });
    // Restoring the first one would give the year two convenors.
    const restore = await t.mutate('working-group.members.end', { id: principal.id, action: 'restore' }, staff);
    expect(restore.error?.licheng?.code).toBe('wg-role-taken');
  });

  it('lets only one of two convenors saved at the same moment in', async () => {
    t = await groupApp(dialect);
    const add = (name: string) => t.mutate('working-group.members.add', { academicYear: 115, name, title: '校長', representing: '校長室', role: 'convenor' }, staff);
    const answers = await Promise.all([add('甲校長'), add('乙校長'), add('丙校長')]);
    expect(answers.filter((a) => a.error === null)).toHaveLength(1);
    for (const refused of answers.filter((a) => a.error !== null)) expect(['wg-role-taken', 'try-again']).toContain(refused.error?.licheng?.code);
    const rows = await t.db.kysely.selectFrom('working_group_members' as any).select('name').execute();
    expect(rows).toHaveLength(1);
  });

  it('ends a membership without deleting it, and takes a mis-click back', async () => {
    t = await groupApp(dialect);
    const m = await addMember(t, { name: '學生代表甲', representing: '學生代表' });
    const ended = await t.mutate('working-group.members.end', { id: m.id, action: 'end' }, staff);
    expect(ended.data.endedOn).toBe('2026-11-27');
    const list = await t.query('working-group.members.list', undefined, staff);
    expect(list.data.members).toEqual([expect.objectContaining({ name: '學生代表甲', endedOn: '2026-11-27' })]);
    const again = await t.mutate('working-group.members.end', { id: m.id, action: 'end' }, staff);
    expect(again.error?.licheng?.code).toBe('wg-member-ended');
    const edit = await t.mutate('working-group.members.update', { id: m.id, name: '改名', title: '', representing: '學生代表', role: 'member' }, staff);
    expect(edit.error?.licheng?.code).toBe('wg-member-ended');
    const restored = await t.mutate('working-group.members.end', { id: m.id, action: 'restore' }, staff);
    expect(restored.data.endedOn).toBeNull();
    expect((await t.mutate('working-group.members.end', { id: m.id, action: 'restore' }, staff)).error?.licheng?.code).toBe('wg-member-active');
    const actions = await t.db.kysely.selectFrom('audit_log').select('action').where('entity_id', '=', m.id).orderBy('at').orderBy('id').execute();
    expect(actions.map((a) => a.action).sort()).toEqual(['working-group.member.add', 'working-group.member.end', 'working-group.member.restore']);
  });

  it('refuses a member without a name or group, or with an unknown role, and writes nothing', async () => {
    t = await groupApp(dialect);
    for (const bad of [{ name: '  ' }, { representing: '' }, { role: 'chair' }, { academicYear: 2026 }, { name: 'x'.repeat(101) }]) {
      const res = await t.mutate('working-group.members.add', { academicYear: 115, name: '林委員', title: '', representing: '教師代表', role: 'member', ...bad }, staff);
      expect(res.status, JSON.stringify(bad)).toBe(400);
    }
    expect(await t.db.kysely.selectFrom('working_group_members' as any).selectAll().execute()).toEqual([]);
  });
});
