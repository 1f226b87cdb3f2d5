import { taipeiDate, CERTIFICATION_SCOPE } from '@licheng/core';
import type { AuthedContext } from '../context.ts';
import { principalsActedFor, type ActingFor } from './staff-state.ts';

/**
 * 代理 — the principals (user id and name) the signed-in caller acts for today in `scope`
 * ('certification' or an office id): those whose acting proxy the caller is right now. Office
 * scopes were worked out at sign-in (ctx.officeActingFor); certification is looked up here.
 */
export async function actingFor(ctx: AuthedContext, scope: string): Promise<ActingFor[]> {
  if (scope !== CERTIFICATION_SCOPE && ctx.officeActingFor) return ctx.officeActingFor.filter((p) => p.scope === scope);
  return principalsActedFor(ctx.db, ctx.config.code, ctx.identity.userId, [scope], taipeiDate(ctx.now()));
}
