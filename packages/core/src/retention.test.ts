import { describe, expect, it } from 'vitest';
import { addYearsIso, isPurgeDue, isSealedStatus, purgeDate, retentionSchema } from './retention.ts';
import { parseSchoolConfig } from './school.ts';

describe('retention rules', () => {
  const fromGraduation = retentionSchema.parse({});
  const fromApplication = retentionSchema.parse({ from: 'application' });

  it('defaults to 5 years from graduation in the school config', () => {
    const config = parseSchoolConfig({ code: '002000', name: '羅東高中', type: 'general' });
    expect(config.retention).toEqual({ years: 5, from: 'graduation', applicationMonthDay: '03-01' });
    expect(() => parseSchoolConfig({ code: '002000', name: 'x', type: 'general', retention: { years: 0 } })).toThrow(/at least 1 year/);
    expect(() => parseSchoolConfig({ code: '002000', name: 'x', type: 'general', retention: { from: 'birth' } })).toThrow(/graduation, application/);
  });

  it('counts whole years from graduation, due on the date and never a day before', () => {
    expect(purgeDate('2026-06-15', fromGraduation)).toBe('2031-06-15');
    expect(isPurgeDue('2026-06-15', fromGraduation, '2031-06-14')).toBe(false);
    expect(isPurgeDue('2026-06-15', fromGraduation, '2031-06-15')).toBe(true);
    expect(isPurgeDue('2026-06-15', fromGraduation, '2032-01-01')).toBe(true);
  });

  it('counts from the application year when the school says so (啟明)', () => {
    expect(purgeDate('2026-06-15', fromApplication)).toBe('2031-03-01');
    expect(purgeDate('2026-06-15', { ...fromApplication, years: 3, applicationMonthDay: '04-10' })).toBe('2029-04-10');
  });

  it('moves 29 February to 1 March, later rather than earlier', () => {
    expect(addYearsIso('2028-02-29', 1)).toBe('2029-03-01');
    expect(addYearsIso('2028-02-29', 4)).toBe('2032-02-29');
  });

  it('seals only graduates', () => {
    expect(isSealedStatus('graduated')).toBe(true);
    expect(isSealedStatus('enrolled')).toBe(false);
    expect(isSealedStatus('left')).toBe(false);
  });
});
