import { describe, expect, it } from 'vitest';
import { academicTermOf, academicYearRange, isIsoDate, parseFlexibleDate, taipeiDate, toRocDate } from './calendar.ts';
import { DomainError } from './errors.ts';

describe('taipeiDate', () => {
  it('reads the date at UTC+8', () => {
    expect(taipeiDate(new Date('2025-07-31T15:59:59Z'))).toBe('2025-07-31');
    expect(taipeiDate(new Date('2025-07-31T16:00:00Z'))).toBe('2025-08-01');
  });
  it('refuses an invalid Date', () => {
    expect(() => taipeiDate(new Date('nope'))).toThrow(DomainError);
  });
});

describe('academicTermOf', () => {
  it.each([
    ['2025-08-01', 114, 1],
    ['2025-12-31', 114, 1],
    ['2026-01-31', 114, 1],
    ['2026-02-01', 114, 2],
    ['2026-07-31', 114, 2],
    ['2025-07-31', 113, 2],
  ])('%s is year %i semester %i', (date, academicYear, semester) => {
    expect(academicTermOf(date)).toEqual({ academicYear, semester });
  });
  it('reads a Date in Taipei time', () => {
    expect(academicTermOf(new Date('2025-07-31T17:00:00Z'))).toEqual({ academicYear: 114, semester: 1 });
  });
  it('refuses a non-ISO string', () => {
    expect(() => academicTermOf('2025/08/01')).toThrow(DomainError);
  });
});

describe('academicYearRange', () => {
  it('runs from 1 August to 31 July', () => {
    expect(academicYearRange(114)).toEqual({ start: '2025-08-01', end: '2026-07-31' });
  });
});

describe('toRocDate', () => {
  it('writes the ROC year with a separator', () => {
    expect(toRocDate('2025-08-01')).toBe('114/08/01');
    expect(toRocDate('2008-05-12', '.')).toBe('097.05.12');
    expect(toRocDate('2025-08-01', '')).toBe('1140801');
  });
  it('refuses impossible dates', () => {
    expect(() => toRocDate('2025-02-30')).toThrow(DomainError);
  });
});

describe('isIsoDate', () => {
  it('accepts only real YYYY-MM-DD dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-8-1')).toBe(false);
  });
});

describe('parseFlexibleDate', () => {
  it.each([
    ['114/8/1', '2025-08-01'],
    ['114.08.01', '2025-08-01'],
    ['114-08-01', '2025-08-01'],
    ['1140801', '2025-08-01'],
    ['970512', '2008-05-12'],
    ['97/5/12', '2008-05-12'],
    ['民國114年8月1日', '2025-08-01'],
    ['2025年8月1日', '2025-08-01'],
    ['２０２５／８／１', '2025-08-01'],
    ['2025-08-01', '2025-08-01'],
    ['2025/8/1', '2025-08-01'],
    ['20250801', '2025-08-01'],
    [' 2025/8/1 10:30 ', '2025-08-01'],
    ['2025-08-01T00:00:00', '2025-08-01'],
    ['2025-07-31T16:00:00.000Z', '2025-08-01'],
    ['2024-02-29', '2024-02-29'],
  ])('reads %j', (input, expected) => {
    expect(parseFlexibleDate(input)).toBe(expected);
  });

  it('reads Excel serial days, including before the phantom 1900-02-29', () => {
    expect(parseFlexibleDate(45870)).toBe('2025-08-01');
    expect(parseFlexibleDate(45870.75)).toBe('2025-08-01');
    expect(parseFlexibleDate(1)).toBe('1900-01-01');
    expect(parseFlexibleDate(59)).toBe('1900-02-28');
    expect(parseFlexibleDate(61)).toBe('1900-03-01');
  });

  it('reads compact dates held as numbers', () => {
    expect(parseFlexibleDate(1140801)).toBe('2025-08-01');
    expect(parseFlexibleDate(20250801)).toBe('2025-08-01');
    expect(parseFlexibleDate(970512)).toBe('2008-05-12');
  });

  it('reads a Date as its Taipei date', () => {
    expect(parseFlexibleDate(new Date(Date.UTC(2025, 7, 1)))).toBe('2025-08-01');
    expect(parseFlexibleDate(new Date('2025-08-01T00:00:00+08:00'))).toBe('2025-08-01');
  });

  it.each<[string | number | Date]>([
    ['2025-02-30'],
    ['114/2/30'],
    ['1140230'],
    ['2025-13-01'],
    ['000/01/01'],
    ['hello'],
    [''],
    ['12345'],
    ['2025/8'],
    [60],
    [0],
    [-5],
    [Number.NaN],
    [1140801.5],
    [new Date('invalid')],
    ['1800-01-01'],
  ])('refuses %j with date-invalid', (input) => {
    try {
      parseFlexibleDate(input);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe('date-invalid');
    }
  });

  it('names the refused value', () => {
    expect(() => parseFlexibleDate('2025-02-30')).toThrow('2025-02-30');
  });
});
