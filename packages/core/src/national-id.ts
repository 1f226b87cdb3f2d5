/**
 * 身分證明號碼 — the identity number every roster row starts with. Three forms share one
 * checksum:
 * - national ID (身分證字號): letter, 1 or 2 (sex), 8 digits;
 * - new resident certificate number (新式統一證號, from 2021): letter, 8 or 9, 8 digits;
 * - old resident certificate number (舊式統一證號): letter, A–D, 8 digits; the second
 *   letter counts with the last digit of its two-digit value.
 */

/** The two-digit values of the area letters (I, O, W, X, Y, Z are out of alphabetical order). */
const LETTER_VALUES: Record<string, number> = {
  A: 10, B: 11, C: 12, D: 13, E: 14, F: 15, G: 16, H: 17, I: 34, J: 18, K: 19, L: 20, M: 21,
  N: 22, O: 35, P: 23, Q: 24, R: 25, S: 26, T: 27, U: 28, V: 29, W: 32, X: 30, Y: 31, Z: 33,
};

const WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 1, 1];

export type NationalIdKind = 'citizen' | 'resident-new' | 'resident-old';

/** Trims, makes full-width characters ASCII and upper-cases. */
export function normalizeNationalId(value: string): string {
  return value.normalize('NFKC').trim().toUpperCase();
}

/** The form of an already normalised ID, or null when its shape or check digit is wrong. */
export function nationalIdKind(id: string): NationalIdKind | null {
  const m = /^([A-Z])([A-Z0-9])(\d{8})$/.exec(id);
  if (!m) return null;
  const [, area = '', second = '', rest = ''] = m;
  const areaValue = LETTER_VALUES[area];
  if (areaValue === undefined) return null;

  let kind: NationalIdKind;
  let secondDigit: number;
  if (second === '1' || second === '2') [kind, secondDigit] = ['citizen', Number(second)];
  else if (second === '8' || second === '9') [kind, secondDigit] = ['resident-new', Number(second)];
  else if (/^[A-D]$/.test(second)) [kind, secondDigit] = ['resident-old', (LETTER_VALUES[second] ?? 0) % 10];
  else return null;

  const digits = [secondDigit, ...Array.from(rest, Number)];
  const sum =
    Math.floor(areaValue / 10) + (areaValue % 10) * 9 + digits.reduce((acc, d, i) => acc + d * (WEIGHTS[i] ?? 0), 0);
  return sum % 10 === 0 ? kind : null;
}

/** Whether `value` (after normalising) is a valid national ID or resident certificate number. */
export function isNationalId(value: string): boolean {
  return nationalIdKind(normalizeNationalId(value)) !== null;
}

/** The ID that `prefix` (its first nine characters) begins, with the check digit that makes it valid. */
export function withCheckDigit(prefix: string): string {
  const digit = Array.from({ length: 10 }, (_, d) => d).find((d) => isNationalId(`${prefix}${d}`));
  if (digit === undefined) throw new Error(`no check digit completes "${prefix}"`);
  return `${prefix}${digit}`;
}
