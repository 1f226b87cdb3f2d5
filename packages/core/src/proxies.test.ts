import { describe, expect, it } from 'vitest';
import { actingProxy, departedAccess, isDepartedOn, isProxyScope, isUnavailable, type Availability } from './proxies.ts';

const none: Availability = { absences: [], departures: [] };
const list = [
  { proxyUserId: 'li', position: 2 },
  { proxyUserId: 'chen', position: 1 },
  { proxyUserId: 'lin', position: 3 },
];

describe('proxies (代理人)', () => {
  it('an absence covers its dates, both ends included', () => {
    const known: Availability = { absences: [{ userId: 'wang', fromDate: '2025-10-01', toDate: '2025-10-03' }], departures: [] };
    expect(isUnavailable(known, 'wang', '2025-09-30', 'certification')).toBe(false);
    expect(isUnavailable(known, 'wang', '2025-10-01', 'certification')).toBe(true);
    expect(isUnavailable(known, 'wang', '2025-10-03', 'registry')).toBe(true);
    expect(isUnavailable(known, 'wang', '2025-10-04', 'certification')).toBe(false);
  });

  it('a departed teacher is unavailable from the day they left, except for certification until its date', () => {
    const departures = [{ userId: 'wang', departedOn: '2025-10-01', certificationUntil: '2025-10-15' }];
    expect(isDepartedOn(departures, 'wang', '2025-09-30', 'registry')).toBe(false);
    expect(isDepartedOn(departures, 'wang', '2025-10-01', 'registry')).toBe(true);
    expect(isDepartedOn(departures, 'wang', '2025-10-15', 'certification')).toBe(false);
    expect(isDepartedOn(departures, 'wang', '2025-10-16', 'certification')).toBe(true);
    expect(isDepartedOn([{ ...departures[0]!, certificationUntil: null }], 'wang', '2025-10-02', 'certification')).toBe(true);
  });

  it('nobody acts for an available principal', () => {
    expect(actingProxy('wang', list, none, '2025-10-01', 'certification')).toBeNull();
  });

  it('the first available proxy in position order acts, and only that one', () => {
    const absent: Availability = { absences: [{ userId: 'wang', fromDate: '2025-10-01', toDate: '2025-10-07' }], departures: [] };
    expect(actingProxy('wang', list, absent, '2025-10-02', 'certification')).toBe('chen');
    const chenAway: Availability = { ...absent, absences: [...absent.absences, { userId: 'chen', fromDate: '2025-10-02', toDate: '2025-10-02' }] };
    expect(actingProxy('wang', list, chenAway, '2025-10-02', 'certification')).toBe('li');
    expect(actingProxy('wang', list, chenAway, '2025-10-03', 'certification')).toBe('chen');
    const allGone: Availability = { absences: absent.absences, departures: ['chen', 'li', 'lin'].map((userId) => ({ userId, departedOn: '2025-09-01', certificationUntil: null })) };
    expect(actingProxy('wang', list, allGone, '2025-10-02', 'certification')).toBeNull();
  });

  it('a principal who left acts through proxies in every scope once certification-only access ends', () => {
    const known: Availability = { absences: [], departures: [{ userId: 'wang', departedOn: '2025-10-01', certificationUntil: '2025-10-10' }] };
    expect(actingProxy('wang', list, known, '2025-10-05', 'certification')).toBeNull();
    expect(actingProxy('wang', list, known, '2025-10-05', 'registry')).toBe('chen');
    expect(actingProxy('wang', list, known, '2025-10-11', 'certification')).toBe('chen');
  });

  it('departed access: full before leaving, certification only until the date, then none', () => {
    const d = { userId: 'wang', departedOn: '2025-10-01', certificationUntil: '2025-10-10' };
    expect(departedAccess(null, '2025-10-05')).toBe('full');
    expect(departedAccess(d, '2025-09-30')).toBe('full');
    expect(departedAccess(d, '2025-10-10')).toBe('certification-only');
    expect(departedAccess(d, '2025-10-11')).toBe('none');
    expect(departedAccess({ ...d, certificationUntil: null }, '2025-10-01')).toBe('none');
  });

  it('knows its scopes', () => {
    expect(isProxyScope('certification')).toBe(true);
    expect(isProxyScope('registry')).toBe(true);
    expect(isProxyScope('nowhere')).toBe(false);
  });
});
