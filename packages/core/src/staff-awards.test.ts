import { describe, expect, it } from 'vitest';
import { assertEvaluationOpen, AWARD_RULE_SOURCES, awardText, certificationFigures, evaluationPhase, termWorkOnTime } from './staff-awards.ts';
import type { ScheduleWindow } from './windows.ts';

const at = (iso: string) => new Date(iso);

describe('evaluationPhase', () => {
  it('opens the year’s evaluation with its second semester, in Taipei days', () => {
    expect(evaluationPhase(115, at('2027-01-31T15:59:00Z'))).toBe('before');
    expect(evaluationPhase(115, at('2027-01-31T16:00:00Z'))).toBe('open');
    expect(evaluationPhase(115, at('2027-07-31T15:59:00Z'))).toBe('open');
    expect(evaluationPhase(115, at('2027-07-31T16:00:00Z'))).toBe('after');
    expect(() => assertEvaluationOpen(115, at('2026-10-01T00:00:00Z'))).toThrow(expect.objectContaining({ code: 'wg-evaluation-not-open', params: { academicYear: 115 } }));
  });
  it('keeps the seeds’ wording with its source', () => {
    expect(AWARD_RULE_SOURCES.find((r) => r.source.startsWith('001'))!.text).toContain('每學年第2學期得由執行秘書');
  });
});

describe('figures', () => {
  const schedule: ScheduleWindow[] = [
    { activity: 'outcome-certification', academicYear: 115, semester: 1, start: '2026-09-01', end: '2027-01-20' },
    { activity: 'outcome-certification', academicYear: 115, semester: 1, start: '2026-09-01', end: '2027-01-10', classes: ['301'] },
    { activity: 'roster-submission', academicYear: 115, semester: 1, start: '2027-01-21', end: '2027-02-10' },
  ];
  const fact = (decidedAt: string, className: string, decidedBy = 't-1') => ({ decidedBy, decidedByName: '王老師', decidedRole: 'subject-teacher', decidedAt, academicYear: 115, semester: 1, kind: 'outcome', scope: { grade: 1, className } });

  it('counts a decision on time by the window that governed its record', () => {
    const { people, offices } = certificationFigures([fact('2027-01-20T15:59:00Z', '101'), fact('2027-01-20T16:00:00Z', '101'), fact('2027-01-15T00:00:00Z', '301')], schedule);
    expect(people.get('t-1')).toEqual({ name: '王老師', roles: ['subject-teacher'], decided: 3, onTime: 1, onTimeRate: 1 / 3 });
    expect(offices.get('subject-teacher')).toMatchObject({ decided: 3, onTime: 1 });
  });
  it('judges a term’s first roster export against the term’s window', () => {
    expect(termWorkOnTime([{ academicYear: 115, semester: 1, at: '2027-02-10T15:59:00Z' }], schedule, 'roster-submission', 115)[0]).toEqual({ semester: 1, first: '2027-02-10', onTime: true });
    expect(termWorkOnTime([{ academicYear: 115, semester: 1, at: '2027-02-10T16:00:00Z' }], schedule, 'roster-submission', 115)[0]!.onTime).toBe(false);
    expect(termWorkOnTime([], schedule, 'pre-check', 115)).toEqual([{ semester: 1, first: null, onTime: null }, { semester: 2, first: null, onTime: null }]);
  });
  it('words an award', () => {
    expect(awardText('commendation', 2, 'zh-TW')).toBe('嘉獎二次');
    expect(awardText('major-merit', 1, 'en')).toBe('major merit ×1');
  });
});
