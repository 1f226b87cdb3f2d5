import { actingProxy, OFFICE_SCOPE_ROLES, taipeiDate, CERTIFICATION_SCOPE } from '@licheng/core';
import { authedProcedure } from '@licheng/server';
import { z } from 'zod';
import { GROUP_EDITORS } from '../roles.ts';

export const proxiesListInput = z.object({}).default({});

/**
 * working-group.proxies.list — the school's proxy lists (代理人) per principal and scope, in
 * order, with who acts for whom today; absences (請假) that have not ended; departures (離職);
 * the teachers to choose from and the scopes with the roles each grants.
 */
export const proxiesList = authedProcedure(GROUP_EDITORS)
  .input(proxiesListInput)
  .query(async ({ ctx }) => {
    const school = ctx.config.code;
    const today = taipeiDate(ctx.now());
    const [teachers, rows, absences, departures] = await Promise.all([
      ctx.db.selectFrom('teachers').select(['host_user_id', 'name']).where('school_code', '=', school).orderBy('teacher_no').execute(),
      ctx.db.selectFrom('proxies').selectAll().where('school_code', '=', school).where('removed_at', 'is', null).orderBy('principal_name').orderBy('scope').orderBy('position').execute(),
      ctx.db.selectFrom('staff_absences').selectAll().where('school_code', '=', school).where('removed_at', 'is', null).where('to_date', '>=', today).orderBy('from_date').execute(),
      ctx.db.selectFrom('staff_departures').selectAll().where('school_code', '=', school).orderBy('departed_on', 'desc').execute(),
    ]);
    const names = new Map<string, string>([...rows.flatMap((r) => [[r.principal_user_id, r.principal_name], [r.proxy_user_id, r.proxy_name]] as [string, string][]), ...teachers.map((t) => [t.host_user_id, t.name] as [string, string])]);
    const known = {
      absences: absences.map((a) => ({ userId: a.user_id, fromDate: a.from_date, toDate: a.to_date })),
      departures: departures.map((d) => ({ userId: d.user_id, departedOn: d.departed_on, certificationUntil: d.certification_until })),
    };
    const lists = new Map<string, { principal: { userId: string; name: string }; scope: string; proxies: { id: string; userId: string; name: string; position: number }[] }>();
    for (const r of rows) {
      const key = `${r.scope}:${r.principal_user_id}`;
      const list = lists.get(key) ?? { principal: { userId: r.principal_user_id, name: r.principal_name }, scope: r.scope, proxies: [] };
      list.proxies.push({ id: r.id, userId: r.proxy_user_id, name: r.proxy_name, position: r.position });
      lists.set(key, list);
    }
    return {
      today,
      scopes: [{ id: CERTIFICATION_SCOPE, roles: [] as string[] }, ...Object.entries(OFFICE_SCOPE_ROLES).map(([id, roles]) => ({ id, roles: [...roles] as string[] }))],
      teachers: teachers.map((t) => ({ userId: t.host_user_id, name: t.name })),
      lists: [...lists.values()].map((l) => {
        const acting = actingProxy(l.principal.userId, l.proxies.map((p) => ({ proxyUserId: p.userId, position: p.position })), known, today, l.scope);
        return { ...l, actingToday: acting ? { userId: acting, name: names.get(acting) ?? acting } : null };
      }),
      absences: absences.map((a) => ({ id: a.id, userId: a.user_id, name: names.get(a.user_id) ?? a.user_id, fromDate: a.from_date, toDate: a.to_date, reason: a.reason, current: a.from_date <= today })),
      departures: departures.map((d) => ({
        id: d.id,
        userId: d.user_id,
        name: names.get(d.user_id) ?? d.user_id,
        departedOn: d.departed_on,
        certificationUntil: d.certification_until,
        note: d.note,
      })),
    };
  });
