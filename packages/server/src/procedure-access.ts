import type { Role } from '@licheng/core';

/**
 * Who may call a procedure, as far as it can be told without calling it: authedProcedure marks
 * its sign-in middleware here, so tools that walk the router (the OpenAPI generator) can tell
 * signed-in procedures, and the roles they accept, from public ones.
 */
const signInMiddlewares = new WeakMap<object, readonly Role[] | null>();

/** Records that `middleware` requires a signed-in caller with one of `roles` (null: any role). */
export function markSignInMiddleware(middleware: object, roles: readonly Role[] | null): void {
  signInMiddlewares.set(middleware, roles);
}

export type ProcedureAccess = { signedIn: false } | { signedIn: true; roles: readonly Role[] | null };

/** Whether a built procedure (or builder) needs a signed-in caller, and with which roles. */
export function procedureAccess(procedure: { _def: { middlewares?: readonly unknown[] } }): ProcedureAccess {
  for (const middleware of procedure._def.middlewares ?? []) {
    if (typeof middleware === 'function' && signInMiddlewares.has(middleware)) {
      return { signedIn: true, roles: signInMiddlewares.get(middleware) ?? null };
    }
  }
  return { signedIn: false };
}
