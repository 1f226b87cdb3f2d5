import { describe, expect, it } from 'vitest';
import { studentRosterConflicts, teacherRosterConflicts, type RosterStudent } from './roster-integrity.ts';

const student = (no: string, seatNo: number, patch: Partial<RosterStudent> = {}): RosterStudent => ({
  studentNo: no,
  nationalId: `ID-${no}`,
  hostUserId: `u-${no}`,
  division: 'day',
  className: '101',
  seatNo,
  status: 'enrolled',
  ...patch,
});
const row = (s: RosterStudent) => {
  const { status: _status, ...rest } = s;
  return rest;
};

describe('studentRosterConflicts', () => {
  const onFile = [student('S1', 1), student('S2', 2), student('S3', 3)];

  it('accepts a file that changes nothing, and a student keeping their own seat', () => {
    expect(studentRosterConflicts(onFile, [], onFile.map(row))).toEqual([]);
    expect(studentRosterConflicts(onFile, [], [row(student('S1', 1, { nationalId: 'ID-S1', hostUserId: 'u-S1' }))])).toEqual([]);
  });

  it('refuses a 身分證號 another student has, now or after the file', () => {
    const conflicts = studentRosterConflicts(onFile, [], [row(student('S9', 9, { nationalId: 'ID-S2' }))]);
    expect(conflicts).toEqual([{ index: 0, field: 'nationalId', code: 'roster-national-id-taken', params: { value: 'ID-S2', holder: 'S2' } }]);
    // A swap of two IDs in one file is refused: the ID is still S1's until S1's row is written.
    const swap = studentRosterConflicts(onFile, [], [row(student('S1', 1, { nationalId: 'ID-S2' })), row(student('S2', 2, { nationalId: 'ID-S1' }))]);
    expect(swap.map((c) => [c.index, c.params.holder])).toEqual([[0, 'S2'], [1, 'S1']]);
  });

  it('refuses a seat held by another enrolled student on file or in the same file', () => {
    expect(studentRosterConflicts(onFile, [], [row(student('S9', 2))])).toEqual([
      { index: 0, field: 'seat', code: 'roster-seat-taken', params: { className: '101', seatNo: 2, holder: 'S2' } },
    ]);
    const inFile = studentRosterConflicts([], [], [row(student('S7', 7)), row(student('S8', 7))]);
    expect(inFile.map((c) => [c.index, c.field, c.params.holder])).toEqual([[0, 'seat', 'S8'], [1, 'seat', 'S7']]);
  });

  it('accepts seats moved around consistently, judged after the file', () => {
    // S1 takes S2's seat, S2 takes S3's, S3 moves to a new seat.
    const moves = [row(student('S1', 2)), row(student('S2', 3)), row(student('S3', 4))];
    expect(studentRosterConflicts(onFile, [], moves)).toEqual([]);
    // S1 takes S2's seat but S2 stays: refused, naming S2.
    expect(studentRosterConflicts(onFile, [], [row(student('S1', 2))]).map((c) => c.params.holder)).toEqual(['S2']);
  });

  it('lets no seat be held by a student who left or graduated, and keeps division and class apart', () => {
    const left = [student('S1', 1, { status: 'graduated' }), student('S2', 2, { status: 'left' })];
    expect(studentRosterConflicts(left, [], [row(student('S9', 1)), row(student('S8', 2))])).toEqual([]);
    expect(studentRosterConflicts(onFile, [], [row(student('S9', 1, { division: 'night' })), row(student('S8', 1, { className: '102' }))])).toEqual([]);
  });

  it('refuses a teacher\'s account for a student and another student\'s account', () => {
    const teachers = [{ teacherNo: 'T01', hostUserId: 'u-T01' }];
    expect(studentRosterConflicts(onFile, teachers, [row(student('S9', 9, { hostUserId: 'u-T01' }))])).toEqual([
      { index: 0, field: 'hostUserId', code: 'roster-host-user-teacher', params: { value: 'u-T01', holder: 'T01' } },
    ]);
    expect(studentRosterConflicts(onFile, teachers, [row(student('S9', 9, { hostUserId: 'u-S1' }))])).toEqual([
      { index: 0, field: 'hostUserId', code: 'import-host-user-taken', params: { value: 'u-S1', holder: 'S1' } },
    ]);
  });
});

describe('teacherRosterConflicts', () => {
  const teachers = [{ teacherNo: 'T01', hostUserId: 'u-T01' }];
  it('refuses a student\'s account and another teacher\'s account; accepts a teacher keeping theirs', () => {
    const students = [{ studentNo: 'S1', hostUserId: 'u-S1' }];
    expect(teacherRosterConflicts(teachers, students, [{ teacherNo: 'T02', hostUserId: 'u-S1' }])).toEqual([
      { index: 0, field: 'hostUserId', code: 'roster-host-user-student', params: { value: 'u-S1', holder: 'S1' } },
    ]);
    expect(teacherRosterConflicts(teachers, students, [{ teacherNo: 'T02', hostUserId: 'u-T01' }])).toEqual([
      { index: 0, field: 'hostUserId', code: 'import-host-user-taken', params: { value: 'u-T01', holder: 'T01' } },
    ]);
    expect(teacherRosterConflicts(teachers, students, [{ teacherNo: 'T01', hostUserId: 'u-T01' }, { teacherNo: 'T02', hostUserId: 'u-T02' }])).toEqual([]);
    expect(teacherRosterConflicts([], [], [{ teacherNo: 'T01', hostUserId: 'x' }, { teacherNo: 'T02', hostUserId: 'x' }]).map((c) => c.params.holder)).toEqual(['T02', 'T01']);
  });
});
