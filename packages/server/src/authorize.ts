import { formatMessage, toRocDate, type Role } from '@licheng/core';
import type { AuthedContext, LichengContext } from './context.ts';
import { loadCallerStaffState, principalsActedFor, type CallerStaffState } from './proxies/staff-state.ts';

export type Authorization =
  | { ok: true; ctx: AuthedContext }
  | {
      ok: false;
      status: 401 | 403;
      code: 'unauthenticated' | 'token-expired' | 'forbidden' | 'account-departed' | 'account-certification-only';
      detail: string;
      params?: Record<string, string>;
    };

export interface AuthorizeOptions {
  /** Whether a departed teacher kept for certification only (離職, 保留認證) may make this call. */
  certification?: boolean;
}

interface Caller {
  state: CallerStaffState;
  officeActingFor: AuthedContext['officeActingFor'];
}

/** One read of the caller's staff state per request: a tRPC batch authorizes each of its calls on the same context. */
const callers = new WeakMap<LichengContext['auth'], Promise<Caller>>();

function callerOf(ctx: LichengContext, userId: string): Promise<Caller> {
  let caller = callers.get(ctx.auth);
  if (!caller) {
    caller = readCaller(ctx, userId);
    callers.set(ctx.auth, caller);
    // A failed read (the database is down) is not kept: the next call of the batch tries again.
    caller.catch(() => callers.delete(ctx.auth));
  }
  return caller;
}

async function readCaller(ctx: LichengContext, userId: string): Promise<Caller> {
  const state = await loadCallerStaffState(ctx.db, ctx.config.code, userId, ctx.now());
  if (state.access === 'none' || !state.officeListings.length) return { state, officeActingFor: undefined };
  return { state, officeActingFor: await principalsActedFor(ctx.db, ctx.config.code, userId, [...new Set(state.officeListings.map((l) => l.scope))], state.date, state.officeListings) };
}

/**
 * The identity rules every entry point applies: a valid token, for this school, of someone who
 * has not left (離職) — or who left but keeps certification-only access and makes such a call —
 * with one of `roles` (any role when omitted); `actingRole` is the first of the caller's roles
 * that fits. While the caller is the acting proxy (代理人) of an absent or departed officer, the
 * roles of that proxy list are added, marked as acting for the principal.
 * Cost: one indexed query (loadCallerStaffState) per request, whatever a batch holds; more only for
 * someone on an office proxy list.
 */
export async function authorize(ctx: LichengContext, roles?: readonly Role[], options: AuthorizeOptions = {}): Promise<Authorization> {
  if (!ctx.auth.ok) return { ok: false, status: 401, code: ctx.auth.reason === 'expired' ? 'token-expired' : 'unauthenticated', detail: ctx.auth.detail };
  let identity = ctx.auth.identity;
  if (identity.school !== ctx.config.code) return { ok: false, status: 403, code: 'forbidden', detail: `token is for school ${identity.school}` };
  const { state, officeActingFor } = await callerOf(ctx, identity.userId);
  if (state.access === 'none') return { ok: false, status: 403, code: 'account-departed', detail: 'account departed' };
  if (state.access === 'certification-only' && !options.certification) {
    const until = toRocDate(state.departure!.certificationUntil!);
    return { ok: false, status: 403, code: 'account-certification-only', detail: `certification only until ${until}`, params: { until } };
  }
  if (officeActingFor) {
    const added = officeActingFor.flatMap((p) => p.roles.filter((r) => !identity.roles.includes(r)).map((r) => [r, { userId: p.userId, name: p.name }] as const));
    if (added.length) {
      const actingFor = Object.fromEntries(added.toReversed());
      identity = { ...identity, roles: [...identity.roles, ...new Set(added.map(([r]) => r))], actingFor };
    }
  }
  const actingRole = roles ? identity.roles.find((r) => roles.includes(r)) : identity.roles[0];
  if (!actingRole) return { ok: false, status: 403, code: 'forbidden', detail: `needs one of the roles: ${roles?.join(', ')}` };
  return { ok: true, ctx: { ...ctx, identity, actingRole, ...(officeActingFor ? { officeActingFor } : {}) } };
}

/** For plain HTTP routes (downloads): the authorised context, or the JSON error response to send. */
export async function authorizeRequest(
  ctx: LichengContext,
  roles?: readonly Role[],
  options: AuthorizeOptions = {},
): Promise<{ ok: true; ctx: AuthedContext } | { ok: false; response: Response }> {
  const result = await authorize(ctx, roles, options);
  if (result.ok) return result;
  const message = formatMessage(result.code, result.params ?? {}, ctx.locale);
  return { ok: false, response: Response.json({ error: { code: result.code, message } }, { status: result.status }) };
}
