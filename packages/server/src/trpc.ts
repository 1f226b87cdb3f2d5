import { initTRPC, TRPCError } from '@trpc/server';
import { DomainError, formatMessage, messageCodes, type Locale, type Role } from '@licheng/core';
import { ZodError } from 'zod';
import type { LichengContext } from './context.ts';
import { domainErrorCode, domainHttpStatus, itemError } from './errors.ts';
import { authorize, type AuthorizeOptions } from './authorize.ts';
import { markSignInMiddleware } from './procedure-access.ts';

const t = initTRPC.context<LichengContext>().create({
  errorFormatter({ shape, error, ctx }) {
    const locale = ctx?.locale ?? 'zh-TW';
    const cause = error.cause;
    if (cause instanceof DomainError) {
      const message = formatMessage(cause.code, cause.params, locale);
      const httpStatus = domainHttpStatus(cause.code) ?? shape.data.httpStatus;
      return { ...shape, message, data: { ...shape.data, httpStatus, stack: undefined, licheng: { code: cause.code, params: cause.params } } };
    }
    if (cause instanceof ZodError) {
      const issues = describeIssues(cause, locale);
      const single = issues.length === 1 && messageCodes.includes(issues[0]!.code) ? issues[0]! : null;
      const licheng = { code: single?.code ?? 'invalid-input', params: single?.params ?? {}, issues };
      const message = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('；');
      return { ...shape, message, data: { ...shape.data, stack: undefined, licheng } };
    }
    if (error.code === 'INTERNAL_SERVER_ERROR') {
      // Unexpected failures are logged here and never shown: their text may hold SQL or paths.
      console.error(`[licheng] ${shape.data.path ?? ''}:`, error.cause ?? error);
      return { ...shape, message: formatMessage('internal-error', {}, locale), data: { ...shape.data, stack: undefined, licheng: { code: 'internal-error', params: {} } } };
    }
    return { ...shape, data: { ...shape.data, stack: undefined, licheng: null } };
  },
});

/** Zod issues as the client sees them: dotted path, domain code when the schema used one, localised text. */
function describeIssues(error: ZodError, locale: Locale) {
  return error.issues.map((issue) => {
    const params = ((issue as { params?: Record<string, string | number> }).params ?? {}) as Record<string, string | number>;
    const isDomain = messageCodes.includes(issue.message);
    return {
      path: issue.path.map(String).join('.'),
      code: isDomain ? issue.message : issue.code,
      params,
      message: isDomain ? formatMessage(issue.message, params, locale) : issue.message,
    };
  });
}

export const router = t.router;
export const middleware = t.middleware;
/**
 * Turns DomainErrors thrown by rules into tRPC errors carrying the same code; a write conflict
 * with another transaction (nothing of this call was written) becomes `try-again` (409).
 */
const domainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  const cause = result.ok ? null : itemError(result.error.cause);
  if (cause) throw new TRPCError({ code: domainErrorCode(cause.code), message: cause.message, cause });
  return result;
});

/** Procedures anyone may call (health, demo sign-in): domain errors still map to tRPC codes. */
export const publicProcedure = t.procedure.use(domainErrors);

/**
 * Signed-in callers only; `actingRole` is their first role among `roles` (any role when omitted).
 * `options.certification`: a departed teacher kept for certification only (離職, 保留認證) may call it.
 */
export function authedProcedure(roles?: readonly Role[], options: AuthorizeOptions = {}) {
  const procedure = t.procedure.use(domainErrors).use(async ({ ctx, next }) => {
    const result = await authorize(ctx, roles, options);
    if (!result.ok) {
      const cause = new DomainError(result.code, { detail: result.detail, ...result.params });
      throw new TRPCError({ code: result.status === 401 ? 'UNAUTHORIZED' : 'FORBIDDEN', message: result.detail, cause });
    }
    return next({ ctx: result.ctx });
  });
  markSignInMiddleware(procedure._def.middlewares.at(-1)!, roles ?? null);
  return procedure;
}
