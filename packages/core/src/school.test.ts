import { describe, expect, it } from 'vitest';
import { SchoolConfigError, parseSchoolConfig } from './school.ts';

const minimal = { code: '120401', name: '測試高中', type: 'general' };

function problemsOf(input: unknown): string[] {
  try {
    parseSchoolConfig(input);
  } catch (error) {
    expect(error).toBeInstanceOf(SchoolConfigError);
    return (error as SchoolConfigError).problems;
  }
  throw new Error('expected a refusal');
}

const window = { activity: 'outcome-upload', academicYear: 114, semester: 1, start: '2025-08-01', end: '2026-02-14' };

describe('parseSchoolConfig', () => {
  it('fills every default', () => {
    expect(parseSchoolConfig(minimal)).toEqual({
      ...minimal,
      divisions: ['day'],
      programmes: [],
      plugins: { enabled: [] },
      rules: {
        outcomes: { uploadCapPerSemester: null, selectionCapPerYear: 6 },
        performances: { uploadCapPerYear: null, selectionCapPerYear: 10 },
        autobiography: { checker: 'homeroom-teacher', maxChars: 3000 },
        portfolio: { showCounseling: false },
        trainings: { student: 'semester', teacher: 'semester', parent: 'semester' },
      },
      publicSchedule: true,
      schedule: [],
      recordKinds: {},
      rosters: { numbers: {}, layouts: {}, secondBatch: 'whole' },
      retention: { years: 5, from: 'graduation', applicationMonthDay: '03-01' },
    });
  });

  it('keeps a full configuration such as 啟明', () => {
    const config = parseSchoolConfig({
      ...minimal,
      type: 'special-education',
      divisions: ['day', 'night'],
      plugins: { enabled: ['outcomes', 'receipts'] },
      rules: { outcomes: { uploadCapPerSemester: 3 }, performances: { uploadCapPerYear: 10, selectionCapPerYear: 10 } },
      schedule: [window, { ...window, semester: 2, start: '2026-02-15', end: '2026-07-31', grades: [1, 2] }],
      recordKinds: { reading: { enterers: ['student'], certifiers: ['library-staff'] } },
    });
    expect(config.rules.outcomes).toEqual({ uploadCapPerSemester: 3, selectionCapPerYear: 6 });
    expect(config.rules.portfolio).toEqual({ showCounseling: false });
    expect(parseSchoolConfig({ ...minimal, rules: { portfolio: { showCounseling: true } } }).rules.portfolio.showCounseling).toBe(true);
    expect(() => parseSchoolConfig({ ...minimal, rules: { portfolio: { showCounseling: 'yes' } } })).toThrow(/showCounseling/);
    expect(config.schedule[1]?.grades).toEqual([1, 2]);
    expect(config.recordKinds.reading?.certifiers).toEqual(['library-staff']);
  });

  it('lists every problem with its path', () => {
    const problems = problemsOf({
      code: '12040',
      name: '',
      type: 'college',
      rules: { outcomes: { uploadCapPerSemester: 0, selectionCapPerYear: 7 }, performances: { selectionCapPerYear: 11 } },
      schedule: [{ ...window, end: '2025-07-01' }, { ...window, start: '2025-02-30', semester: 3 }],
      recordKinds: { reading: { enterers: [], certifiers: ['librarian'] } },
    });
    const paths = problems.map((p) => p.split(':')[0]);
    expect(paths).toEqual(
      expect.arrayContaining([
        'code',
        'name',
        'type',
        'rules.outcomes.uploadCapPerSemester',
        'rules.outcomes.selectionCapPerYear',
        'rules.performances.selectionCapPerYear',
        'schedule[0].end',
        'schedule[1].semester',
        'schedule[1].start',
        'recordKinds.reading.enterers',
        'recordKinds.reading.certifiers[0]',
      ]),
    );
    expect(problems.find((p) => p.startsWith('rules.outcomes.selectionCapPerYear'))).toContain('national limit of 6');
    expect(problems.find((p) => p.startsWith('schedule[0].end'))).toContain('before start');
  });

  it('puts the problems in the error message', () => {
    expect(() => parseSchoolConfig({ ...minimal, code: 'abc' })).toThrow(/Invalid school configuration:\n- code: must be the 6-digit school code/);
  });

  it('refuses misspelt rule keys', () => {
    const problems = problemsOf({ ...minimal, rules: { outcomes: { uploadCap: 3 } } });
    expect(problems[0]).toMatch(/^rules\.outcomes: .*uploadCap/);
  });

  it('accepts null upload caps and refuses fractional ones', () => {
    expect(parseSchoolConfig({ ...minimal, rules: { outcomes: { uploadCapPerSemester: null } } }).rules.outcomes.uploadCapPerSemester).toBeNull();
    expect(problemsOf({ ...minimal, rules: { performances: { uploadCapPerYear: 2.5 } } })[0]).toMatch(/^rules\.performances\.uploadCapPerYear/);
  });

  it('refuses two windows for the same activity, term and grades', () => {
    const problems = problemsOf({ ...minimal, schedule: [window, { ...window, end: '2026-01-31' }] });
    expect(problems).toEqual([expect.stringMatching(/^schedule\[1\]: repeats the window at schedule\[0\]/)]);
  });

  it('allows a grade-specific window beside the general one', () => {
    expect(parseSchoolConfig({ ...minimal, schedule: [window, { ...window, grades: [3] }] }).schedule).toHaveLength(2);
    expect(problemsOf({ ...minimal, schedule: [{ ...window, grades: [2, 3] }, { ...window, grades: [3] }] })).toHaveLength(1);
  });

  it('refuses a missing configuration', () => {
    expect(problemsOf(undefined)[0]).toMatch(/^\(config\)/);
  });
});
