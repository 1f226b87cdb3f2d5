import type { Kysely } from 'kysely';
import { hasLeftOn, statusOn, taipeiDate, type EnrolmentStatus, type PlacementRow, type StatusChange, type StatusChangeKind, type StatusChangeRow } from '@licheng/core';
import { inChunks, newId, nowIso } from '@licheng/db';
import type { RowChange } from '../audit.ts';
import type { PlatformDatabase } from '../platform/tables.ts';
import type { UpsertCounts } from '../roster/upsert.ts';

/**
 * Students' status over time (學籍異動) and their placement per term (學期編班), for every office:
 * rosters, receipts, caps and homeroom ask here who was in a class in a term and who has left.
 */

type Db = Kysely<PlatformDatabase>;

export interface Term {
  academicYear: number;
  semester: number;
}

export interface PlacedStudent {
  studentId: string;
  studentNo: string;
  name: string;
  division: string;
  seatNo: number;
}

/** Who sat in `className` in `term`, by seat, as the term's placement recorded it. */
export async function studentsInClass(db: Db, school: string, term: Term, className: string): Promise<PlacedStudent[]> {
  const rows = await db
    .selectFrom('term_placements as p')
    .innerJoin('students as s', 's.id', 'p.student_id')
    .select(['s.id as studentId', 's.student_no as studentNo', 's.name', 'p.division', 'p.seat_no as seatNo'])
    .where('p.school_code', '=', school)
    .where('p.academic_year', '=', term.academicYear)
    .where('p.semester', '=', term.semester)
    .where('p.class_name', '=', className)
    .orderBy('p.seat_no')
    .execute();
  return rows;
}

/** A student's status changes, oldest first. */
export async function statusChangesOf(db: Db, school: string, studentId: string) {
  return db
    .selectFrom('status_changes')
    .select(['id', 'date', 'kind', 'status_code as statusCode', 'note', 'created_at as createdAt'])
    .where('school_code', '=', school)
    .where('student_id', '=', studentId)
    .orderBy('date')
    .orderBy('created_at')
    .execute();
}

function asChanges(rows: ReadonlyArray<{ date: string; kind: string }>): StatusChange[] {
  return rows.map((r, seq) => ({ date: r.date, kind: r.kind as StatusChangeKind, seq }));
}

/** The student's status on `date` (ISO). */
export async function statusOfStudent(db: Db, school: string, studentId: string, date: string): Promise<EnrolmentStatus> {
  return statusOn(asChanges(await statusChangesOf(db, school, studentId)), date);
}

/** Whether the student had left (休學, 轉出, 畢業) on `date` (ISO). */
export async function hasLeft(db: Db, school: string, studentId: string, date: string): Promise<boolean> {
  return hasLeftOn(asChanges(await statusChangesOf(db, school, studentId)), date);
}

/** Of `studentIds`, those who had left on `date`. */
export async function studentsWhoLeft(db: Db, school: string, studentIds: readonly string[], date: string): Promise<Set<string>> {
  const by = new Map<string, Array<{ date: string; kind: string }>>();
  // In slices: a whole school's students in one IN list is more than SQLite binds.
  for (const ids of inChunks(studentIds)) {
    const rows = await db
      .selectFrom('status_changes')
      .select(['student_id', 'date', 'kind'])
      .where('school_code', '=', school)
      .where('student_id', 'in', ids)
      .orderBy('date')
      .orderBy('created_at')
      .execute();
    for (const r of rows) {
      const changes = by.get(r.student_id);
      if (changes) changes.push(r);
      else by.set(r.student_id, [r]);
    }
  }
  return new Set([...by].filter(([, changes]) => hasLeftOn(asChanges(changes), date)).map(([id]) => id));
}

/** students.status as the roster keeps it: enrolled, left (休學, 轉出) or graduated. */
function rosterStatus(status: EnrolmentStatus): 'enrolled' | 'left' | 'graduated' {
  if (status === 'graduated') return 'graduated';
  return status === 'suspended' || status === 'transferred-out' ? 'left' : 'enrolled';
}

/**
 * Brings `students.status` in step with the students' changes as of `at` (Taipei date), so the
 * offices that list enrolled students (homeroom, counseling) stop listing one who has left.
 * A change dated later takes effect in students.status only when another change is recorded
 * after that date; ask statusOfStudent / hasLeft for any date.
 */
export async function syncStudentStatus(db: Db, school: string, studentIds: readonly string[], at: Date): Promise<void> {
  const today = taipeiDate(at);
  for (const id of new Set(studentIds)) {
    const status = rosterStatus(await statusOfStudent(db, school, id, today));
    await db.updateTable('students').set({ status, updated_at: nowIso(at) }).where('id', '=', id).where('school_code', '=', school).where('status', '!=', status).execute();
  }
}

async function studentIds(db: Db, school: string): Promise<Map<string, string>> {
  const rows = await db.selectFrom('students').select(['id', 'student_no']).where('school_code', '=', school).execute();
  return new Map(rows.map((r) => [r.student_no, r.id]));
}

/** Writes imported status changes; a change already on file (same student, date, kind) is updated. */
export async function upsertStatusChanges(db: Db, school: string, rows: StatusChangeRow[], at: Date, changes?: RowChange[]): Promise<UpsertCounts> {
  const ids = await studentIds(db, school);
  const counts: UpsertCounts = { inserted: 0, updated: 0, unchanged: 0 };
  for (const row of rows) {
    const studentId = ids.get(row.studentNo);
    if (!studentId) continue; // checked before the write (roster-references)
    const current = await db
      .selectFrom('status_changes')
      .select(['id', 'status_code', 'note'])
      .where('school_code', '=', school)
      .where('student_id', '=', studentId)
      .where('date', '=', row.date)
      .where('kind', '=', row.kind)
      .executeTakeFirst();
    const values = { status_code: row.statusCode, note: row.note };
    if (!current) {
      const id = newId();
      await db.insertInto('status_changes').values({ id, school_code: school, student_id: studentId, date: row.date, kind: row.kind, ...values, created_at: nowIso(at) }).execute();
      changes?.push({ action: 'student.status.insert', entity: 'status-change', entityId: id, studentId, after: { student_no: row.studentNo, date: row.date, kind: row.kind, ...values } });
      counts.inserted++;
    } else if (current.status_code !== values.status_code || current.note !== values.note) {
      await db.updateTable('status_changes').set(values).where('id', '=', current.id).execute();
      changes?.push({ action: 'student.status.update', entity: 'status-change', entityId: current.id, studentId, before: { status_code: current.status_code, note: current.note }, after: values });
      counts.updated++;
    } else counts.unchanged++;
  }
  await syncStudentStatus(db, school, rows.flatMap((r) => ids.get(r.studentNo) ?? []), at);
  return counts;
}

/** Writes imported term placements, one per student and term. */
export async function upsertPlacements(db: Db, school: string, rows: PlacementRow[], at: Date, changes?: RowChange[]): Promise<UpsertCounts> {
  const ids = await studentIds(db, school);
  const counts: UpsertCounts = { inserted: 0, updated: 0, unchanged: 0 };
  for (const row of rows) {
    const studentId = ids.get(row.studentNo);
    if (!studentId) continue;
    const current = await db
      .selectFrom('term_placements')
      .select(['id', 'division', 'class_name', 'seat_no'])
      .where('school_code', '=', school)
      .where('student_id', '=', studentId)
      .where('academic_year', '=', row.academicYear)
      .where('semester', '=', row.semester)
      .executeTakeFirst();
    const values = { division: row.division, class_name: row.className, seat_no: row.seatNo };
    if (!current) {
      const id = newId();
      await db.insertInto('term_placements').values({ id, school_code: school, student_id: studentId, academic_year: row.academicYear, semester: row.semester, ...values, created_at: nowIso(at), updated_at: nowIso(at) }).execute();
      changes?.push({ action: 'student.placement.insert', entity: 'placement', entityId: id, studentId, after: { student_no: row.studentNo, academic_year: row.academicYear, semester: row.semester, ...values } });
      counts.inserted++;
    } else if (current.division !== values.division || current.class_name !== values.class_name || current.seat_no !== values.seat_no) {
      await db.updateTable('term_placements').set({ ...values, updated_at: nowIso(at) }).where('id', '=', current.id).execute();
      const { id: _id, ...before } = current;
      changes?.push({ action: 'student.placement.update', entity: 'placement', entityId: current.id, studentId, before, after: values });
      counts.updated++;
    } else counts.unchanged++;
  }
  return counts;
}
