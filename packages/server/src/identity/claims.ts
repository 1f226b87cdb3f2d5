import { z } from 'zod';
import { roleSchema, type Role } from '@licheng/core';

/** The claims a host signs for its signed-in user (HS256 JWT, shared secret). */
export const hostClaimsSchema = z.object({
  sub: z.string().min(1).max(128),
  name: z.string().min(1).max(100),
  school: z.string().regex(/^\d{6}$/, 'school must be the 6-digit school code'),
  roles: z.array(roleSchema).min(1),
  exp: z.number().int(),
});

export type HostClaims = z.infer<typeof hostClaimsSchema>;

/** Who is calling: the host's user, in the host's school, with the host's roles. */
export interface Identity {
  userId: string;
  name: string;
  school: string;
  roles: Role[];
  /** 代理 — roles the caller holds today only as a proxy, and whom they act for in each (audit entries name them). */
  actingFor?: Partial<Record<Role, { userId: string; name: string }>>;
}

export function identityFromClaims(claims: HostClaims): Identity {
  return { userId: claims.sub, name: claims.name, school: claims.school, roles: claims.roles };
}
