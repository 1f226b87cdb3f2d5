import { sql, type Kysely } from 'kysely';
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
import { dialectOf } from '@licheng/db';
import type { PlatformDatabase } from '../platform/tables.ts';

type Db = Kysely<PlatformDatabase>;

/**
 * Takes the school's roster lock for the rest of the transaction: the school's row of
 * `roster_locks` is written, so a second roster write of the school waits here until the first
 * ends. Taken before anything is read, the transaction then reads what the other wrote
 * (MySQL's snapshot starts at the first plain read; SQLite's writer reads the latest data).
 * Record entries and reads are not held back: they never touch this row.
 */
export async function lockRoster(db: Db, school: string): Promise<void> {
  const locks = db as unknown as Kysely<{ roster_locks: { school_code: string; writes: number } }>;
  const insert = locks.insertInto('roster_locks').values({ school_code: school, writes: 1 });
  const bump = { writes: sql<number>`writes + 1` };
  await (dialectOf(db) === 'mysql' ? insert.onDuplicateKeyUpdate(bump) : insert.onConflict((oc) => oc.column('school_code').doUpdateSet(bump))).execute();
}

/** The school's students as the roster integrity rules read them. */
export async function rosterStudents(db: Db, school: string): Promise<RosterStudent[]> {
  const rows = await db
    .selectFrom('students')
    .select(['student_no', 'national_id', 'host_user_id', 'division', 'class_name', 'seat_no', 'status'])
    .where('school_code', '=', school)
    .execute();
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

/** The school's teachers (teacher number and host account). */
export async function rosterTeachers(db: Db, school: string): Promise<RosterTeacher[]> {
  const rows = await db.selectFrom('teachers').select(['teacher_no', 'host_user_id']).where('school_code', '=', school).execute();
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
 * Inside the write transaction, before student rows are written, as its first statement: takes
 * the roster lock, then the roster rules must hold for the roster after the write (see
 * studentRosterConflicts), or DomainError with the first conflict. A write split into several
 * transactions passes every row of the whole write as `rows`, so each part judges the end state.
 */
export async function assertStudentRoster(db: Db, school: string, rows: readonly StudentRow[]): Promise<void> {
  await lockRoster(db, school);
  const students = await rosterStudents(db, school);
  const teachers = await rosterTeachers(db, school);
  refuse(studentRosterConflicts(students, teachers, rosterStudentRows(rows)));
}

/** Inside the write transaction, before teacher rows are written: no account another person holds. */
export async function assertTeacherRoster(db: Db, school: string, rows: readonly TeacherRow[]): Promise<void> {
  await lockRoster(db, school);
  const students = await rosterStudents(db, school);
  const teachers = await rosterTeachers(db, school);
  refuse(teacherRosterConflicts(teachers, students, rosterTeacherRows(rows)));
}
