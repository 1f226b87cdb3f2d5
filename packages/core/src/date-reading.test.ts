import { describe, expect, it } from 'vitest';
import { readDate, rocDateOf, termOfInstant } from './date-reading.ts';

describe('readDate', () => {
  it.each(['115/11/27', '115-11-27', '115.11.27', '1151127', '2026-11-27', '民國115年11月27日', '１１５／１１／２７'])('reads %s as 2026-11-27', (text) => {
    expect(readDate(text)).toEqual({ iso: '2026-11-27' });
  });

  it('tells a date that does not exist from text that is no date', () => {
    expect(readDate('115/02/30')).toEqual({ problem: 'no-such-date' });
    expect(readDate('1150230')).toEqual({ problem: 'no-such-date' });
    expect(readDate('115/13/01')).toEqual({ problem: 'no-such-date' });
    expect(readDate('next tuesday')).toEqual({ problem: 'unreadable' });
    expect(readDate('')).toEqual({ problem: 'unreadable' });
    expect(readDate(new Date(Number.NaN))).toEqual({ problem: 'unreadable' });
  });

  it('never throws', () => {
    for (const input of ['0/1/1', '99999999', '２０２６年２月２９日', '0000000'] as const) expect(() => readDate(input)).not.toThrow();
  });
});

describe('rocDateOf', () => {
  it('writes an ISO date in 民國 and answers null for anything else', () => {
    expect(rocDateOf('2026-11-27')).toBe('115/11/27');
    expect(rocDateOf('2026-11-27', '.')).toBe('115.11.27');
    expect(rocDateOf('2026-02-30')).toBeNull();
    expect(rocDateOf('1900-01-01')).toBeNull();
  });
});

describe('termOfInstant', () => {
  it('reads the term in Taipei time, semester 1 from August to January, without throwing', () => {
    expect(termOfInstant(new Date('2026-07-31T15:59:59Z'))).toEqual({ academicYear: 114, semester: 2 });
    expect(termOfInstant(new Date('2026-07-31T16:00:00Z'))).toEqual({ academicYear: 115, semester: 1 });
    expect(termOfInstant(new Date('2027-01-31T12:00:00Z'))).toEqual({ academicYear: 115, semester: 1 });
    expect(termOfInstant(new Date('2027-02-01T00:00:00Z'))).toEqual({ academicYear: 115, semester: 2 });
    expect(termOfInstant(new Date('nonsense'))).toBeNull();
  });
});
