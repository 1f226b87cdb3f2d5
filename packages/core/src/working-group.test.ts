import { describe, expect, it } from 'vitest';
import { parseSchoolConfig } from './school.ts';
import { missingMeetings, missingTrainings, termsToCheck, trainingRulesSchema, type TrainingRecord } from './working-group.ts';

const at = (date: string) => new Date(`${date}T12:00:00+08:00`);

describe('termsToCheck', () => {
  it('checks last academic year and the semesters of this one that have begun', () => {
    expect(termsToCheck(at('2026-11-27'))).toEqual([
      { academicYear: 114, semester: 1 },
      { academicYear: 114, semester: 2 },
      { academicYear: 115, semester: 1 },
    ]);
    expect(termsToCheck(at('2027-02-01')).at(-1)).toEqual({ academicYear: 115, semester: 2 });
    expect(termsToCheck(at('2027-01-31'))).toHaveLength(3);
  });
});

describe('missingMeetings', () => {
  it('names every checked semester without a meeting held by today, marking the running one', () => {
    const now = at('2026-11-27');
    expect(missingMeetings([{ date: '2025-09-10' }, { date: '2026-03-05' }], now)).toEqual([{ academicYear: 115, semester: 1, current: true }]);
    expect(missingMeetings([{ date: '2025-09-10' }, { date: '2026-11-27' }], now)).toEqual([{ academicYear: 114, semester: 2, current: false }]);
  });
  it('does not count a meeting planned for later, nor one of an older year', () => {
    const now = at('2026-11-27');
    expect(missingMeetings([{ date: '2026-12-01' }, { date: '2024-10-01' }], now).map((m) => `${m.academicYear}-${m.semester}`)).toEqual(['114-1', '114-2', '115-1']);
  });
  it('counts January in semester 1 and 1 February in semester 2', () => {
    const now = at('2027-02-10');
    const missing = missingMeetings([{ date: '2025-08-01' }, { date: '2026-07-31' }, { date: '2027-01-31' }, { date: '2027-02-01' }], now);
    expect(missing).toEqual([]);
  });
});

describe('missingTrainings', () => {
  const held = (kind: TrainingRecord['kind'], academicYear: number, semester: 1 | 2, heldDate: string | null = '2025-10-01'): TrainingRecord => ({ kind, academicYear, semester, heldDate });
  const now = at('2026-11-27');
  it('asks each kind every semester by default', () => {
    const rules = trainingRulesSchema.parse(undefined);
    expect(rules).toEqual({ student: 'semester', teacher: 'semester', parent: 'semester' });
    const missing = missingTrainings([held('student', 114, 1), held('student', 114, 2), held('student', 115, 1), held('teacher', 114, 1), held('teacher', 114, 2), held('parent', 114, 1)], rules, now);
    expect(missing).toEqual([
      { kind: 'parent', academicYear: 114, semester: 2, current: false },
      { kind: 'teacher', academicYear: 115, semester: 1, current: true },
      { kind: 'parent', academicYear: 115, semester: 1, current: true },
    ]);
  });
  it('asks a yearly kind once in either semester, and nothing of a kind not required', () => {
    const rules = trainingRulesSchema.parse({ student: 'year', parent: 'none' });
    const missing = missingTrainings([held('student', 114, 2), held('teacher', 114, 1), held('teacher', 114, 2), held('teacher', 115, 1)], rules, now);
    expect(missing).toEqual([{ kind: 'student', academicYear: 115, semester: 0, current: true }]);
  });
  it('does not count a training only planned, or held after today', () => {
    const rules = trainingRulesSchema.parse({ student: 'none', parent: 'none' });
    const missing = missingTrainings([held('teacher', 114, 1), held('teacher', 114, 2), held('teacher', 115, 1, null), held('teacher', 115, 1, '2026-12-01')], rules, now);
    expect(missing).toEqual([{ kind: 'teacher', academicYear: 115, semester: 1, current: true }]);
  });
});

describe('rules.trainings in a school config', () => {
  const base = { code: '999901', name: '測試高中', type: 'general' };
  it('defaults to every kind every semester and refuses an unknown frequency or kind', () => {
    expect(parseSchoolConfig(base).rules.trainings).toEqual({ student: 'semester', teacher: 'semester', parent: 'semester' });
    expect(parseSchoolConfig({ ...base, rules: { trainings: { parent: 'year' } } }).rules.trainings.parent).toBe('year');
    expect(() => parseSchoolConfig({ ...base, rules: { trainings: { parent: 'monthly' } } })).toThrow('rules.trainings.parent: must be one of: semester, year, none');
    expect(() => parseSchoolConfig({ ...base, rules: { trainings: { staff: 'year' } } })).toThrow(/rules\.trainings/);
  });
});
