import { createHmac } from 'node:crypto';
import { verify as honoVerify } from 'hono/jwt';
import { describe, expect, it } from 'vitest';
import { createHostTokenVerifier, hostTokenKeysMade, signHostToken, verifyHostToken } from './host-token.ts';

const SECRET = 'host-token-test-secret-host-token-test-secret';
const identity = { userId: 's1', name: '學生一', school: '123456', roles: ['student' as const] };
const now = () => Math.floor(Date.now() / 1000);
const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A token with any header and payload, signed HMAC-SHA256 (or SHA-512) with `secret`. */
function craft(header: unknown, payload: unknown, secret = SECRET, hash: 'sha256' | 'sha512' = 'sha256'): string {
  const input = `${part(header)}.${part(payload)}`;
  return `${input}.${createHmac(hash, secret).update(input).digest('base64url')}`;
}

const claims = (extra: Record<string, unknown> = {}) => ({ sub: 's1', name: '學生一', school: '123456', roles: ['student'], exp: now() + 600, ...extra });

describe('host token verification', () => {
  const verify = createHostTokenVerifier(SECRET);

  it('accepts a token the host signed and returns its identity', async () => {
    const token = await signHostToken(identity, SECRET);
    expect(verify(`Bearer ${token}`)).toEqual({ ok: true, identity });
    expect(verify(`Bearer ${craft({ alg: 'HS256', typ: 'JWT' }, claims({ nbf: now() - 5 }))}`)).toMatchObject({ ok: true });
    expect(verify(`Bearer ${craft({ alg: 'HS256' }, claims())}`)).toMatchObject({ ok: true });
  });

  it('refuses a missing header or one that is not a bearer token', () => {
    expect(verify(undefined)).toMatchObject({ ok: false, reason: 'missing' });
    expect(verify('Basic abc')).toMatchObject({ ok: false, reason: 'missing' });
  });

  it('refuses a bad signature: another secret, one changed character, a changed payload, none at all', async () => {
    expect(verify(`Bearer ${craft({ alg: 'HS256', typ: 'JWT' }, claims(), 'another-secret-another-secret-another-secret')}`)).toMatchObject({ ok: false, reason: 'invalid' });
    const token = await signHostToken(identity, SECRET);
    const [h, p, s] = token.split('.') as [string, string, string];
    const flipped = `${h}.${p}.${s.slice(0, 10)}${s[10] === 'A' ? 'B' : 'A'}${s.slice(11)}`;
    expect(verify(`Bearer ${flipped}`)).toMatchObject({ ok: false, reason: 'invalid', detail: 'token signature mismatched' });
    const admin = part({ ...claims(), roles: ['registry-staff'] });
    expect(verify(`Bearer ${h}.${admin}.${s}`)).toMatchObject({ ok: false, reason: 'invalid' });
    expect(verify(`Bearer ${h}.${p}.`)).toMatchObject({ ok: false, reason: 'invalid' });
    expect(verify(`Bearer ${h}.${p}`)).toMatchObject({ ok: false, reason: 'invalid' });
    expect(verify(`Bearer ${h}.${p}.${s}AAAA`)).toMatchObject({ ok: false, reason: 'invalid' });
  });

  it('refuses a header whose alg is not HS256, even when signed with the secret, and odd headers', () => {
    for (const header of [{ alg: 'none' }, { alg: 'HS512', typ: 'JWT' }, { alg: 'RS256' }, {}, { alg: 'HS256', typ: 'JWE' }, { alg: 'HS256', crit: ['exp'] }, ['HS256']]) {
      expect(verify(`Bearer ${craft(header, claims())}`), JSON.stringify(header)).toMatchObject({ ok: false, reason: 'invalid' });
    }
    expect(verify(`Bearer ${craft({ alg: 'HS512' }, claims(), SECRET, 'sha512')}`)).toMatchObject({ ok: false, reason: 'invalid' });
    const unsigned = `${part({ alg: 'none' })}.${part(claims())}.`;
    expect(verify(`Bearer ${unsigned}`)).toMatchObject({ ok: false, reason: 'invalid' });
  });

  it('refuses an expired token as expired, and an exp that is not a number', async () => {
    const expired = await signHostToken(identity, SECRET, -10);
    expect(verify(`Bearer ${expired}`)).toEqual({ ok: false, reason: 'expired', detail: 'token expired' });
    expect(verify(`Bearer ${craft({ alg: 'HS256' }, claims({ exp: now() }))}`)).toMatchObject({ ok: false, reason: 'expired' });
    expect(verify(`Bearer ${craft({ alg: 'HS256' }, claims({ exp: String(now() + 600) }))}`)).toMatchObject({ ok: false });
  });

  it('refuses a token used before its nbf, and an nbf that is not a number', () => {
    expect(verify(`Bearer ${craft({ alg: 'HS256' }, claims({ nbf: now() + 60 }))}`)).toMatchObject({ ok: false, reason: 'invalid' });
    expect(verify(`Bearer ${craft({ alg: 'HS256' }, claims({ nbf: 'yesterday' }))}`)).toMatchObject({ ok: false, reason: 'invalid' });
  });

  it('refuses claims outside the schema even when the signature holds', () => {
    expect(verify(`Bearer ${craft({ alg: 'HS256' }, claims({ school: 'abc' }))}`)).toMatchObject({ ok: false, reason: 'invalid' });
    expect(verify(`Bearer ${craft({ alg: 'HS256' }, claims({ exp: undefined }))}`)).toMatchObject({ ok: false, reason: 'invalid' });
    expect(verify(`Bearer ${craft({ alg: 'HS256' }, 'a string')}`)).toMatchObject({ ok: false, reason: 'invalid' });
  });

  it('accepts exactly the tokens hono/jwt verify accepted (with the same options)', async () => {
    const tokens = [
      await signHostToken(identity, SECRET),
      await signHostToken(identity, SECRET, -10),
      craft({ alg: 'HS256', typ: 'application/JWT' }, claims()),
      craft({ alg: 'HS256', typ: 'JWE' }, claims()),
      craft({ alg: 'HS256', crit: ['x'] }, claims()),
      craft({ alg: 'HS384' }, claims()),
      craft({ alg: 'HS256' }, claims({ nbf: now() + 60 })),
      craft({ alg: 'HS256' }, claims({ nbf: now() - 60, iat: now() + 60 })),
      craft({ alg: 'HS256' }, claims(), 'wrong-secret-wrong-secret-wrong-secret-wrong'),
      `${part({ alg: 'HS256' })}.${part(claims())}.${createHmac('sha256', SECRET).update(`${part({ alg: 'HS256' })}.${part(claims())}`).digest('base64url')}=`,
      'a.b.c',
    ];
    for (const token of tokens) {
      const before = await honoVerify(token, SECRET, { alg: 'HS256', exp: true, nbf: true, iat: false }).then(() => true, () => false);
      expect(verify(`Bearer ${token}`).ok, token).toBe(before);
    }
  });

  it('makes the key once per secret, not once per call', async () => {
    const secret = `counting-secret-${Math.random()}-counting-secret`;
    const token = await signHostToken(identity, secret);
    const before = hostTokenKeysMade();
    for (let i = 0; i < 50; i++) expect(await verifyHostToken(`Bearer ${token}`, secret)).toMatchObject({ ok: true });
    expect(hostTokenKeysMade()).toBe(before + 1);
    const verifier = createHostTokenVerifier(secret);
    for (let i = 0; i < 50; i++) expect(verifier(`Bearer ${token}`)).toMatchObject({ ok: true });
    expect(hostTokenKeysMade()).toBe(before + 2);
  });
});
