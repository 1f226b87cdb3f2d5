import { performanceCapStanding, RECORD_KINDS, recordKindDefinition, taipeiDate, type AcademicTerm, type LocalizedText, type RecordKindDefinition, type RecordStatus, type Role, type SchoolConfig } from '@licheng/core';
import { scheduleOf, type PlatformDatabase } from '@licheng/server';
import { unconfirmedReceipts } from '@licheng/plugin-receipt/server';
import type { Kysely } from 'kysely';
import type { HomeroomClass } from './class-access.ts';
import { checkReasons, noOtherCounts, progressTotals, progressWindows, remindable, type CheckReason, type OtherCounts, type ProgressCounts, type ProgressTotals, type ProgressWindow } from './progress-rules.ts';
import { homeroomDb } from './tables.ts';

/** The record kind a homeroom teacher follows: 課程學習成果. */
const KIND = 'outcome';

export interface StudentProgress extends ProgressCounts {
  id: string;
  seatNo: number;
  studentNo: string;
  name: string;
  /** What the student can act on (the check without 'pending'). */
  reminders: CheckReason[];
  /** The completeness check before submission: every reason the student's portfolio is not ready. */
  check: CheckReason[];
  /** This academic year's performances and office records. */
  other: OtherCounts;
  /** Each other kind the student has records of this year (non-zero only). */
  kinds: KindCounts[];
  /** Receipt items (收訖確認) the student has still to confirm; 0 when the school does not run the receipt office. */
  unconfirmedReceipts: number;
  /** The last reminder the class's teacher sent this student this year. */
  lastReminder: { at: string; byName: string } | null;
}

export interface KindCounts {
  kind: string;
  label: LocalizedText;
  total: number;
  pending: number;
  failed: number;
  selected: number;
}

/** Kinds a homeroom teacher never counts: counseling data and consultation notes. */
const FOLLOWED_KINDS: string[] = Object.values(RECORD_KINDS as Record<string, RecordKindDefinition>)
  .filter((k) => k.id !== KIND && !k.visibility)
  .map((k) => k.id);

export interface ClassProgress {
  class: HomeroomClass;
  term: AcademicTerm;
  /** 勾選上限 per academic year, from the school's rules. */
  selectionCap: number;
  /** 多元表現 勾選上限 per academic year. */
  performanceCap: number;
  /** The school's (Taipei) date the counts were read on. */
  today: string;
  /** 上傳, 認證 and 勾選 windows of the term for the class's grade. */
  windows: ProgressWindow[];
  students: StudentProgress[];
  totals: ProgressTotals;
}

/**
 * One class's progress in one term: its enrolled students (on the current roster, by
 * students.class_name) with their outcome counts by status this term and their selections
 * this academic year. Three queries whatever the class size — the students, the records
 * grouped by student and status, the selections grouped by student — and, for the
 * completeness check, this academic year's other records grouped by student, kind, status and
 * enterer with their selections, and the last reminder sent to each: five queries in all; a
 * sixth for the receipts not yet confirmed when the school runs the receipt office.
 */
export async function classProgress(db: Kysely<PlatformDatabase>, config: SchoolConfig, klass: HomeroomClass, term: AcademicTerm, now: Date): Promise<ClassProgress> {
  const school = config.code;
  const inClass = <Q extends { where: (...args: any[]) => Q }>(q: Q): Q =>
    q.where('students.school_code', '=', school).where('students.class_name', '=', klass.className).where('students.status', '=', 'enrolled');

  const students = await inClass(db.selectFrom('students').select(['students.id', 'students.seat_no', 'students.student_no', 'students.name']))
    .orderBy('students.seat_no')
    .orderBy('students.student_no')
    .execute();

  const byStatus = await inClass(
    db
      .selectFrom('records')
      .innerJoin('students', 'students.id', 'records.student_id')
      .select((eb) => ['records.student_id', 'records.status', eb.fn.countAll().as('n')])
      .where('records.school_code', '=', school)
      .where('records.kind', '=', KIND)
      .where('records.status', '!=', 'withdrawn')
      .where('records.academic_year', '=', term.academicYear)
      .where('records.semester', '=', term.semester),
  )
    .groupBy(['records.student_id', 'records.status'])
    .execute();

  const selections = await inClass(
    db
      .selectFrom('selections')
      .innerJoin('students', 'students.id', 'selections.student_id')
      .select((eb) => ['selections.student_id', eb.fn.countAll().as('n')])
      .where('selections.school_code', '=', school)
      .where('selections.kind', '=', KIND)
      .where('selections.academic_year', '=', term.academicYear),
  )
    .groupBy('selections.student_id')
    .execute();

  const others = await inClass(
    db
      .selectFrom('records')
      .innerJoin('students', 'students.id', 'records.student_id')
      .leftJoin('selections', 'selections.record_id', 'records.id')
      .select((eb) => ['records.student_id', 'records.kind', 'records.status', 'records.entered_role', eb.fn.countAll().as('n'), eb.fn.count('selections.id').as('selected')])
      .where('records.school_code', '=', school)
      .where('records.kind', 'in', FOLLOWED_KINDS)
      .where('records.status', '!=', 'withdrawn')
      .where('records.academic_year', '=', term.academicYear),
  )
    .groupBy(['records.student_id', 'records.kind', 'records.status', 'records.entered_role'])
    .execute();

  const reminded = await inClass(
    homeroomDb(db)
      .selectFrom('homeroom_reminders')
      .innerJoin('students', 'students.id', 'homeroom_reminders.student_id')
      .select(['homeroom_reminders.student_id', 'homeroom_reminders.sent_at', 'homeroom_reminders.sent_by_name'])
      .where('homeroom_reminders.school_code', '=', school)
      .where('homeroom_reminders.academic_year', '=', term.academicYear),
  )
    .orderBy('homeroom_reminders.sent_at', 'desc')
    .execute();
  const lastReminder = new Map<string, { at: string; byName: string }>();
  for (const r of reminded) if (!lastReminder.has(r.student_id)) lastReminder.set(r.student_id, { at: String(r.sent_at), byName: r.sent_by_name });

  const otherOf = new Map<string, { other: OtherCounts; kinds: Map<string, KindCounts> }>(students.map((s) => [s.id, { other: noOtherCounts(), kinds: new Map() }]));
  for (const row of others) {
    const entry = otherOf.get(row.student_id);
    const definition = recordKindDefinition(row.kind);
    if (!entry || !definition) continue;
    const n = Number(row.n);
    const selected = Number(row.selected);
    const status = row.status as RecordStatus;
    const kind = entry.kinds.get(row.kind) ?? { kind: row.kind, label: definition.label, total: 0, pending: 0, failed: 0, selected: 0 };
    entry.kinds.set(row.kind, kind);
    kind.total += n;
    kind.selected += selected;
    if (status === 'pending' || status === 'failed') kind[status] += n;
    // Where the record stands against the 10 a year: core's one rule, as the student's selection and portfolio read it.
    const standing = performanceCapStanding({ kind: row.kind, status, enteredRole: row.entered_role as Role });
    if (standing === 'exempt') {
      entry.other.performance.exempt += n;
      if (status === 'pending' || status === 'failed') entry.other.office[status] += n;
    } else if (standing === 'counts') {
      const p = entry.other.performance;
      p.counting += n;
      p.selected += selected;
      if (status === 'pending' || status === 'failed' || status === 'passed') p[status] += n;
    } else {
      const o = entry.other.office;
      o.records += n;
      if (status === 'pending' || status === 'failed') o[status] += n;
    }
  }

  const performanceCap = config.rules.performances.selectionCapPerYear;
  const counts = new Map<string, ProgressCounts>(students.map((s) => [s.id, { uploaded: 0, pending: 0, passed: 0, failed: 0, selected: 0 }]));
  for (const row of byStatus) {
    const c = counts.get(row.student_id);
    if (!c) continue;
    const n = Number(row.n);
    c.uploaded += n;
    if (row.status === 'pending' || row.status === 'passed' || row.status === 'failed') c[row.status] += n;
  }
  for (const row of selections) {
    const c = counts.get(row.student_id);
    if (c) c.selected = Number(row.n);
  }

  // 收訖確認, read through the receipt office's public entry when the school runs it.
  const receipts = config.plugins.enabled.includes('receipt') ? await unconfirmedReceipts(db, school, students.map((s) => s.id), taipeiDate(now)) : new Map<string, number>();

  const rows: StudentProgress[] = students.map((s) => {
    const c = counts.get(s.id)!;
    const { other, kinds } = otherOf.get(s.id)!;
    const check = checkReasons(c, other, performanceCap, receipts.get(s.id) ?? 0);
    return {
      id: s.id,
      seatNo: Number(s.seat_no),
      studentNo: s.student_no,
      name: s.name,
      ...c,
      reminders: remindable(check),
      check,
      other,
      kinds: [...kinds.values()],
      unconfirmedReceipts: receipts.get(s.id) ?? 0,
      lastReminder: lastReminder.get(s.id) ?? null,
    };
  });
  return {
    class: klass,
    term,
    selectionCap: config.rules.outcomes.selectionCapPerYear,
    performanceCap,
    today: taipeiDate(now),
    windows: progressWindows(await scheduleOf({ db, config, now: () => now }), term, { grade: klass.grade, className: klass.className }, now),
    students: rows,
    totals: progressTotals(rows),
  };
}
