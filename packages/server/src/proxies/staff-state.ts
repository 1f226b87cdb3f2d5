import { actingProxy, departedAccess, taipeiDate, CERTIFICATION_SCOPE, type Availability, type Departure, type Role } from '@licheng/core';
import { sql, type Kysely } from 'kysely';
import type { PlatformDatabase } from '../platform/tables.ts';

/** A principal (the person a proxy acts for), by host user id and name. */
export interface Principal {
  userId: string;
  name: string;
}

/** A principal the caller acts for today in one scope, with the roles the proxy list grants there. */
export interface ActingFor extends Principal {
  scope: string;
  roles: Role[];
}

/** What the sign-in check needs to know about the caller on one day. */
export interface CallerStaffState {
  date: string;
  departure: Departure | null;
  access: 'full' | 'certification-only' | 'none';
  /** Office scopes (not certification) in which the caller is on someone's proxy list. */
  officeListings: { scope: string; principalUserId: string; principalName: string; roles: Role[] }[];
}

interface StateRow {
  kind: 'departure' | 'proxy';
  a: string;
  b: string | null;
  c: string | null;
  d: string | null;
}

/**
 * The caller's departure and office proxy listings, in ONE query (a UNION ALL of two indexed
 * lookups: staff_departures by its unique (school, user), proxies by (school, proxy user)).
 * This is the whole per-request cost for everyone who is not on an office proxy list.
 */
export async function loadCallerStaffState(db: Kysely<PlatformDatabase>, school: string, userId: string, now: Date): Promise<CallerStaffState> {
  const { rows } = await sql<StateRow>`
    select 'departure' as kind, departed_on as a, certification_until as b, null as c, null as d
      from staff_departures where school_code = ${school} and user_id = ${userId}
    union all
    select 'proxy' as kind, scope as a, principal_user_id as b, principal_name as c, roles_json as d
      from proxies where school_code = ${school} and proxy_user_id = ${userId} and removed_at is null and scope <> ${CERTIFICATION_SCOPE}
  `.execute(db);
  const date = taipeiDate(now);
  const d = rows.find((r) => r.kind === 'departure');
  const departure = d ? { userId, departedOn: d.a, certificationUntil: d.b } : null;
  return {
    date,
    departure,
    access: departedAccess(departure, date),
    officeListings: rows
      .filter((r) => r.kind === 'proxy')
      .map((r) => ({ scope: r.a, principalUserId: r.b!, principalName: r.c!, roles: JSON.parse(r.d ?? '[]') as Role[] })),
  };
}

/** Absences covering `date` and departures on or before it, of the given users. */
export async function availabilityOn(db: Kysely<PlatformDatabase>, school: string, userIds: readonly string[], date: string): Promise<Availability> {
  if (!userIds.length) return { absences: [], departures: [] };
  const [absences, departures] = await Promise.all([
    db
      .selectFrom('staff_absences')
      .select(['user_id', 'from_date', 'to_date'])
      .where('school_code', '=', school)
      .where('user_id', 'in', [...userIds])
      .where('removed_at', 'is', null)
      .where('from_date', '<=', date)
      .where('to_date', '>=', date)
      .execute(),
    db
      .selectFrom('staff_departures')
      .select(['user_id', 'departed_on', 'certification_until'])
      .where('school_code', '=', school)
      .where('user_id', 'in', [...userIds])
      .where('departed_on', '<=', date)
      .execute(),
  ]);
  return {
    absences: absences.map((a) => ({ userId: a.user_id, fromDate: a.from_date, toDate: a.to_date })),
    departures: departures.map((d) => ({ userId: d.user_id, departedOn: d.departed_on, certificationUntil: d.certification_until })),
  };
}

/**
 * The principals `userId` acts for on `date` in `scope` (or in any of `scopes`): those on whose
 * list the user is the acting proxy — the first available one while the principal is unavailable.
 */
export async function principalsActedFor(
  db: Kysely<PlatformDatabase>,
  school: string,
  userId: string,
  scopes: readonly string[],
  date: string,
  /** The user's listings when already read (loadCallerStaffState's officeListings): saves a query. */
  listings?: CallerStaffState['officeListings'],
): Promise<ActingFor[]> {
  if (!scopes.length) return [];
  const mine =
    listings?.filter((l) => scopes.includes(l.scope)) ??
    (
      await db
        .selectFrom('proxies')
        .select(['scope', 'principal_user_id', 'principal_name', 'roles_json'])
        .where('school_code', '=', school)
        .where('proxy_user_id', '=', userId)
        .where('removed_at', 'is', null)
        .where('scope', 'in', [...scopes])
        .execute()
    ).map((m) => ({ scope: m.scope, principalUserId: m.principal_user_id, principalName: m.principal_name, roles: JSON.parse(m.roles_json) as Role[] }));
  if (!mine.length) return [];
  const principals = [...new Set(mine.map((m) => m.principalUserId))];
  const lists = await db
    .selectFrom('proxies')
    .select(['scope', 'principal_user_id', 'proxy_user_id', 'position'])
    .where('school_code', '=', school)
    .where('principal_user_id', 'in', principals)
    .where('removed_at', 'is', null)
    .where('scope', 'in', [...scopes])
    .execute();
  const known = await availabilityOn(db, school, [...new Set([...principals, ...lists.map((l) => l.proxy_user_id)])], date);
  return mine
    .filter((m) => {
      const list = lists.filter((l) => l.scope === m.scope && l.principal_user_id === m.principalUserId).map((l) => ({ proxyUserId: l.proxy_user_id, position: l.position }));
      return actingProxy(m.principalUserId, list, known, date, m.scope) === userId;
    })
    .map((m) => ({ userId: m.principalUserId, name: m.principalName, scope: m.scope, roles: m.roles }));
}
