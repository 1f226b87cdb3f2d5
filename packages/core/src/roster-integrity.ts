import type { MessageParams } from './errors.ts';

/**
 * What must hold across the school's roster (名冊) after rows are written, whether the rows
 * come from an imported file or from the host:
 *
 * - a 身分證號 belongs to one student (one 學號);
 * - a seat — 部別 + 班級 + 座號 — is held by one enrolled student (students who left or
 *   graduated hold none; the roster keeps only each student's current class);
 * - a host account (系統帳號) belongs to one person: one student or one teacher, never both.
 *
 * A seat is judged against the roster as it will be after the rows are written, so a student
 * keeping their seat, or a file moving students around consistently (A takes B's seat while
 * B moves elsewhere), is accepted. A 身分證號 or account is refused when another person holds
 * it now or would hold it afterwards: the database keeps each unique (one row at a time), so a
 * swap between two people is two corrections, not one.
 */

export interface RosterStudent {
  studentNo: string;
  nationalId: string;
  hostUserId: string;
  division: string;
  className: string;
  seatNo: number;
  /** enrolled | left | graduated; rows written from a file keep the status on file (new: enrolled). */
  status: string;
}

export interface RosterTeacher {
  teacherNo: string;
  hostUserId: string;
}

export type RosterField = 'nationalId' | 'seat' | 'hostUserId';

export interface RosterConflict {
  /** Index of the incoming row concerned. */
  index: number;
  field: RosterField;
  code: string;
  params: MessageParams;
}

type Incoming<T> = ReadonlyArray<T>;

/** key → the people holding it, in order of first appearance. */
function holdersBy<T>(people: Iterable<T>, keyOf: (p: T) => string | null, idOf: (p: T) => string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const person of people) {
    const key = keyOf(person);
    if (key === null) continue;
    const list = map.get(key);
    if (list) list.push(idOf(person));
    else map.set(key, [idOf(person)]);
  }
  return map;
}

/** Someone other than `self` among the holders of `key` in any of the maps. */
function otherHolder(maps: ReadonlyArray<Map<string, string[]>>, key: string, self: string): string | undefined {
  for (const map of maps) {
    const other = map.get(key)?.find((id) => id !== self);
    if (other !== undefined) return other;
  }
  return undefined;
}

/** The roster after `incoming` is written over `onFile` (matched by 學號). */
function studentsAfter(onFile: Incoming<RosterStudent>, incoming: Incoming<Omit<RosterStudent, 'status'>>): Map<string, RosterStudent> {
  const after = new Map(onFile.map((s) => [s.studentNo, s]));
  for (const row of incoming) after.set(row.studentNo, { ...row, status: after.get(row.studentNo)?.status ?? 'enrolled' });
  return after;
}

const seatKey = (s: Pick<RosterStudent, 'division' | 'className' | 'seatNo'>) => `${s.division}|${s.className}|${s.seatNo}`;

/**
 * Conflicts of student rows about to be written: each names the row (by index), the field and
 * the 學號 or 教師代號 holding what the row claims. `teachers` are the school's teachers.
 */
export function studentRosterConflicts(
  onFile: Incoming<RosterStudent>,
  teachers: Incoming<RosterTeacher>,
  incoming: Incoming<Omit<RosterStudent, 'status'>>,
): RosterConflict[] {
  const after = studentsAfter(onFile, incoming);
  const no = (s: { studentNo: string }) => s.studentNo;
  const idsNow = holdersBy(onFile, (s) => s.nationalId, no);
  const idsAfter = holdersBy(after.values(), (s) => s.nationalId, no);
  const accountsNow = holdersBy(onFile, (s) => s.hostUserId, no);
  const accountsAfter = holdersBy(after.values(), (s) => s.hostUserId, no);
  const seats = holdersBy(after.values(), (s) => (s.status === 'enrolled' ? seatKey(s) : null), no);
  const teacherAccounts = new Map(teachers.map((t) => [t.hostUserId, t.teacherNo]));

  const conflicts: RosterConflict[] = [];
  incoming.forEach((row, index) => {
    const idHolder = otherHolder([idsNow, idsAfter], row.nationalId, row.studentNo);
    if (idHolder !== undefined) conflicts.push({ index, field: 'nationalId', code: 'roster-national-id-taken', params: { value: row.nationalId, holder: idHolder } });
    const seated = after.get(row.studentNo)?.status === 'enrolled';
    const seatHolder = seated ? otherHolder([seats], seatKey(row), row.studentNo) : undefined;
    if (seatHolder !== undefined) {
      conflicts.push({ index, field: 'seat', code: 'roster-seat-taken', params: { className: row.className, seatNo: row.seatNo, holder: seatHolder } });
    }
    const teacher = teacherAccounts.get(row.hostUserId);
    const accountHolder = otherHolder([accountsNow, accountsAfter], row.hostUserId, row.studentNo);
    if (teacher !== undefined) conflicts.push({ index, field: 'hostUserId', code: 'roster-host-user-teacher', params: { value: row.hostUserId, holder: teacher } });
    else if (accountHolder !== undefined) conflicts.push({ index, field: 'hostUserId', code: 'import-host-user-taken', params: { value: row.hostUserId, holder: accountHolder } });
  });
  return conflicts;
}

/** Conflicts of teacher rows about to be written: an account another teacher or a student holds. */
export function teacherRosterConflicts(
  onFile: Incoming<RosterTeacher>,
  students: Incoming<Pick<RosterStudent, 'studentNo' | 'hostUserId'>>,
  incoming: Incoming<RosterTeacher>,
): RosterConflict[] {
  const after = new Map(onFile.map((t) => [t.teacherNo, t]));
  for (const row of incoming) after.set(row.teacherNo, row);
  const no = (t: RosterTeacher) => t.teacherNo;
  const accountsNow = holdersBy(onFile, (t) => t.hostUserId, no);
  const accountsAfter = holdersBy(after.values(), (t) => t.hostUserId, no);
  const studentAccounts = new Map(students.map((s) => [s.hostUserId, s.studentNo]));

  const conflicts: RosterConflict[] = [];
  incoming.forEach((row, index) => {
    const student = studentAccounts.get(row.hostUserId);
    const holder = otherHolder([accountsNow, accountsAfter], row.hostUserId, row.teacherNo);
    if (student !== undefined) conflicts.push({ index, field: 'hostUserId', code: 'roster-host-user-student', params: { value: row.hostUserId, holder: student } });
    else if (holder !== undefined) conflicts.push({ index, field: 'hostUserId', code: 'import-host-user-taken', params: { value: row.hostUserId, holder } });
  });
  return conflicts;
}
