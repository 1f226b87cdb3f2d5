import { describe, expect, it } from 'vitest';
import { ROLES, isRole, roleLabels, roleSchema } from './roles.ts';

describe('roles', () => {
  it('lists the twelve roles', () => {
    expect(ROLES).toHaveLength(12);
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
