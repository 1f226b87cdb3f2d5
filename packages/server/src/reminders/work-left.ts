import type { Kysely } from 'kysely';
import { academicTermOf, countsTowardPerformanceCap, findWindow, type AcademicTerm, type RecordStatus, type Role, type SchoolConfig, type WorkLeft } from '@licheng/core';
import type { PlatformDatabase } from '../platform/tables.ts';
import type { StoredScheduleWindow } from '../schedule/schedule-store.ts';

/** Someone with work left in a window, and where an e-mail to them goes (null: the roster has no address). */
export interface Recipient {
  kind: 'student' | 'teacher';
  /** The host's user id (the `sub` of their token): whom the in-app reminder is for. */
  userId: string;
  name: string;
  email: string | null;
  work: WorkLeft[];
}

type Db = Kysely<PlatformDatabase>;

/**
 * Who still has something to do in `window`, from the platform's own tables:
 * - selection windows (勾選): students whose passed records of the year leave room under the cap
 *   unselected;
 * - upload windows: students with records that failed certification (未通過) in the window's term;
 * - the outcome certification window (認證): the course teachers of records still pending.
 * A student counts for a window only when it is the one that governs them (findWindow: the
 * narrowest window wins), so staggered windows remind each class on its own deadline. Other
 * activities (receipt confirmation, autobiography, grade check, pre-check, roster submission)
 * remind nobody yet: their to-do lists live in offices' own tables, or nowhere (docs in README).
 */
export async function workLeft(db: Db, config: SchoolConfig, schedule: readonly StoredScheduleWindow[], window: StoredScheduleWindow, today: string): Promise<Recipient[]> {
  switch (window.activity) {
    case 'outcome-selection':
      return unselected(db, config, schedule, window, today, 'outcome', config.rules.outcomes.selectionCapPerYear);
    case 'performance-selection':
      return unselected(db, config, schedule, window, today, 'performance', config.rules.performances.selectionCapPerYear);
    case 'outcome-upload':
    case 'performance-upload':
      return failedUploads(db, config, schedule, window);
    case 'outcome-certification':
      return certificationQueues(db, config, schedule, window);
    default:
      return [];
  }
}

/** The term a window is looked up in for its students: its semester, or for a whole-year window the current one. */
function termOf(window: StoredScheduleWindow, today: string): AcademicTerm {
  if (window.semester !== 0) return { academicYear: window.academicYear, semester: window.semester };
  const now = academicTermOf(today);
  return { academicYear: window.academicYear, semester: now.academicYear === window.academicYear ? now.semester : 1 };
}

const governs = (schedule: readonly StoredScheduleWindow[], window: StoredScheduleWindow, term: AcademicTerm, scope: { grade: number; className: string; recordKind?: string }) =>
  findWindow(schedule, window.activity, term, scope)?.id === window.id;

/** Records of the window's year (and semester) with their students, of the given statuses. */
function recordsOf(db: Db, config: SchoolConfig, window: StoredScheduleWindow, statuses: RecordStatus[]) {
  let query = db
    .selectFrom('records')
    .innerJoin('students', 'students.id', 'records.student_id')
    .select(['records.id', 'records.kind', 'records.status', 'records.entered_role', 'records.course_id', 'records.academic_year', 'records.semester', 'students.id as student_id', 'students.host_user_id', 'students.name', 'students.grade', 'students.class_name'])
    .where('records.school_code', '=', config.code)
    .where('records.academic_year', '=', window.academicYear)
    .where('records.status', 'in', statuses)
    .where('students.status', '=', 'enrolled');
  if (window.semester !== 0) query = query.where('records.semester', '=', window.semester);
  return query.execute();
}

const belongsTo = (activity: string, record: { kind: string; status: string; entered_role: string }) =>
  activity.startsWith('outcome') ? record.kind === 'outcome' : countsTowardPerformanceCap({ kind: record.kind, status: record.status as RecordStatus, enteredRole: record.entered_role as Role });

async function unselected(db: Db, config: SchoolConfig, schedule: readonly StoredScheduleWindow[], window: StoredScheduleWindow, today: string, bucket: 'outcome' | 'performance', cap: number): Promise<Recipient[]> {
  const term = termOf(window, today);
  const passed = (await recordsOf(db, config, { ...window, semester: 0 }, ['passed'])).filter((r) => belongsTo(window.activity, r));
  const selected = new Set(
    (await db.selectFrom('selections').select('record_id').where('school_code', '=', config.code).where('kind', '=', bucket).where('academic_year', '=', window.academicYear).execute()).map((s) => s.record_id),
  );
  const byStudent = new Map<string, { r: (typeof passed)[number]; passed: number; selected: number }>();
  for (const r of passed) {
    const entry = byStudent.get(r.student_id) ?? { r, passed: 0, selected: 0 };
    entry.passed++;
    if (selected.has(r.id)) entry.selected++;
    byStudent.set(r.student_id, entry);
  }
  const out: Recipient[] = [];
  for (const { r, passed: n, selected: s } of byStudent.values()) {
    const room = Math.min(cap, n) - s;
    if (room > 0 && governs(schedule, window, term, { grade: r.grade, className: r.class_name })) out.push({ kind: 'student', userId: r.host_user_id, name: r.name, email: null, work: [{ kind: 'unselected', count: room }] });
  }
  return out;
}

async function failedUploads(db: Db, config: SchoolConfig, schedule: readonly StoredScheduleWindow[], window: StoredScheduleWindow): Promise<Recipient[]> {
  const failed = (await recordsOf(db, config, window, ['failed'])).filter(
    (r) => belongsTo(window.activity, r) && governs(schedule, window, { academicYear: r.academic_year, semester: r.semester as 1 | 2 }, { grade: r.grade, className: r.class_name, recordKind: r.kind }),
  );
  const byStudent = new Map<string, Recipient>();
  for (const r of failed) {
    const entry = byStudent.get(r.student_id) ?? { kind: 'student' as const, userId: r.host_user_id, name: r.name, email: null, work: [{ kind: 'failed' as const, count: 0 }] };
    entry.work[0]!.count++;
    byStudent.set(r.student_id, entry);
  }
  return [...byStudent.values()];
}

async function certificationQueues(db: Db, config: SchoolConfig, schedule: readonly StoredScheduleWindow[], window: StoredScheduleWindow): Promise<Recipient[]> {
  const pending = (await recordsOf(db, config, window, ['pending'])).filter(
    (r) => r.kind === 'outcome' && r.course_id !== null && governs(schedule, window, { academicYear: r.academic_year, semester: r.semester as 1 | 2 }, { grade: r.grade, className: r.class_name, recordKind: r.kind }),
  );
  if (pending.length === 0) return [];
  const courseIds = [...new Set(pending.map((r) => r.course_id!))];
  const teachers = await db
    .selectFrom('course_teachers')
    .innerJoin('teachers', 'teachers.id', 'course_teachers.teacher_id')
    .select(['course_teachers.course_id', 'teachers.id', 'teachers.host_user_id', 'teachers.name', 'teachers.email'])
    .where('course_teachers.school_code', '=', config.code)
    .where('course_teachers.course_id', 'in', courseIds)
    .execute();
  const teachersOf = new Map<string, typeof teachers>();
  for (const t of teachers) teachersOf.set(t.course_id, [...(teachersOf.get(t.course_id) ?? []), t]);
  const byTeacher = new Map<string, Recipient>();
  for (const r of pending) {
    for (const t of teachersOf.get(r.course_id!) ?? []) {
      const entry = byTeacher.get(t.id) ?? { kind: 'teacher' as const, userId: t.host_user_id, name: t.name, email: t.email, work: [{ kind: 'certification-queue' as const, count: 0 }] };
      entry.work[0]!.count++;
      byTeacher.set(t.id, entry);
    }
  }
  return [...byTeacher.values()];
}
