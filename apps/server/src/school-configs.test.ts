import { describe, expect, it } from 'vitest';
import { parseSchoolConfig, type SchoolConfig } from '@licheng/core';
import { availablePlugins } from './plugins.ts';
import { configPath, noRegistryConfigPath, readConfigFile, shippedConfigNames } from './testing/seed-schools.ts';

const load = (name: string): SchoolConfig => parseSchoolConfig(readConfigFile(configPath(name)));
const days = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000;
const window = (c: SchoolConfig, activity: string, semester: number, grades?: number[]) =>
  c.schedule.find((w) => w.activity === activity && w.semester === semester && JSON.stringify(w.grades) === JSON.stringify(grades));

describe('the shipped school configs (apps/server/config)', () => {
  it('ship the demo school and the three seed schools', () => {
    expect(shippedConfigNames()).toEqual(['chiming', 'demo-school', 'huwei', 'luodong']);
  });

  it.each(shippedConfigNames())('%s.json parses, enables only offices this build ships, and has a unique 6-digit code', (name) => {
    const config = load(name);
    const shipped = availablePlugins.map((p) => p.id);
    for (const id of config.plugins.enabled) expect(shipped).toContain(id);
    const codes = shippedConfigNames().map((n) => load(n).code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('the seed schools have three different profiles and shapes: the practicum office at the vocational and special-education schools only', () => {
    const profiles = ['huwei', 'chiming', 'luodong'].map((n) => load(n));
    expect(profiles.map((c) => [c.name, c.type])).toEqual([
      ['國立虎尾高級農工職業學校', 'vocational'],
      ['臺北市立啟明學校', 'special-education'],
      ['國立羅東高級中學', 'general'],
    ]);
    const everywhere = ['student', 'teaching', 'registry', 'working-group', 'homeroom', 'receipt'];
    // 學務處, counseling, 校內競賽 (any office registers the competitions it ran) and 教學組 everywhere; the library where the school's rules name reading records or the library (虎尾, 羅東).
    expect(profiles.map((c) => c.plugins.enabled)).toEqual([
      [...everywhere, 'practicum', 'counseling', 'library', 'competitions', 'student-affairs', 'autobiography', 'curriculum'],
      [...everywhere, 'practicum', 'counseling', 'competitions', 'student-affairs', 'autobiography', 'curriculum'],
      [...everywhere, 'counseling', 'library', 'competitions', 'student-affairs', 'autobiography', 'curriculum'],
    ]);
  });

  it('虎尾農工: unlimited uploads; uploads close two weeks before the national deadline, when certification closes', () => {
    const c = load('huwei');
    expect(c.rules.outcomes.uploadCapPerSemester).toBeNull();
    expect(c.rules.performances.uploadCapPerYear).toBeNull();
    const upload = window(c, 'outcome-upload', 0)!;
    const performances = window(c, 'performance-upload', 0)!;
    const certification = window(c, 'outcome-certification', 0)!;
    expect(upload.end).toBe('2026-10-17');
    expect(performances.end).toBe(upload.end);
    expect(days(upload.end, certification.end)).toBe(14);
  });

  it('啟明: ≤ 3 outcomes a semester, ≤ 10 performances a year, its own windows left to announce', () => {
    const c = load('chiming');
    expect(c.rules.outcomes.uploadCapPerSemester).toBe(3);
    expect(c.rules.performances.uploadCapPerYear).toBe(10);
    expect(c.schedule).toEqual([]);
  });

  it('羅東高中: unlimited uploads; semester 1 to the end of winter break, semester 2 to 7/31, certification two weeks longer', () => {
    const c = load('luodong');
    expect(c.rules.outcomes).toEqual({ uploadCapPerSemester: null, selectionCapPerYear: 6 });
    expect(c.rules.performances).toEqual({ uploadCapPerYear: null, selectionCapPerYear: 10 });
    const first = window(c, 'outcome-upload', 1)!;
    const second = window(c, 'outcome-upload', 2, [1, 2])!;
    expect([first.start, first.end]).toEqual(['2025-08-01', '2026-02-22']);
    expect(second.end).toBe('2026-07-31');
    expect(days(first.end, window(c, 'outcome-certification', 1)!.end)).toBe(14);
    expect(days(second.end, window(c, 'outcome-certification', 2)!.end)).toBe(14);
    expect(window(c, 'outcome-certification', 1)!.start).toBe('2025-08-01');
  });

  it('trainings (rules.trainings): 虎尾 and 啟明 every kind each semester, 羅東 students and parents once a year, teachers each semester', () => {
    for (const name of ['huwei', 'chiming']) expect(load(name).rules.trainings, name).toEqual({ student: 'semester', teacher: 'semester', parent: 'semester' });
    expect(load('luodong').rules.trainings).toEqual({ student: 'year', teacher: 'semester', parent: 'year' });
  });

  it('the test-only config is 羅東-shaped with the registry office switched off', () => {
    const c = parseSchoolConfig(readConfigFile(noRegistryConfigPath));
    expect(c.plugins.enabled).toEqual(['student', 'teaching']);
    expect(shippedConfigNames()).not.toContain('no-registry');
  });
});
