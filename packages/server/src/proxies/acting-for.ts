import { taipeiDate, CERTIFICATION_SCOPE } from '@licheng/core';
import type { AuthedContext } from '../context.ts';
import { principalsActedFor, type ActingFor } from './staff-state.ts';

/** Per request, per scope: a bulk certification asks once, not once per item. */
const asked = new WeakMap<AuthedContext['auth'], Map<string, Promise<ActingFor[]>>>();

/**
 * 代理 — the principals (user id and name) the signed-in caller acts for today in `scope`
 * ('certification' or an office id): those whose acting proxy the caller is right now. Office
 * scopes were worked out at sign-in (ctx.officeActingFor); certification is looked up here, once
 * per request (the answer holds for the request's day; proxy lists change in requests of their own).
 */
export function actingFor(ctx: AuthedContext, scope: string): Promise<ActingFor[]> {
  if (scope !== CERTIFICATION_SCOPE && ctx.officeActingFor) return Promise.resolve(ctx.officeActingFor.filter((p) => p.scope === scope));
  let byScope = asked.get(ctx.auth);
  if (!byScope) asked.set(ctx.auth, (byScope = new Map()));
  let answer = byScope.get(scope);
  if (!answer) {
    answer = principalsActedFor(ctx.db, ctx.config.code, ctx.identity.userId, [scope], taipeiDate(ctx.now()));
    byScope.set(scope, answer);
    answer.catch(() => byScope.delete(scope));
  }
  return answer;
}
