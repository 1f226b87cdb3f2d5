import { describe, expect, it } from 'vitest';
import { progressSeries } from './progress.ts';
import { SELF_CHECK_LIST, selfCheckItem } from './self-check-items.ts';
import { answerSelfCheck, classesBehindFirst, percent, teachersBehindFirst, trainingsMissingInTerm, type SelfCheckFacts } from './self-check.ts';

const facts = (over: Partial<SelfCheckFacts> = {}): SelfCheckFacts => ({
  academicYear: 114, semester: 1, today: '2025-08-20', leads: { convenor: null, executiveSecretary: null }, meetingDates: [], trainingsMissing: [],
  windows: [], precheckRuns: [], teachers: [], classes: [], receiptBatches: [], ...over,
});
const answer = (id: string, f: SelfCheckFacts) => answerSelfCheck(selfCheckItem(id)!, f, 'zh-TW')!;

describe('self-check list', () => {
  it('has unique ids, a source for every item, and both modes', () => {
    const ids = SELF_CHECK_LIST.items.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(SELF_CHECK_LIST.items.every((i) => i.sources.length && i.sources.every((s) => s.quote && s.where))).toBe(true);
    expect(answerSelfCheck(selfCheckItem('rules-passed')!, facts(), 'zh-TW')).toBeNull();
  });
});

describe('self-check answers', () => {
  it('pre-check: not yet before the 4th week ends, not met after it, met when the first run was in time', () => {
    expect(answer('precheck-4-weeks', facts()).state).toBe('not-yet');
    expect(answer('precheck-4-weeks', facts({ today: '2025-08-29' })).state).toBe('not-met');
    expect(answer('precheck-4-weeks', facts({ today: '2025-10-01', precheckRuns: ['2025-09-01', '2025-08-28'] })).state).toBe('met');
    expect(answer('precheck-4-weeks', facts({ today: '2025-10-01', precheckRuns: ['2025-08-29'] })).state).toBe('not-met');
  });

  it('meetings: a meeting dated later is only planned; an ended semester without one is not met', () => {
    expect(answer('group-meeting', facts({ meetingDates: ['2025-09-01'] })).state).toBe('not-yet');
    expect(answer('group-meeting', facts({ today: '2026-02-01', meetingDates: [] })).state).toBe('not-met');
    expect(answer('group-meeting', facts({ today: '2025-09-01', meetingDates: ['2025-09-01'] })).state).toBe('met');
  });

  it('receipts: a window under three days is not met; issues keep confirmation from being met', () => {
    expect(answer('receipt-window', facts({ receiptBatches: [{ start: '2026-01-10', end: '2026-01-11', items: 1, confirmed: 0, openIssues: 0 }] })).state).toBe('not-met');
    const open = facts({ today: '2026-01-11', receiptBatches: [{ start: '2026-01-10', end: '2026-01-12', items: 3, confirmed: 1, openIssues: 0 }] });
    expect(answer('receipt-confirmed', open).state).toBe('not-yet');
    expect(answer('receipt-confirmed', { ...open, today: '2026-01-13' }).state).toBe('met');
  });

  it('certification: pending outcomes are not yet due while the window is open', () => {
    const teachers = [{ teacherId: 'a', name: '王', total: 2, passed: 1, failed: 0, pending: 1 }];
    const window = { activity: 'outcome-certification' as const, semester: 1, start: '2025-10-01', end: '2025-10-31', selfCheck: null };
    expect(answer('certification', facts({ today: '2025-10-15', teachers, windows: [window] })).state).toBe('not-yet');
    expect(answer('certification', facts({ today: '2025-11-01', teachers, windows: [window] })).state).toBe('not-met');
  });
});

describe('who is behind, trainings, series', () => {
  it('sorts teachers by pending then rate, classes by rate', () => {
    const t = (name: string, total: number, pending: number) => ({ name, total, pending });
    expect(teachersBehindFirst([t('甲', 10, 0), t('乙', 4, 2), t('丙', 10, 2)]).map((x) => x.name)).toEqual(['乙', '丙', '甲']);
    const c = (className: string, students: number, selecting: number) => ({ className, students, selecting });
    expect(classesBehindFirst([c('101', 30, 30), c('110', 30, 3), c('102', 30, 3)]).map((x) => x.className)).toEqual(['102', '110', '101']);
    expect([percent(1, 3), percent(0, 0)]).toEqual(['33%', '—']);
  });

  it('finds the kinds not held in a term by the school rule', () => {
    const held = [{ kind: 'student' as const, academicYear: 114, semester: 2, heldDate: '2026-03-01' }];
    expect(trainingsMissingInTerm(held, { student: 'year', teacher: 'semester', parent: 'none' }, { academicYear: 114, semester: 1 }, '2026-04-01')).toEqual(['teacher']);
    expect(trainingsMissingInTerm(held, { student: 'semester', teacher: 'none', parent: 'none' }, { academicYear: 114, semester: 1 }, '2026-04-01')).toEqual(['student']);
  });

  it('lists days with running totals', () => {
    expect(progressSeries([{ date: '2025-10-02', kind: 'selected' }, { date: '2025-10-01', kind: 'certified' }, { date: '2025-10-02', kind: 'certified' }])).toEqual([
      { date: '2025-10-01', certified: 1, selected: 0, certifiedTotal: 1, selectedTotal: 0 },
      { date: '2025-10-02', certified: 1, selected: 1, certifiedTotal: 2, selectedTotal: 1 },
    ]);
  });
});
