import { z } from 'zod';
import { academicTermOf, taipeiDate, type AcademicTerm, type Semester } from './calendar.ts';

/**
 * The working group's (工作小組) own rules: who sits in it, how its meetings and trainings are
 * counted, and which semesters lack a meeting or a required training (SPEC §4: the group meets
 * at least once per semester; student trainings, teacher workshops and parent sessions are held
 * as the school's regulation says). Pure: the records and the clock come in.
 */

/** A member's role in the group: 召集人 convenor, 執行秘書 executive secretary, 委員 member. */
export const GROUP_ROLES = ['convenor', 'executive-secretary', 'member'] as const;
export type GroupRole = (typeof GROUP_ROLES)[number];
/** The roles one active member of a year holds at most (the others are many). */
export const SINGLE_GROUP_ROLES: readonly GroupRole[] = ['convenor', 'executive-secretary'];

/** Attendance at a meeting: 出席 present, 請假 excused, 缺席 absent. */
export const ATTENDANCE_STATES = ['present', 'excused', 'absent'] as const;
export type AttendanceState = (typeof ATTENDANCE_STATES)[number];

/** 研習與宣導: 學生訓練 student training, 教師研習 teacher workshop, 親師說明 parent session. */
export const TRAINING_KINDS = ['student', 'teacher', 'parent'] as const;
export type TrainingKind = (typeof TRAINING_KINDS)[number];

/** How often a kind must be held: 每學期 every semester, 每學年 every academic year, or not required. */
export const TRAINING_FREQUENCIES = ['semester', 'year', 'none'] as const;
export type TrainingFrequency = (typeof TRAINING_FREQUENCIES)[number];

const frequency = z.enum(TRAINING_FREQUENCIES, { error: `must be one of: ${TRAINING_FREQUENCIES.join(', ')}` });

/**
 * `rules.trainings` of a school config: how often each kind must be held *(school rule)*. The
 * defaults are the national guidance's and 虎尾's and 啟明's: each kind once per semester.
 */
export const trainingRulesSchema = z
  .strictObject({
    student: frequency.default('semester'),
    teacher: frequency.default('semester'),
    parent: frequency.default('semester'),
  })
  .prefault({});
export type TrainingRules = z.infer<typeof trainingRulesSchema>;

/**
 * The semesters whose meetings and trainings are checked on `today`: every semester of last
 * academic year and of the current one that has begun, oldest first.
 */
export function termsToCheck(now: Date): AcademicTerm[] {
  const current = academicTermOf(now);
  const terms: AcademicTerm[] = [
    { academicYear: current.academicYear - 1, semester: 1 },
    { academicYear: current.academicYear - 1, semester: 2 },
    { academicYear: current.academicYear, semester: 1 },
  ];
  if (current.semester === 2) terms.push({ academicYear: current.academicYear, semester: 2 });
  return terms;
}

/** Whether `term` is the one `now` falls in. */
function isCurrent(term: { academicYear: number; semester: number }, now: Date): boolean {
  const current = academicTermOf(now);
  return term.academicYear === current.academicYear && (term.semester === 0 || term.semester === current.semester);
}

/** A meeting as the rule counts it: its date (ISO). It was held once the date is today or past. */
export interface MeetingDate {
  date: string;
}

/** A semester without a held meeting; `current` = the semester still runs (one may yet be held). */
export interface MissingMeeting extends AcademicTerm {
  current: boolean;
}

/** The checked semesters (termsToCheck) in which no meeting was held by today. */
export function missingMeetings(meetings: readonly MeetingDate[], now: Date): MissingMeeting[] {
  const today = taipeiDate(now);
  const held = new Set(meetings.filter((m) => m.date <= today).map((m) => termKey(academicTermOf(m.date))));
  return termsToCheck(now)
    .filter((term) => !held.has(termKey(term)))
    .map((term) => ({ ...term, current: isCurrent(term, now) }));
}

/** A training as the rule counts it: held when it has a held date on or before today. */
export interface TrainingRecord {
  kind: TrainingKind;
  academicYear: number;
  semester: Semester;
  heldDate: string | null;
}

/** A required kind not held in a semester (semester 1 or 2) or in a whole academic year (semester 0). */
export interface MissingTraining {
  kind: TrainingKind;
  academicYear: number;
  semester: 0 | Semester;
  current: boolean;
}

/**
 * The required kinds not held, per the school's rule: a kind due every semester is missing from
 * each checked semester without one; a kind due every year from each checked academic year
 * without one in either semester. Ordered by year, semester, then kind.
 */
export function missingTrainings(trainings: readonly TrainingRecord[], rules: TrainingRules, now: Date): MissingTraining[] {
  const today = taipeiDate(now);
  const held = trainings.filter((t) => t.heldDate !== null && t.heldDate <= today);
  const terms = termsToCheck(now);
  const missing: MissingTraining[] = [];
  for (const kind of TRAINING_KINDS) {
    const rule = rules[kind];
    if (rule === 'semester') {
      const done = new Set(held.filter((t) => t.kind === kind).map(termKey));
      for (const term of terms) if (!done.has(termKey(term))) missing.push({ kind, ...term, current: isCurrent(term, now) });
    } else if (rule === 'year') {
      const done = new Set(held.filter((t) => t.kind === kind).map((t) => t.academicYear));
      for (const academicYear of [...new Set(terms.map((t) => t.academicYear))]) {
        if (!done.has(academicYear)) missing.push({ kind, academicYear, semester: 0, current: isCurrent({ academicYear, semester: 0 }, now) });
      }
    }
  }
  return missing.sort((a, b) => a.academicYear - b.academicYear || a.semester - b.semester || TRAINING_KINDS.indexOf(a.kind) - TRAINING_KINDS.indexOf(b.kind));
}

function termKey(term: { academicYear: number; semester: number }): string {
  return `${term.academicYear}-${term.semester}`;
}

