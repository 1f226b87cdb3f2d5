import { addDays, taipeiDate } from '@licheng/core';
import { newId, nowIso } from '@licheng/db';
import { upsertTeachers, type LichengApp } from '@licheng/server';

/** The teacher who left the demo school, kept for certification for two more weeks. */
export const DEMO_DEPARTED = { teacherNo: 'T05', name: '林淑芬', email: 'lin@demo.example', hostUserId: 'demo-t-lin' };


/**
 * 代理人 in the demo: 王美玲 (國語文) is absent this week (Monday to Sunday, Taipei, so the demo shows it any day) and her
 * certification proxies are 周怡安 then 郭建宏, so 周怡安's queue shows 王美玲's items 「代理 王美玲」;
 * 註冊組 林組長 has 李志明 as proxy for registry work; 林淑芬 left three days ago and keeps
 * certification-only access for two more weeks.
 */
export async function seedDemoProxies(app: LichengApp): Promise<void> {
  const base = await app.createContext(new Request('http://demo/'));
  const { db, config } = base;
  const now = base.now();
  const today = taipeiDate(now);
  const weekday = (new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday 0
  const monday = addDays(today, -weekday);
  const at = nowIso(now);
  const by = 'demo-working-group';
  const proxy = (principal: [string, string], scope: string, roles: string[], proxies: [string, string][]) =>
    proxies.map(([userId, name], i) => ({ id: newId(), school_code: config.code, scope, principal_user_id: principal[0], principal_name: principal[1], proxy_user_id: userId, proxy_name: name, position: i + 1, roles_json: JSON.stringify(roles), created_by: by, created_at: at, removed_at: null }));
  await db.transaction().execute(async (trx) => {
    await upsertTeachers(trx, config.code, [DEMO_DEPARTED] as never, now);
    await trx
      .insertInto('proxies')
      .values([
        ...proxy(['demo-t-wang', '王美玲'], 'certification', [], [['demo-t-chou', '周怡安'], ['demo-t-kuo', '郭建宏']]),
        ...proxy(['demo-registry', '註冊組 林組長'], 'registry', ['registry-staff'], [['demo-t-lee', '李志明']]),
      ])
      .execute();
    await trx.insertInto('staff_absences').values({ id: newId(), school_code: config.code, user_id: 'demo-t-wang', from_date: monday, to_date: addDays(monday, 6), reason: '研習公假', created_by: by, created_at: at, removed_at: null }).execute();
    await trx
      .insertInto('staff_departures')
      .values({ id: newId(), school_code: config.code, user_id: DEMO_DEPARTED.hostUserId, departed_on: addDays(today, -3), certification_until: addDays(today, 14), note: '調往他校', created_by: by, created_at: at })
      .execute();
  });
}
