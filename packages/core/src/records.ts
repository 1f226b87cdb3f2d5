import { DomainError } from './errors.ts';
import { freeText, isBlankText } from './free-text.ts';
import type { LocalizedText } from './errors.ts';
import type { Role } from './roles.ts';
import type { SchoolConfig } from './school.ts';
import type { RecordFieldSpec } from './record-fields.ts';
import { PERFORMANCE_TYPES } from './performance-kinds.ts';
import {
  ATTENDANCE_FIELDS,
  CADRE_FIELDS,
  CAREER_ASSESSMENT_FIELDS,
  CLUB_FIELDS,
  COMPETITION_FIELDS,
  CONSULTATION_FIELDS,
  COUNSELING_FIELDS,
  COURSE_RECORD_FIELDS,
  ESSAY_FIELDS,
  EXTRACURRICULAR_FIELDS,
  FITNESS_FIELDS,
  INTERNSHIP_FIELDS,
  READING_FIELDS,
  REWARD_PUNISHMENT_FIELDS,
  SERVICE_HOURS_FIELDS,
  SKILL_CERTIFICATE_FIELDS,
  WORK_EXPERIENCE_FIELDS,
} from './office-kinds.ts';

/**
 * The general record mechanism (SPEC §3.6): every kind of record has, per school, who
 * enters it and who certifies it (認證) — possibly nobody. Certification confirms a record
 * is genuine and well filed, never its quality.
 */
export const RECORD_STATUSES = ['pending', 'passed', 'failed', 'withdrawn'] as const;
export type RecordStatus = (typeof RECORD_STATUSES)[number];

export const recordStatusLabels: Record<RecordStatus, LocalizedText> = {
  pending: { 'zh-TW': '認證中', en: 'Pending' },
  passed: { 'zh-TW': '通過', en: 'Passed' },
  failed: { 'zh-TW': '未通過', en: 'Failed' },
  withdrawn: { 'zh-TW': '已撤銷', en: 'Withdrawn' },
};

/** Statuses of records that still stand: a withdrawn (撤銷) record counts toward no cap, selection or export. */
export const STANDING_STATUSES = ['pending', 'passed', 'failed'] as const satisfies readonly RecordStatus[];

/** 學務處's sections, each seeing only its own kinds. */
export type StudentAffairsSubOffice = 'activities' | 'discipline' | 'clubs' | 'pe';

export interface RecordKindDefinition {
  id: string;
  label: LocalizedText;
  /** Whether the kind is certified by default; a school may name certifiers anyway. */
  certified: boolean;
  defaultEnterers: Role[];
  defaultCertifiers: Role[];
  /** What `records.data` holds, in order (a national roster's column order where one exists). */
  fields: readonly RecordFieldSpec[];
  /** The office (plugin id) that owns the kind and mounts its procedures. */
  office: string;
  /** 學務處's section that keeps it (訓育組, 生輔組, 社團活動組, 體育組). */
  subOffice?: StudentAffairsSubOffice;
  /** 'performance' for the ten 多元表現 types. */
  family?: 'performance';
  /** Whether a record may carry a document, a media file and an external video link. */
  files: boolean;
  /** 'school-only': never leaves the school (no export to the central database, no portfolio download); 'counseling-only': only counseling (and the student) sees it. */
  visibility?: 'school-only' | 'counseling-only';
  /** The sheet of the central database's roster it is written to. */
  rosterSheet?: string;
  /** The roster sheet's columns after 身分證號, 出生日期; '內容簡述' is the summary. */
  rosterColumns?: readonly string[];
  /** What the kind calls its summary where the roster or the school's rules name it otherwise (成果簡述, 諮詢內容); 內容簡述 when absent (recordSummaryLabel). */
  summaryLabel?: LocalizedText;
}

/** 內容簡述: the summary's name unless a kind declares its own. */
export const DEFAULT_SUMMARY_LABEL: LocalizedText = { 'zh-TW': '內容簡述', en: 'Summary' };

/** The kind's name for its summary (its summaryLabel, else 內容簡述). */
export function recordSummaryLabel(kind: Pick<RecordKindDefinition, 'summaryLabel'> | undefined): LocalizedText {
  return kind?.summaryLabel ?? DEFAULT_SUMMARY_LABEL;
}

type KindOptions = Partial<Pick<RecordKindDefinition, 'subOffice' | 'family' | 'visibility' | 'rosterSheet' | 'rosterColumns' | 'summaryLabel'>> & {
  files?: boolean;
  certifiers?: Role[];
};

function kind(id: string, zh: string, en: string, office: string, fields: readonly RecordFieldSpec[], enterers: Role[], options: KindOptions = {}): RecordKindDefinition {
  const { certifiers = [], files = false, ...rest } = options;
  return { id, label: { 'zh-TW': zh, en }, certified: certifiers.length > 0, defaultEnterers: enterers, defaultCertifiers: certifiers, fields, office, files, ...rest };
}

/** 各處室 — "every office" of seed 000's table (各科, departments, have no role of their own yet). */
export const OFFICE_ROLES: readonly Role[] = [
  'registry-staff',
  'curriculum-staff',
  'student-affairs-staff',
  'activities-staff',
  'discipline-staff',
  'clubs-staff',
  'pe-staff',
  'counseling-staff',
  'practicum-staff',
  'library-staff',
];

/** A 學務處 section's role together with the whole office's. */
const affairs = (section: Role): Role[] => [section, 'student-affairs-staff'];

const performanceKinds = Object.fromEntries(
  PERFORMANCE_TYPES.map((t) => [
    t.id,
    kind(t.id, t.label['zh-TW'], t.label.en, 'student', t.fields, ['student'], { family: 'performance', files: true, rosterSheet: t.rosterSheet, rosterColumns: t.rosterColumns }),
  ]),
) as Record<PerformanceKindId, RecordKindDefinition>;

export type PerformanceKindId =
  | 'performance-cadre'
  | 'performance-competition'
  | 'performance-certificate'
  | 'performance-service'
  | 'performance-flexible'
  | 'performance-group'
  | 'performance-workplace'
  | 'performance-work'
  | 'performance-precourse'
  | 'performance-other';

/**
 * Every kind of record and its defaults — who enters and who certifies it — from the table at
 * the end of seed 000 (學習歷程檔案建置各處室作業分概況表); each school may override them in
 * `recordKinds` (apps/server/config/seed-000-record-kinds.json writes the whole table as
 * configuration). Kinds the table does not list follow SPEC §3.6: consultation by the
 * consultant (課程諮詢教師登錄及確認), 學群(類群)探索 by the practicum office and counseling,
 * the ten performance types by the student, uncertified. skill-certificate keeps the student
 * among its enterers (the office then certifies what students enter); reading keeps the library
 * among its enterers, so it can import its own reading lists (passed on entry).
 */
export const RECORD_KINDS = {
  // ROSTERS.md §2: the outcome sheets call it 成果簡述.
  outcome: kind('outcome', '課程學習成果', 'Course learning outcome', 'student', [], ['student'], { certifiers: ['subject-teacher'], files: true, summaryLabel: { 'zh-TW': '成果簡述', en: 'Outcome summary' } }),
  ...performanceKinds,
  autobiography: kind('autobiography', '自傳', 'Autobiography', 'student', ESSAY_FIELDS, ['student'], { certifiers: ['subject-teacher'], files: true }),
  'study-plan': kind('study-plan', '學習計畫', 'Study plan', 'student', ESSAY_FIELDS, ['student'], { certifiers: ['subject-teacher'], files: true }),
  'course-record': kind('course-record', '修課紀錄', 'Course record', 'registry', COURSE_RECORD_FIELDS, ['registry-staff'], { certifiers: ['registry-staff'] }),
  // Seed 000 四(二)2: the consultant records 日期/時間/地點 and 諮詢內容及意見 (the advice is a field of its own).
  consultation: kind('consultation', '課程諮詢紀錄', 'Course consultation', 'counseling', CONSULTATION_FIELDS, ['course-consultant'], { visibility: 'school-only', summaryLabel: { 'zh-TW': '諮詢內容', en: 'What was discussed' } }),
  'career-assessment': kind('career-assessment', '學群(類群)探索與就業規劃', 'Field exploration and career planning', 'counseling', CAREER_ASSESSMENT_FIELDS, ['practicum-staff', 'counseling-staff']),
  counseling: kind('counseling', '輔導資料', 'Counseling data', 'counseling', COUNSELING_FIELDS, ['student'], { certifiers: ['counseling-staff'], visibility: 'counseling-only' }),
  cadre: kind('cadre', '校內幹部經歷', 'School cadre record', 'student-affairs', CADRE_FIELDS, affairs('activities-staff'), {
    certifiers: affairs('activities-staff'),
    subOffice: 'activities',
    rosterSheet: '幹部經歷紀錄',
    rosterColumns: CADRE_FIELDS.map((f) => f.label['zh-TW']),
  }),
  club: kind('club', '社團資料', 'Club membership', 'student-affairs', CLUB_FIELDS, affairs('clubs-staff'), { certifiers: affairs('activities-staff'), subOffice: 'clubs' }),
  attendance: kind('attendance', '出勤曠課紀錄', 'Attendance', 'student-affairs', ATTENDANCE_FIELDS, affairs('discipline-staff'), { certifiers: affairs('discipline-staff'), subOffice: 'discipline' }),
  'reward-punishment': kind('reward-punishment', '獎勵懲罰紀錄', 'Rewards and punishments', 'student-affairs', REWARD_PUNISHMENT_FIELDS, affairs('discipline-staff'), {
    certifiers: affairs('discipline-staff'),
    subOffice: 'discipline',
  }),
  fitness: kind('fitness', '體適能資料', 'Physical fitness', 'student-affairs', FITNESS_FIELDS, ['student', ...affairs('pe-staff')], { certifiers: affairs('pe-staff'), subOffice: 'pe' }),
  extracurricular: kind('extracurricular', '課外課程（含教育旅行）', 'Extracurricular courses and trips', 'student-affairs', EXTRACURRICULAR_FIELDS, ['student', ...affairs('activities-staff')], {
    certifiers: affairs('activities-staff'),
    subOffice: 'activities',
    files: true,
  }),
  'service-hours-in': kind('service-hours-in', '校內服務時數', 'In-school service hours', 'student-affairs', SERVICE_HOURS_FIELDS, [...OFFICE_ROLES], { certifiers: [...OFFICE_ROLES], subOffice: 'activities' }),
  'service-hours-out': kind('service-hours-out', '校外服務時數', 'Out-of-school service hours', 'student-affairs', SERVICE_HOURS_FIELDS, ['student', ...affairs('activities-staff')], {
    certifiers: affairs('activities-staff'),
    subOffice: 'activities',
    files: true,
  }),
  'competition-in': kind('competition-in', '校內外競賽', 'Registered competition', 'competitions', COMPETITION_FIELDS, [...OFFICE_ROLES], { certifiers: [...OFFICE_ROLES] }),
  'competition-self': kind('competition-self', '自行參加之校外競賽', 'Competition entered on own initiative', 'competitions', COMPETITION_FIELDS, ['student', ...OFFICE_ROLES], {
    certifiers: [...OFFICE_ROLES],
    files: true,
  }),
  'skill-certificate': kind('skill-certificate', '技能證照', 'Skill certificate', 'practicum', SKILL_CERTIFICATE_FIELDS, ['student', 'practicum-staff'], { certifiers: ['practicum-staff'], files: true }),
  internship: kind('internship', '校外實習', 'Internship', 'practicum', INTERNSHIP_FIELDS, ['practicum-staff'], { certifiers: ['practicum-staff'] }),
  'work-experience': kind('work-experience', '工作經歷', 'Work experience', 'practicum', WORK_EXPERIENCE_FIELDS, ['practicum-staff'], { certifiers: ['practicum-staff'] }),
  reading: kind('reading', '閱讀紀錄', 'Reading record', 'library', READING_FIELDS, ['student', 'library-staff'], { certifiers: ['library-staff'] }),
} satisfies Record<string, RecordKindDefinition>;

/** The definition of a kind core knows, or undefined. */
export function recordKindDefinition(kindId: string, kinds: Readonly<Record<string, RecordKindDefinition>> = RECORD_KINDS): RecordKindDefinition | undefined {
  return Object.hasOwn(kinds, kindId) ? kinds[kindId] : undefined;
}

/** The kinds an office owns (its plugin id), in declaration order. */
export function officeRecordKinds(office: string): RecordKindDefinition[] {
  return Object.values(RECORD_KINDS as Record<string, RecordKindDefinition>).filter((k) => k.office === office);
}

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

/** A passed record is frozen: changing it would need a new certification. Throws 'record-frozen', or 'record-withdrawn'. */
export function assertEditable(status: RecordStatus): void {
  if (status === 'withdrawn') throw new DomainError('record-withdrawn');
  if (status === 'passed') throw new DomainError('record-frozen');
}

/**
 * How a record may be corrected (更正): a withdrawn one not at all ('record-withdrawn'); a
 * pending or failed one, or one of a kind nobody certifies, freely ('free'); a passed one only
 * when the office registered it itself (`registeredByOffice`: entered and decided on entry in
 * the same office role), and then with a reason ('with-reason'). Throws 'record-frozen' for
 * any other passed record: changing it would need a new certification.
 */
export function correctionNeeds(status: RecordStatus, record: { registeredByOffice: boolean; certified: boolean }): 'free' | 'with-reason' {
  if (status === 'withdrawn') throw new DomainError('record-withdrawn');
  if (status !== 'passed' || !record.certified) return 'free';
  if (!record.registeredByOffice) throw new DomainError('record-frozen');
  return 'with-reason';
}

/** 撤銷: any standing record may be withdrawn, with a non-blank reason. Throws 'record-withdrawn' or 'reason-required'. */
export function withdrawTransition(status: RecordStatus, reason: string): RecordStatus {
  if (status === 'withdrawn') throw new DomainError('record-withdrawn');
  if (isBlankText(reason)) throw new DomainError('reason-required');
  return 'withdrawn';
}

/**
 * Whether a record counts toward a student's 10 performances a year (selection and upload
 * caps, SPEC §3.4): one of the ten 多元表現 types the student entered, still standing.
 * Records the school or an outside body registered — anything an office role entered, and the
 * school's own kinds (校內幹部 cadre, registered competitions competition-in, certificates the
 * office entered) — are shown beside them and do not count; nor does a withdrawn record.
 */
export function countsTowardPerformanceCap(record: { kind: string; status: RecordStatus; enteredRole: Role }): boolean {
  if (record.status === 'withdrawn' || record.enteredRole !== 'student') return false;
  return recordKindDefinition(record.kind)?.family === 'performance';
}

/** The school's own kinds an office registers for its students (校內幹部, registered competitions, certificates): shown beside the performances. */
export const SCHOOL_REGISTERED_KINDS: ReadonlySet<string> = new Set(['cadre', 'competition-in', 'skill-certificate']);

/**
 * Where a record stands against the 10 performances a year — the one cap-exemption rule:
 * 'counts' (countsTowardPerformanceCap); 'exempt' for a standing record an office registered
 * (SCHOOL_REGISTERED_KINDS, or one of the ten types an office entered for the student): shown
 * beside the performances, never counted; null for anything else (withdrawn, other kinds, a
 * certificate the student entered).
 */
export function performanceCapStanding(record: { kind: string; status: RecordStatus; enteredRole: Role }): 'counts' | 'exempt' | null {
  if (countsTowardPerformanceCap(record)) return 'counts';
  if (record.status === 'withdrawn' || record.enteredRole === 'student') return null;
  return SCHOOL_REGISTERED_KINDS.has(record.kind) || recordKindDefinition(record.kind)?.family === 'performance' ? 'exempt' : null;
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
