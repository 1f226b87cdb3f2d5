import type { Role } from './roles.ts';

/**
 * 代理人 — who may act when a teacher or officer is absent or has left. A principal has, per
 * scope, an ordered proxy list; on a day the principal is unavailable, the first proxy in the
 * list who is available acts, and only that one (two proxies never act at once).
 */

/** What a proxy list covers: certifying the principal's courses, or one office's work (its id, e.g. 'registry'). */
export type ProxyScope = 'certification' | (string & {});

export const CERTIFICATION_SCOPE = 'certification';

/** Office scopes the proxy lists may name, and the roles a proxy may take on in each. */
export const OFFICE_SCOPE_ROLES: Record<string, readonly Role[]> = {
  registry: ['registry-staff'],
  curriculum: ['curriculum-staff'],
  'student-affairs': ['student-affairs-staff', 'activities-staff', 'discipline-staff', 'clubs-staff', 'pe-staff'],
  counseling: ['counseling-staff'],
  practicum: ['practicum-staff'],
  library: ['library-staff'],
};

export function isProxyScope(scope: string): boolean {
  return scope === CERTIFICATION_SCOPE || Object.hasOwn(OFFICE_SCOPE_ROLES, scope);
}

/** 請假 — a period (Taipei dates, both ends included) a user is away. */
export interface Absence {
  userId: string;
  fromDate: string;
  toDate: string;
}

/** 離職 — a user who left on `departedOn`; `certificationUntil` keeps their own certification open until then. */
export interface Departure {
  userId: string;
  departedOn: string;
  certificationUntil: string | null;
}

export interface ProxyEntry {
  proxyUserId: string;
  position: number;
}

/** What is known about the people involved, for one day. */
export interface Availability {
  absences: readonly Absence[];
  departures: readonly Departure[];
}

/** Whether an absence covers `date`. */
export function isAbsentOn(absences: readonly Absence[], userId: string, date: string): boolean {
  return absences.some((a) => a.userId === userId && a.fromDate <= date && date <= a.toDate);
}

/**
 * Whether `userId` is departed for `scope` on `date`: they left on or before it, unless the
 * scope is certification and their certification-only access runs to `date` or later.
 */
export function isDepartedOn(departures: readonly Departure[], userId: string, date: string, scope: ProxyScope): boolean {
  const d = departures.find((x) => x.userId === userId);
  if (!d || d.departedOn > date) return false;
  return !(scope === CERTIFICATION_SCOPE && d.certificationUntil !== null && d.certificationUntil >= date);
}

/** A user is unavailable on a date for a scope when an absence covers it or they have departed. */
export function isUnavailable(known: Availability, userId: string, date: string, scope: ProxyScope): boolean {
  return isAbsentOn(known.absences, userId, date) || isDepartedOn(known.departures, userId, date, scope);
}

/**
 * The proxy who acts for an unavailable principal on `date`: the first in position order who is
 * available themselves. Null when the principal is available (nobody acts for them) or no proxy is.
 */
export function actingProxy(principalUserId: string, proxies: readonly ProxyEntry[], known: Availability, date: string, scope: ProxyScope): string | null {
  if (!isUnavailable(known, principalUserId, date, scope)) return null;
  const ordered = [...proxies].sort((a, b) => a.position - b.position);
  const first = ordered.find((p) => p.proxyUserId !== principalUserId && !isUnavailable(known, p.proxyUserId, date, scope));
  return first?.proxyUserId ?? null;
}

/** Whether a departed user may still use the system on `date`, and for what: nothing, or certification only. */
export function departedAccess(departure: Departure | null, date: string): 'full' | 'certification-only' | 'none' {
  if (!departure || departure.departedOn > date) return 'full';
  return departure.certificationUntil !== null && departure.certificationUntil >= date ? 'certification-only' : 'none';
}
