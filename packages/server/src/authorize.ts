import { formatMessage, type Role } from '@licheng/core';
import type { AuthedContext, LichengContext } from './context.ts';

export type Authorization =
  | { ok: true; ctx: AuthedContext }
  | { ok: false; status: 401 | 403; code: 'unauthenticated' | 'token-expired' | 'forbidden'; detail: string };

/**
 * The identity rules every entry point applies: a valid token, for this school, with one of
 * `roles` (any role when omitted); `actingRole` is the first of the caller's roles that fits.
 */
export function authorize(ctx: LichengContext, roles?: readonly Role[]): Authorization {
  if (!ctx.auth.ok) return { ok: false, status: 401, code: ctx.auth.reason === 'expired' ? 'token-expired' : 'unauthenticated', detail: ctx.auth.detail };
  const identity = ctx.auth.identity;
  if (identity.school !== ctx.config.code) return { ok: false, status: 403, code: 'forbidden', detail: `token is for school ${identity.school}` };
  const actingRole = roles ? identity.roles.find((r) => roles.includes(r)) : identity.roles[0];
  if (!actingRole) return { ok: false, status: 403, code: 'forbidden', detail: `needs one of the roles: ${roles?.join(', ')}` };
  return { ok: true, ctx: { ...ctx, identity, actingRole } };
}

/** For plain HTTP routes (downloads): the authorised context, or the JSON error response to send. */
export function authorizeRequest(ctx: LichengContext, roles?: readonly Role[]): { ok: true; ctx: AuthedContext } | { ok: false; response: Response } {
  const result = authorize(ctx, roles);
  if (result.ok) return result;
  const message = formatMessage(result.code, {}, ctx.locale);
  return { ok: false, response: Response.json({ error: { code: result.code, message } }, { status: result.status }) };
}
