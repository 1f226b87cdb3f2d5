import { DomainError, isProxyScope, OFFICE_SCOPE_ROLES, CERTIFICATION_SCOPE } from '@licheng/core';
import { forUpdate, newId, nowIso } from '@licheng/db';
import { authedProcedure, writeAudit } from '@licheng/server';
import { z } from 'zod';
import { staffMemberSchema, staffNames } from '../staff.ts';
import { GROUP_EDITORS } from '../roles.ts';

export const proxiesSaveInput = z.object({
  principal: staffMemberSchema,
  /** 'certification' or an office id (registry, curriculum, …). */
  scope: z.string().trim().min(1).max(40),
  /** The proxies in order: the first available one acts. An empty list removes them all. */
  proxies: z.array(staffMemberSchema).max(10),
});

/**
 * working-group.proxies.save — sets a principal's ordered proxy list (代理人) for one scope:
 * proxies kept are renumbered, new ones added, missing ones removed (removed_at; rows are never
 * deleted). For an office scope each proxy takes on that office's roles while acting. Audited
 * with the list before and after. The list's rows are locked first, so two saves of one list
 * apply one after the other.
 */
export const proxiesSave = authedProcedure(GROUP_EDITORS)
  .input(proxiesSaveInput)
  .mutation(async ({ ctx, input }) => {
    if (!isProxyScope(input.scope)) throw new DomainError('proxy-scope-unknown', { scope: input.scope });
    const seen = new Set<string>();
    for (const p of input.proxies) {
      if (p.userId === input.principal.userId) throw new DomainError('proxy-self', {});
      if (seen.has(p.userId)) throw new DomainError('proxy-duplicate', { name: p.name ?? p.userId });
      seen.add(p.userId);
    }
    const school = ctx.config.code;
    const roles = input.scope === CERTIFICATION_SCOPE ? [] : [...OFFICE_SCOPE_ROLES[input.scope]!];
    const at = ctx.now();
    return ctx.db.transaction().execute(async (trx) => {
      const [principalName = '', ...names] = await staffNames(trx, school, [input.principal, ...input.proxies]);
      const current = await forUpdate(
        trx.selectFrom('proxies').selectAll().where('school_code', '=', school).where('principal_user_id', '=', input.principal.userId).where('scope', '=', input.scope).where('removed_at', 'is', null).orderBy('position'),
        ctx.dialect,
      ).execute();
      for (const row of current) {
        if (!seen.has(row.proxy_user_id)) await trx.updateTable('proxies').set({ removed_at: nowIso(at) }).where('id', '=', row.id).where('school_code', '=', school).execute();
      }
      for (const [i, p] of input.proxies.entries()) {
        const row = current.find((r) => r.proxy_user_id === p.userId);
        if (row && row.position === i + 1) continue;
        if (row) await trx.updateTable('proxies').set({ position: i + 1, proxy_name: names[i]! }).where('id', '=', row.id).where('school_code', '=', school).execute();
        else {
          await trx
            .insertInto('proxies')
            .values({ id: newId(), school_code: school, scope: input.scope, principal_user_id: input.principal.userId, principal_name: principalName, proxy_user_id: p.userId, proxy_name: names[i]!, position: i + 1, roles_json: JSON.stringify(roles), created_by: ctx.identity.userId, created_at: nowIso(at), removed_at: null })
            .execute();
        }
      }
      const list = input.proxies.map((p, i) => ({ userId: p.userId, name: names[i]! }));
      await writeAudit(trx, {
        school,
        actor: ctx.identity,
        role: ctx.actingRole,
        action: 'proxies.save',
        entity: 'proxy-list',
        entityId: `${input.scope}:${input.principal.userId}`,
        before: { principal: principalName, scope: input.scope, proxies: current.map((r) => r.proxy_name) },
        after: { principal: principalName, scope: input.scope, proxies: list.map((p) => p.name), roles },
        at,
      });
      return { principal: { userId: input.principal.userId, name: principalName }, scope: input.scope, proxies: list, roles };
    });
  });
