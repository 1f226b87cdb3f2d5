import { DomainError } from './errors.ts';
import { freeText, isBlankText } from './free-text.ts';
import type { LocalizedText } from './errors.ts';
import type { Role } from './roles.ts';
import type { SchoolConfig } from './school.ts';

/**
 * The general record mechanism (SPEC §3.6): every kind of record has, per school, who
 * enters it and who certifies it (認證) — possibly nobody. Certification confirms a record
 * is genuine and well filed, never its quality.
 */
export const RECORD_STATUSES = ['pending', 'passed', 'failed'] as const;
export type RecordStatus = (typeof RECORD_STATUSES)[number];

export const recordStatusLabels: Record<RecordStatus, LocalizedText> = {
  pending: { 'zh-TW': '認證中', en: 'Pending' },
  passed: { 'zh-TW': '通過', en: 'Passed' },
  failed: { 'zh-TW': '未通過', en: 'Failed' },
};

export interface RecordKindDefinition {
  id: string;
  label: LocalizedText;
  /** Whether the kind is certified by default; a school may name certifiers anyway. */
  certified: boolean;
  defaultEnterers: Role[];
  defaultCertifiers: Role[];
}

function kind(
  id: string,
  zh: string,
  en: string,
  defaultEnterers: Role[],
  defaultCertifiers: Role[] = [],
): RecordKindDefinition {
  return { id, label: { 'zh-TW': zh, en }, certified: defaultCertifiers.length > 0, defaultEnterers, defaultCertifiers };
}

/** Defaults from seed 000's table; each school may override them in `recordKinds`. */
export const RECORD_KINDS = {
  outcome: kind('outcome', '課程學習成果', 'Course learning outcome', ['student'], ['subject-teacher']),
  performance: kind('performance', '多元表現', 'Diverse performance', ['student']),
  autobiography: kind('autobiography', '自傳、學習計畫', 'Autobiography and study plan', ['student'], ['subject-teacher']),
  'course-record': kind('course-record', '修課紀錄', 'Course record', ['registry-staff']),
  consultation: kind('consultation', '課程諮詢紀錄', 'Course consultation', ['course-consultant']),
  cadre: kind('cadre', '幹部經歷', 'Cadre record', ['student-affairs-staff']),
  reading: kind('reading', '閱讀紀錄', 'Reading record', ['student'], ['library-staff']),
  'service-hours': kind('service-hours', '服務學習時數', 'Service hours', ['student', 'student-affairs-staff'], ['student-affairs-staff']),
  competition: kind('competition', '競賽紀錄', 'Competition', ['student', 'student-affairs-staff'], ['student-affairs-staff']),
  fitness: kind('fitness', '體適能', 'Physical fitness', ['student', 'student-affairs-staff'], ['student-affairs-staff']),
  'skill-certificate': kind('skill-certificate', '技能證照', 'Skill certificate', ['student', 'practicum-staff'], ['practicum-staff']),
  internship: kind('internship', '校外實習', 'Internship', ['practicum-staff']),
  counseling: kind('counseling', '輔導資料', 'Counseling data', ['counseling-staff']),
} satisfies Record<string, RecordKindDefinition>;

export type RecordKindId = keyof typeof RECORD_KINDS;

/**
 * Who enters and who certifies a record kind at this school: the school's override when it
 * has one (which also lets a school or plugin define a kind core does not know), else the
 * definition's defaults. Throws DomainError('record-kind-unknown') otherwise.
 */
export function recordKindPolicy(
  config: Pick<SchoolConfig, 'recordKinds'>,
  kindId: string,
  kinds: Readonly<Record<string, RecordKindDefinition>> = RECORD_KINDS,
): { enterers: Role[]; certifiers: Role[] } {
  const override = Object.hasOwn(config.recordKinds, kindId) ? config.recordKinds[kindId] : undefined;
  if (override) return { enterers: [...override.enterers], certifiers: [...override.certifiers] };
  const definition = Object.hasOwn(kinds, kindId) ? kinds[kindId] : undefined;
  if (!definition) throw new DomainError('record-kind-unknown', { kind: kindId });
  return { enterers: [...definition.defaultEnterers], certifiers: [...definition.defaultCertifiers] };
}

export type CertificationDecision = 'pass' | 'fail';

/**
 * A certifier's decision on a pending record. Failing needs a non-blank reason.
 * Throws 'already-decided' unless pending, 'reason-required' when failing without one.
 */
export function decideTransition(status: RecordStatus, decision: CertificationDecision, reason?: string): RecordStatus {
  if (status !== 'pending') throw new DomainError('already-decided');
  if (decision === 'pass') return 'passed';
  if (!reason || isBlankText(reason)) throw new DomainError('reason-required');
  return 'failed';
}

/** A failed record, fixed by its enterer, goes back to pending. Throws 'not-failed'. */
export function resubmitTransition(status: RecordStatus): RecordStatus {
  if (status !== 'failed') throw new DomainError('not-failed');
  return 'pending';
}

/** A passed record is frozen: changing it would need a new certification. Throws 'record-frozen'. */
export function assertEditable(status: RecordStatus): void {
  if (status === 'passed') throw new DomainError('record-frozen');
}

/** 簡述 of an outcome: at most 100 characters (Chinese characters count one each). */
export const OUTCOME_SUMMARY_MAX = 100;

/** Characters as people count them: code points, so a rare CJK character outside the BMP counts once. */
export function characterCount(text: string): number {
  return Array.from(text).length;
}

/**
 * The outcome summary: free text (see freeText; line breaks allowed, as typed in a textarea),
 * required. Its own codes 'summary-required' and 'summary-too-long' (params carry {code, max,
 * length}); control characters and the like get the general free-text codes.
 */
export const outcomeSummarySchema = /* @__PURE__ */ freeText({
  max: OUTCOME_SUMMARY_MAX,
  multiline: true,
  codes: { blank: 'summary-required', 'too-long': 'summary-too-long' },
});
