import { afterEach, describe, expect, it } from 'vitest';
import { testDialects } from '@licheng/db/testing';
import { createTestLicheng, type TestLicheng, type TestUser } from '@licheng/server/testing';
import plugin from './index.ts';

const staff: TestUser = { userId: 'staff-1', name: '實習處 王組長', roles: ['practicum-staff'] };
const student: TestUser = { userId: 's-1', name: '陳小明', roles: ['student'] };

describe.each(testDialects())('practicum on %s', (dialect) => {
  let t: TestLicheng;
  afterEach(async () => t?.close());

  it('migrates its own table under its own migration scope', async () => {
    t = await createTestLicheng({ dialect, plugins: [plugin] });
    const tables = (await t.db.kysely.introspection.getTables()).map((x) => x.name);
    expect(tables).toEqual(expect.arrayContaining(['practicum_notices', 'licheng_migrations_practicum']));
  });

  it('lets office staff post a notice that every signed-in user of the school can list', async () => {
    t = await createTestLicheng({ dialect, plugins: [plugin] });
    const posted = await t.mutate('practicum.notices.post', { title: ' 開放時間調整 ', body: '本週五下午暫停服務。' }, staff);
    expect(posted.error).toBeNull();
    expect(posted.data).toMatchObject({ title: '開放時間調整', body: '本週五下午暫停服務。', postedByName: '實習處 王組長' });
    const listed = await t.query('practicum.notices.list', undefined, student);
    expect(listed.data).toEqual([posted.data]);
    const audit = await t.db.kysely.selectFrom('audit_log' as any).select(['action', 'actor_id', 'actor_role']).execute();
    expect(audit).toEqual([{ action: 'practicum.notice.post', actor_id: 'staff-1', actor_role: 'practicum-staff' }]);
  });

  it('refuses a caller without the office role, and anonymous callers', async () => {
    t = await createTestLicheng({ dialect, plugins: [plugin] });
    const refused = await t.mutate('practicum.notices.post', { title: 't', body: 'b' }, student);
    expect(refused.status).toBe(403);
    expect(refused.error?.licheng?.code).toBe('forbidden');
    const anonymous = await t.query('practicum.notices.list', undefined);
    expect(anonymous.status).toBe(401);
    expect(anonymous.error?.licheng?.code).toBe('unauthenticated');
  });

  it('validates input and names the field', async () => {
    t = await createTestLicheng({ dialect, plugins: [plugin] });
    const bad = await t.mutate('practicum.notices.post', { title: '', body: 'b' }, staff);
    expect(bad.status).toBe(400);
    expect(bad.error?.message).toMatch(/^title: /);
    expect(bad.error?.licheng?.code).toBe('invalid-input');
  });

  it('shows only its own school’s notices, newest first', async () => {
    t = await createTestLicheng({ dialect, plugins: [plugin] });
    for (const title of ['一', '二', '三']) {
      await t.mutate('practicum.notices.post', { title, body: '內容' }, staff);
      t.clock.now = new Date(t.clock.now.getTime() + 60_000);
    }
    await t.db.kysely.insertInto('practicum_notices' as any).values({ id: 'x', school_code: '654321', title: '他校', body: '', posted_by: 'o', posted_by_name: 'o', posted_at: '2099-01-01T00:00:00.000Z' } as any).execute();
    const listed = await t.query('practicum.notices.list', { limit: 2 }, student);
    expect(listed.data.map((n: { title: string }) => n.title)).toEqual(['三', '二']);
  });
});
