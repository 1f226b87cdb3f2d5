import { describe, expect, it } from 'vitest';
import { ROLES, isRole, roleLabels, roleSchema } from './roles.ts';

describe('roles', () => {
  it("lists the sixteen roles, 學務處's four sections among them", () => {
    expect(ROLES).toHaveLength(16);
    expect(ROLES).toEqual(expect.arrayContaining(['activities-staff', 'discipline-staff', 'clubs-staff', 'pe-staff']));
    expect(ROLES).toContain('subject-teacher');
    expect(ROLES).toContain('working-group');
  });
  it('labels every role in both locales', () => {
    for (const role of ROLES) {
      expect(roleLabels[role]['zh-TW']).not.toBe('');
      expect(roleLabels[role].en).not.toBe('');
    }
    expect(roleLabels['homeroom-teacher']['zh-TW']).toBe('導師');
  });
  it('validates role names', () => {
    expect(roleSchema.parse('registry-staff')).toBe('registry-staff');
    expect(roleSchema.safeParse('principal').success).toBe(false);
    expect(isRole('admin')).toBe(true);
    expect(isRole('root')).toBe(false);
  });
});
