import { sign } from 'hono/jwt';
import type { CampusUser } from './directory.ts';

/**
 * Signs the token Licheng trusts (ARCHITECTURE §3): an HS256 JWT with the shared secret and the
 * claims sub, name, school, roles, exp. Written with plain `hono/jwt` on purpose: it is what a
 * host in any language does with its JWT library, no Licheng code needed.
 */
export async function signPortfolioToken(user: CampusUser, options: { secret: string; school: string; ttlSeconds: number; now: Date }) {
  const exp = Math.floor(options.now.getTime() / 1000) + options.ttlSeconds;
  const token = await sign({ sub: user.id, name: user.name, school: options.school, roles: user.roles, exp }, options.secret, 'HS256');
  return { token, expiresAt: new Date(exp * 1000).toISOString() };
}
