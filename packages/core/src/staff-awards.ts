import { academicTermOf, taipeiDate } from './calendar.ts';
import { DomainError } from './errors.ts';
import type { LocalizedText } from './errors.ts';
import { findWindow, type ScheduleWindow, type WindowScope } from './windows.ts';

/**
 * 成效評核及獎勵 — the working group's evaluation of the year's work and its award proposals.
 * What the seed regulations say, kept as data with its source (/work/shared/seeds):
 */
export const AWARD_RULE_SOURCES = [
  {
    school: '臺北市立啟明學校',
    source: '001 補充規定 陸、成效評核與獎勵',
    text: '學生學習歷程檔案平臺各內容項目之指定管理、登錄人員及教師，每學年第2學期得由執行秘書視其辦理成效，提交工作小組議決後，依學校教職員獎勵標準規定提請敘獎。',
  },
  {
    school: '國立羅東高級中學',
    source: '002 補充規定 第 11 點',
    text: '各項作業之指定辦理人員及教師，得由執行秘書視其辦理成效，提交工作小組評核，依學校教職員獎勵標準之規定，提請敘獎。',
  },
  {
    school: '國立虎尾高級農工職業學校',
    source: '000 補充規定 六、成效評核及獎勵',
    text: '學生學習歷程檔案平台各內容項目之指定管理、登錄人員及教師，得由總幹事視其辦理成效，提交工作小組議決後，依本校教職員獎勵標準規定提請敘獎。',
  },
] as const;

/**
 * The award levels a proposal names. The seeds leave the levels to each school's 教職員獎勵標準;
 * these are the 平時考核 awards of 公立高級中等以下學校教師成績考核辦法 第 6 條 (嘉獎、記功、
 * 記大功), also those of the civil-service rules for staff, each given once or twice.
 */
export const AWARD_LEVELS = ['commendation', 'merit', 'major-merit'] as const;
export type AwardLevel = (typeof AWARD_LEVELS)[number];
export const AWARD_LEVEL_SOURCE = '公立高級中等以下學校教師成績考核辦法 第 6 條（學校教職員獎勵標準從其規定）';
export const awardLevelLabels: Record<AwardLevel, LocalizedText> = {
  commendation: { 'zh-TW': '嘉獎', en: 'commendation' },
  merit: { 'zh-TW': '記功', en: 'merit' },
  'major-merit': { 'zh-TW': '記大功', en: 'major merit' },
};
/** How many times one proposal gives its level (三次嘉獎 is one 記功, so at most twice). */
export const AWARD_TIMES_MAX = 2;

/** 'approved' as proposed, 'changed' to another level or number of times, or 'rejected'. */
export const AWARD_OUTCOMES = ['approved', 'changed', 'rejected'] as const;
export type AwardOutcome = (typeof AWARD_OUTCOMES)[number];

/** The award text: 嘉獎二次, commendation ×2. */
export function awardText(level: AwardLevel, times: number, locale: 'zh-TW' | 'en'): string {
  const label = awardLevelLabels[level][locale];
  return locale === 'zh-TW' ? `${label}${times === 2 ? '二' : '一'}次` : `${label} ×${times}`;
}

/**
 * The evaluation of academic year Y happens in Y's second semester (啟明: 每學年第2學期; the
 * other seeds set no time, and the national slides place 評核獎勵 at the year's end). Its
 * figures stay readable after; proposals and decisions are written only then.
 */
export function evaluationPhase(academicYear: number, now: Date): 'before' | 'open' | 'after' {
  const current = academicTermOf(taipeiDate(now));
  if (current.academicYear < academicYear || (current.academicYear === academicYear && current.semester === 1)) return 'before';
  return current.academicYear === academicYear ? 'open' : 'after';
}

/** Throws 'wg-evaluation-not-open' ({academicYear}) unless `now` is in the year's second semester. */
export function assertEvaluationOpen(academicYear: number, now: Date): void {
  if (evaluationPhase(academicYear, now) !== 'open') throw new DomainError('wg-evaluation-not-open', { academicYear });
}

/** One certification decision as the figures count it. */
export interface DecisionFact {
  decidedBy: string;
  decidedByName: string;
  /** The role the decision was made in (subject-teacher, registry-staff…): the office it counts for. */
  decidedRole: string;
  /** ISO timestamp of the decision. */
  decidedAt: string;
  academicYear: number;
  semester: number;
  kind: string;
  scope: WindowScope;
}

/** Counts of one person or office: decided, decided inside the certification window, and the share on time (0–1, null without decisions). */
export interface CertificationFigures {
  decided: number;
  onTime: number;
  onTimeRate: number | null;
}

/**
 * Certification figures per person (decidedBy) and per office (decidedRole): a decision is on
 * time when its Taipei date is on or before the end of the certification window that governed
 * its record (findWindow with the record's term, grade, class and kind); a record whose term
 * had no window counts as decided, not on time.
 */
export function certificationFigures(facts: readonly DecisionFact[], schedule: readonly ScheduleWindow[]): {
  people: Map<string, CertificationFigures & { name: string; roles: string[] }>;
  offices: Map<string, CertificationFigures>;
} {
  const people = new Map<string, CertificationFigures & { name: string; roles: string[] }>();
  const offices = new Map<string, CertificationFigures>();
  const add = (f: CertificationFigures, onTime: boolean) => {
    f.decided += 1;
    if (onTime) f.onTime += 1;
    f.onTimeRate = f.onTime / f.decided;
  };
  for (const d of facts) {
    const window = findWindow(schedule, 'outcome-certification', { academicYear: d.academicYear, semester: d.semester as 1 | 2 }, { ...d.scope, recordKind: d.kind });
    const onTime = window !== undefined && taipeiDate(new Date(d.decidedAt)) <= window.end;
    const person = people.get(d.decidedBy) ?? { name: d.decidedByName, roles: [], decided: 0, onTime: 0, onTimeRate: null };
    if (!person.roles.includes(d.decidedRole)) person.roles.push(d.decidedRole);
    add(person, onTime);
    people.set(d.decidedBy, person);
    const office = offices.get(d.decidedRole) ?? { decided: 0, onTime: 0, onTimeRate: null };
    add(office, onTime);
    offices.set(d.decidedRole, office);
  }
  return { people, offices };
}

/** A roster export or pre-check run of a term, from the audit trail. */
export interface TermWork {
  academicYear: number;
  semester: number;
  /** ISO timestamp. */
  at: string;
}

/**
 * Per term of the year: whether the work (a roster export, a pre-check run) was first done and
 * when, and whether that was inside the term's window of `activity` for everyone (the window
 * the whole-school work answers to); null when the term had no window.
 */
export function termWorkOnTime(
  work: readonly TermWork[],
  schedule: readonly ScheduleWindow[],
  activity: 'roster-submission' | 'pre-check',
  academicYear: number,
): Array<{ semester: 1 | 2; first: string | null; onTime: boolean | null }> {
  return ([1, 2] as const).map((semester) => {
    const dates = work.filter((w) => w.academicYear === academicYear && w.semester === semester).map((w) => taipeiDate(new Date(w.at))).sort();
    const window = findWindow(schedule, activity, { academicYear, semester });
    const first = dates[0] ?? null;
    return { semester, first, onTime: !window || !first ? null : first >= window.start && first <= window.end };
  });
}
