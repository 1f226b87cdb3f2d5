import type { Kysely } from 'kysely';
import {
  DomainError,
  studentRosterConflicts,
  teacherRosterConflicts,
  type RosterConflict,
  type RosterStudent,
  type RosterTeacher,
  type StudentRow,
  type TeacherRow,
} from '@licheng/core';
import { dialectOf, forUpdate } from '@licheng/db';
import type { PlatformDatabase } from '../platform/tables.ts';

type Db = Kysely<PlatformDatabase>;

/**
 * The school's students as the roster integrity rules read them. With `lock` (inside a write
 * transaction) the rows are read `FOR UPDATE` on MySQL, which also holds back other
 * transactions inserting students of the school until this one ends.
 */
export async function rosterStudents(db: Db, school: string, lock = false): Promise<RosterStudent[]> {
  const query = db
    .selectFrom('students')
    .select(['student_no', 'national_id', 'host_user_id', 'division', 'class_name', 'seat_no', 'status'])
    .where('school_code', '=', school)
    .orderBy('student_no');
  const rows = await (lock ? forUpdate(query, dialectOf(db)) : query).execute();
  return rows.map((s) => ({
    studentNo: s.student_no,
    nationalId: s.national_id,
    hostUserId: s.host_user_id,
    division: s.division,
    className: s.class_name,
    seatNo: s.seat_no,
    status: s.status,
  }));
}

/** The school's teachers (teacher number and host account), locked like rosterStudents. */
export async function rosterTeachers(db: Db, school: string, lock = false): Promise<RosterTeacher[]> {
  const query = db.selectFrom('teachers').select(['teacher_no', 'host_user_id']).where('school_code', '=', school).orderBy('teacher_no');
  const rows = await (lock ? forUpdate(query, dialectOf(db)) : query).execute();
  return rows.map((t) => ({ teacherNo: t.teacher_no, hostUserId: t.host_user_id }));
}

/** Student rows as the rules read them (the host user id defaults to the 學號, as upsertStudents writes it). */
export function rosterStudentRows(rows: readonly StudentRow[]): Array<Omit<RosterStudent, 'status'>> {
  return rows.map((r) => ({ studentNo: r.studentNo, nationalId: r.nationalId, hostUserId: r.hostUserId || r.studentNo, division: r.division, className: r.className, seatNo: r.seatNo }));
}

export function rosterTeacherRows(rows: readonly TeacherRow[]): RosterTeacher[] {
  return rows.map((r) => ({ teacherNo: r.teacherNo, hostUserId: r.hostUserId || r.teacherNo }));
}

function refuse(conflicts: RosterConflict[]): void {
  const [first] = conflicts;
  if (first) throw new DomainError(first.code, first.params);
}

/**
 * Inside the write transaction, before student rows are written: the roster rules hold for
 * the roster after the write (see studentRosterConflicts), under lock, or DomainError with
 * the first conflict. Students are locked before teachers, as in assertTeacherRoster.
 */
export async function assertStudentRoster(db: Db, school: string, rows: readonly StudentRow[]): Promise<void> {
  const students = await rosterStudents(db, school, true);
  const teachers = await rosterTeachers(db, school, true);
  refuse(studentRosterConflicts(students, teachers, rosterStudentRows(rows)));
}

/** Inside the write transaction, before teacher rows are written: no account another person holds. */
export async function assertTeacherRoster(db: Db, school: string, rows: readonly TeacherRow[]): Promise<void> {
  const students = await rosterStudents(db, school, true);
  const teachers = await rosterTeachers(db, school, true);
  refuse(teacherRosterConflicts(teachers, students, rosterTeacherRows(rows)));
}
