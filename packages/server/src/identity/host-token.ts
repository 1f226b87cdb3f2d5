import { sign, verify } from 'hono/jwt';
import { JwtTokenExpired } from 'hono/utils/jwt/types';
import { hostClaimsSchema, identityFromClaims, type Identity } from './claims.ts';

export type IdentityResult =
  | { ok: true; identity: Identity }
  | { ok: false; reason: 'missing' | 'expired' | 'invalid'; detail: string };

/** Verifies `Authorization: Bearer …` against the shared host secret. */
export async function verifyHostToken(header: string | undefined, secret: string): Promise<IdentityResult> {
  const match = header?.match(/^Bearer\s+(\S+)$/i);
  if (!match?.[1]) return { ok: false, reason: 'missing', detail: 'no bearer token' };
  let payload: unknown;
  try {
    payload = await verify(match[1], secret, { alg: 'HS256', exp: true, nbf: true, iat: false });
  } catch (error) {
    if (error instanceof JwtTokenExpired) return { ok: false, reason: 'expired', detail: 'token expired' };
    return { ok: false, reason: 'invalid', detail: error instanceof Error ? error.message : 'invalid token' };
  }
  const claims = hostClaimsSchema.safeParse(payload);
  if (!claims.success) {
    const detail = claims.error.issues.map((i) => `${i.path.join('.') || 'token'}: ${i.message}`).join('; ');
    return { ok: false, reason: 'invalid', detail };
  }
  return { ok: true, identity: identityFromClaims(claims.data) };
}

/** Signs a host token: what a host does for its user (used by the demo mode, tests and examples). */
export async function signHostToken(identity: Identity, secret: string, ttlSeconds = 3600, now = Date.now()): Promise<string> {
  const exp = Math.floor(now / 1000) + ttlSeconds;
  return sign({ sub: identity.userId, name: identity.name, school: identity.school, roles: identity.roles, exp }, secret, 'HS256');
}
