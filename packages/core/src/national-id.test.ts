import { describe, expect, it } from 'vitest';
import { isNationalId, nationalIdKind, normalizeNationalId, withCheckDigit } from './national-id.ts';

describe('national ID', () => {
  it.each([
    ['A123456789', 'citizen'],
    ['F131104093', 'citizen'],
    ['A800000014', 'resident-new'],
    ['AC01234567', 'resident-old'],
  ])('%s is a valid %s number', (id, kind) => {
    expect(nationalIdKind(id)).toBe(kind);
    expect(isNationalId(id)).toBe(true);
  });

  it.each(['A123456788', 'A323456789', 'AE01234567', 'A12345678', '1234567890', 'A1234567890', '', 'A12345678X'])(
    'refuses %j',
    (id) => {
      expect(isNationalId(id)).toBe(false);
    },
  );

  it('uses the out-of-order letter values (I = 34, Z = 33)', () => {
    // With alphabetical values (I = 18, Z = 35) the check digits would be 9 and 4.
    expect(isNationalId('I100000003')).toBe(true);
    expect(isNationalId('I100000009')).toBe(false);
    expect(isNationalId('Z100000002')).toBe(true);
    expect(isNationalId('Z100000004')).toBe(false);
  });

  it('normalises case, width and spaces', () => {
    expect(normalizeNationalId(' ａ123456789 ')).toBe('A123456789');
    expect(isNationalId('a123456789')).toBe(true);
    expect(nationalIdKind('a123456789')).toBeNull();
  });
});

describe('withCheckDigit', () => {
  it('completes nine characters with the one check digit that makes a valid ID', () => {
    expect(withCheckDigit('A12345678')).toBe('A123456789');
    expect(withCheckDigit('B22345678')).toMatch(/^B22345678\d$/);
    expect(isNationalId(withCheckDigit('C10000042'))).toBe(true);
  });
  it('refuses a prefix no digit completes', () => {
    expect(() => withCheckDigit('11234567')).toThrow(/no check digit/);
  });
});
