import { createHmac, createSecretKey, timingSafeEqual, type KeyObject } from 'node:crypto';
import { sign } from 'hono/jwt';
import { hostClaimsSchema, identityFromClaims, type Identity } from './claims.ts';

export type IdentityResult =
  | { ok: true; identity: Identity }
  | { ok: false; reason: 'missing' | 'expired' | 'invalid'; detail: string };

/** Checks a host token's `Authorization` header; one per secret, holding the key made from it. */
export type HostTokenVerifier = (header: string | undefined) => IdentityResult;

let keysMade = 0;

/** How many HMAC keys host-token verification has made so far: one per secret, never one per call. */
export function hostTokenKeysMade(): number {
  return keysMade;
}

const invalid = (detail: string): IdentityResult => ({ ok: false, reason: 'invalid', detail });
const BASE64URL = /^[A-Za-z0-9_-]*={0,2}$/;

function decodePart(part: string): unknown {
  if (!BASE64URL.test(part)) throw new Error('not base64url');
  return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A verifier of HS256 host tokens for `secret`. The HMAC key is made once here, not on every
 * request. Each token must carry three parts; a header `{alg: "HS256"}` with no `crit` and a
 * `typ`, if any, of JWT; a signature that matches (compared in constant time); an `nbf`, if any,
 * not in the future and an `exp`, if any, in the future (numbers both) — then the claims schema.
 */
export function createHostTokenVerifier(secret: string): HostTokenVerifier {
  const key: KeyObject = createSecretKey(Buffer.from(secret, 'utf8'));
  keysMade++;
  return (header) => {
    const match = header?.match(/^Bearer\s+(\S+)$/i);
    if (!match?.[1]) return { ok: false, reason: 'missing', detail: 'no bearer token' };
    const token = match[1];
    const parts = token.split('.');
    if (parts.length !== 3) return invalid('token is not a JWT');
    const [headerPart, payloadPart, signaturePart] = parts as [string, string, string];
    let head: unknown;
    let payload: unknown;
    try {
      head = decodePart(headerPart);
      payload = decodePart(payloadPart);
    } catch {
      return invalid('token is not a JWT');
    }
    if (!isObject(head) || 'crit' in head || (head.typ !== undefined && !(typeof head.typ === 'string' && head.typ.toLowerCase().replace(/^application\//, '') === 'jwt'))) {
      return invalid('token header is invalid');
    }
    if (head.alg !== 'HS256') return invalid(`token algorithm ${String(head.alg)} is not HS256`);
    if (!BASE64URL.test(signaturePart)) return invalid('token signature is malformed');
    const given = Buffer.from(signaturePart, 'base64url');
    const expected = createHmac('sha256', key).update(`${headerPart}.${payloadPart}`).digest();
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return invalid('token signature mismatched');
    if (!isObject(payload)) return invalid('token payload is not an object');
    const now = Math.floor(Date.now() / 1000);
    if (payload.nbf !== undefined && (typeof payload.nbf !== 'number' || !Number.isFinite(payload.nbf) || payload.nbf > now)) {
      return invalid('token is not valid yet (nbf)');
    }
    if (payload.exp !== undefined && (typeof payload.exp !== 'number' || !Number.isFinite(payload.exp) || payload.exp <= now)) {
      return { ok: false, reason: 'expired', detail: 'token expired' };
    }
    const claims = hostClaimsSchema.safeParse(payload);
    if (!claims.success) {
      const detail = claims.error.issues.map((i) => `${i.path.join('.') || 'token'}: ${i.message}`).join('; ');
      return invalid(detail);
    }
    return { ok: true, identity: identityFromClaims(claims.data) };
  };
}

/** Verifiers by secret, so callers that pass the secret each time still reuse its key. */
const verifiers = new Map<string, HostTokenVerifier>();

/** Verifies `Authorization: Bearer …` against the shared host secret. */
export async function verifyHostToken(header: string | undefined, secret: string): Promise<IdentityResult> {
  let verifier = verifiers.get(secret);
  if (!verifier) {
    // A process serves one host secret (two while it rotates); never grow without bound.
    if (verifiers.size >= 8) verifiers.clear();
    verifier = createHostTokenVerifier(secret);
    verifiers.set(secret, verifier);
  }
  return verifier(header);
}

/** Signs a host token: what a host does for its user (used by the demo mode, tests and examples). */
export async function signHostToken(identity: Identity, secret: string, ttlSeconds = 3600, now = Date.now()): Promise<string> {
  const exp = Math.floor(now / 1000) + ttlSeconds;
  return sign({ sub: identity.userId, name: identity.name, school: identity.school, roles: identity.roles, exp }, secret, 'HS256');
}
