import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '@licheng/core';
import { testDialects } from '@licheng/db/testing';
import { procedureAccess, signHostToken, type Identity } from '@licheng/server';
import { createTestLicheng, seedRoster, TEST_SECRET, type TestLicheng } from '@licheng/server/testing';
import { procedurePolicy, routePolicy, type RoutePolicy, type SignedInPolicy } from './authorization-policy.ts';
import { availablePlugins } from './plugins.ts';
import { repoRoot } from './settings.ts';
import { configPath, readConfigFile } from './testing/seed-schools.ts';

const POLICY_FILE = 'apps/server/src/authorization-policy.ts';
const OTHER_SCHOOL = '999999';

/** Who calls as each role: the roster's own people where a role needs a roster row, so only authorization can refuse. */
const USER_OF: Partial<Record<Role, string>> = { student: 's-chen', 'subject-teacher': 't-wang', 'homeroom-teacher': 't-wang' };
const identityOf = (roles: Role[], school: string): Identity => ({ userId: roles.length === 1 ? (USER_OF[roles[0]!] ?? `matrix-${roles[0]}`) : 'matrix-all', name: '矩陣測試', school, roles });

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** The tokens that must never get past sign-in, each for a user holding every role of the school. */
async function badTokens(school: string, now: number): Promise<Array<[string, string | undefined, string]>> {
  const everyone = identityOf([...ROLES], school);
  const valid = await signHostToken(everyone, TEST_SECRET, 3600, now);
  const [, payload, signature] = valid.split('.');
  const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as Record<string, unknown>;
  return [
    ['no token', undefined, 'unauthenticated'],
    ['an expired token', await signHostToken(everyone, TEST_SECRET, -60, now), 'token-expired'],
    ['a token signed with another secret', await signHostToken(everyone, 'another-secret-that-is-also-long-enough-000', 3600, now), 'unauthenticated'],
    ['an alg=none token', `${b64url({ alg: 'none', typ: 'JWT' })}.${payload}.`, 'unauthenticated'],
    ['a token with a tampered payload', `${valid.split('.')[0]}.${b64url({ ...claims, sub: 'someone-else' })}.${signature}`, 'unauthenticated'],
    ['a token that is not a JWT', 'not-a-token', 'unauthenticated'],
  ];
}

interface Answer {
  status: number;
  code: string | null;
}

function describePolicy(policy: RoutePolicy): string {
  return 'public' in policy ? 'public' : policy.roles === 'any' ? 'any role' : policy.roles.join(', ');
}

/** Whether `role` passes the sign-in check of an entry. */
const allows = (policy: SignedInPolicy, role: Role) => policy.roles === 'any' || policy.roles.includes(role);

/**
 * The authorization matrix, generated from the composed routers of a school with every office
 * on: every procedure and HTTP route × every role, another school's user, and bad tokens.
 */
describe.each(testDialects())('the authorization policy on %s', (dialect) => {
  let t: TestLicheng;
  let procedures: Array<{ path: string; type: 'query' | 'mutation'; procedure: { _def: { middlewares?: readonly unknown[] } } }>;
  let routes: string[];

  beforeAll(async () => {
    // 虎尾 ships with every office on; the test below fails if an office is added that it does not enable.
    t = await createTestLicheng({ dialect, plugins: availablePlugins, config: readConfigFile(configPath('huwei')) });
    await seedRoster(t);
    const record = (t.app.trpcRouter as unknown as { _def: { procedures: Record<string, { _def: { type: 'query' | 'mutation'; middlewares?: readonly unknown[] } }> } })._def.procedures;
    procedures = Object.entries(record).map(([p, procedure]) => ({ path: p, type: procedure._def.type, procedure }));
    routes = [...new Set(t.app.routes.filter((r) => (r.method === 'GET' || r.method === 'POST') && !r.path.startsWith('/trpc')).map((r) => `${r.method} ${r.path}`))];
  });
  afterAll(async () => t?.close());

  /** Calls a procedure or route with an Authorization header (or none) and no input. */
  async function call(target: string, type: 'query' | 'mutation' | 'route', authorization: string | undefined): Promise<Answer> {
    const headers: Record<string, string> = authorization ? { authorization: `Bearer ${authorization}` } : {};
    const res =
      type === 'route'
        ? await t.app.request(target.replace(/^(GET|POST) /, '').replace(/:[a-z]+/gi, 'matrix'), { method: target.split(' ')[0], headers, ...(target.startsWith('POST ') ? { body: '' } : {}) })
        : type === 'query'
          ? await t.app.request(`/trpc/${target}`, { headers })
          : await t.app.request(`/trpc/${target}`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: 'null' });
    const body = (res.headers.get('content-type') ?? '').includes('json') ? ((await res.json()) as any) : null;
    return { status: res.status, code: body?.error?.data?.licheng?.code ?? body?.error?.code ?? null };
  }

  // Tokens are checked against the real clock (the app's clock only decides school dates and windows).
  const token = (identity: Identity) => signHostToken(identity, TEST_SECRET, 3600, Date.now());

  it('serves a school with every office this build ships', () => {
    expect(t.app.plugins.map((p) => p.id).sort()).toEqual(availablePlugins.map((p) => p.id).sort());
  });

  it(`has an entry in ${POLICY_FILE} for every procedure and route, and none for what does not exist`, () => {
    const missing = procedures.filter((p) => !(p.path in procedurePolicy)).map((p) => `procedure ${p.path} has no entry in ${POLICY_FILE}: add '${p.path}': { roles: [...] } to procedurePolicy`);
    const missingRoutes = routes.filter((r) => !(r in routePolicy)).map((r) => `route ${r} has no entry in ${POLICY_FILE}: add '${r}': { roles: [...] } to routePolicy`);
    const stale = Object.keys(procedurePolicy).filter((p) => !procedures.some((q) => q.path === p)).map((p) => `${POLICY_FILE} names procedure ${p}, which no office has`);
    const staleRoutes = Object.keys(routePolicy).filter((r) => !routes.includes(r)).map((r) => `${POLICY_FILE} names route ${r}, which no office serves`);
    expect([...missing, ...missingRoutes, ...stale, ...staleRoutes]).toEqual([]);
  });

  it('declares the roles each procedure itself names (authedProcedure), so the table never drifts from the code', () => {
    const drift = procedures.flatMap(({ path: p, procedure }) => {
      const policy = (procedurePolicy as Record<string, RoutePolicy>)[p];
      if (!policy) return [];
      const access = procedureAccess(procedure);
      const declared = access.signedIn ? (access.roles ? [...access.roles].sort().join(', ') : 'any role') : 'public';
      const expected = 'public' in policy ? 'public' : policy.roles === 'any' ? 'any role' : [...policy.roles].sort().join(', ');
      return declared === expected ? [] : [`${p}: the procedure accepts ${declared}, ${POLICY_FILE} says ${expected}`];
    });
    expect(drift).toEqual([]);
  });

  it('refuses each role the policy does not name with 403 forbidden, and lets each one it names through', async () => {
    const wrong: string[] = [];
    const targets = [
      ...procedures.map((p) => ({ name: p.path, type: p.type as 'query' | 'mutation' | 'route', policy: (procedurePolicy as Record<string, RoutePolicy>)[p.path] })),
      ...routes.map((r) => ({ name: r, type: 'route' as const, policy: routePolicy[r] })),
    ];
    for (const { name, type, policy } of targets) {
      if (!policy) continue; // reported by the entry test
      for (const role of ROLES) {
        const answer = await call(name, type, await token(identityOf([role], t.config.code)));
        const allowed = 'public' in policy || allows(policy, role);
        const ok = allowed ? answer.status !== 401 && answer.status !== 403 : answer.status === 403 && answer.code === 'forbidden';
        if (!ok) wrong.push(`${name} as ${role} (policy: ${describePolicy(policy)}): expected ${allowed ? 'not refused by authorization' : '403 forbidden'}, got ${answer.status} ${answer.code ?? ''}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("refuses another school's user holding every role with 403, and every bad token with 401", async () => {
    const wrong: string[] = [];
    const otherSchool = await token(identityOf([...ROLES], OTHER_SCHOOL));
    const tokens = await badTokens(t.config.code, Date.now());
    const targets = [
      ...procedures.map((p) => ({ name: p.path, type: p.type as 'query' | 'mutation' | 'route', policy: (procedurePolicy as Record<string, RoutePolicy>)[p.path] })),
      ...routes.map((r) => ({ name: r, type: 'route' as const, policy: routePolicy[r] })),
    ];
    for (const { name, type, policy } of targets) {
      if (!policy) continue;
      const isPublic = 'public' in policy;
      const foreign = await call(name, type, otherSchool);
      if (isPublic ? foreign.status === 401 || foreign.status === 403 : foreign.status !== 403 || foreign.code !== 'forbidden') {
        wrong.push(`${name} as another school's user: expected ${isPublic ? 'an answer' : '403 forbidden'}, got ${foreign.status} ${foreign.code ?? ''}`);
      }
      for (const [label, bad, code] of tokens) {
        const answer = await call(name, type, bad);
        if (isPublic ? answer.status === 401 || answer.status === 403 : answer.status !== 401 || answer.code !== code) {
          wrong.push(`${name} with ${label}: expected ${isPublic ? 'an answer' : `401 ${code}`}, got ${answer.status} ${answer.code ?? ''}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('names, for every entry that reaches records by id, a test showing that anyone else’s reads as not found', () => {
    const entries = [...Object.entries(procedurePolicy as Record<string, RoutePolicy>), ...Object.entries(routePolicy)];
    const unproven = entries.flatMap(([name, policy]) => {
      if ('public' in policy || !policy.records) return [];
      const file = path.join(repoRoot, policy.records.provenBy);
      const needle = name.replace(/^GET /, '').replace(/:.*$/, '');
      if (!fs.existsSync(file)) return [`${name}: ${policy.records.provenBy} does not exist`];
      const text = fs.readFileSync(file, 'utf8');
      return text.includes(needle) && /404|not-found|not found/.test(text) ? [] : [`${name}: ${policy.records.provenBy} does not call ${needle} and check for not found`];
    });
    expect(unproven).toEqual([]);
  });
});
