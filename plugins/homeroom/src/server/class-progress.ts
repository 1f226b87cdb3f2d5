import { taipeiDate, type AcademicTerm, type SchoolConfig } from '@licheng/core';
import type { PlatformDatabase } from '@licheng/server';
import type { Kysely } from 'kysely';
import type { HomeroomClass } from './class-access.ts';
import { progressTotals, progressWindows, reminderReasons, type ProgressCounts, type ProgressTotals, type ProgressWindow, type ReminderReason } from './progress-rules.ts';

/** The record kind a homeroom teacher follows: 課程學習成果. */
const KIND = 'outcome';

export interface StudentProgress extends ProgressCounts {
  id: string;
  seatNo: number;
  studentNo: string;
  name: string;
  reminders: ReminderReason[];
}

export interface ClassProgress {
  class: HomeroomClass;
  term: AcademicTerm;
  /** 勾選上限 per academic year, from the school's rules. */
  selectionCap: number;
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
 * grouped by student and status, the selections grouped by student.
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

  const rows: StudentProgress[] = students.map((s) => {
    const c = counts.get(s.id)!;
    return { id: s.id, seatNo: Number(s.seat_no), studentNo: s.student_no, name: s.name, ...c, reminders: reminderReasons(c) };
  });
  return {
    class: klass,
    term,
    selectionCap: config.rules.outcomes.selectionCapPerYear,
    today: taipeiDate(now),
    windows: progressWindows(config.schedule, term, klass.grade, now),
    students: rows,
    totals: progressTotals(rows),
  };
}
