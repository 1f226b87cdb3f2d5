import type { AttendanceState, GroupRole, TrainingKind } from '@licheng/core';
import type { MeetingRow, MemberRow, TrainingRow } from './tables.ts';

/** A member as the screens show it. */
export interface MemberView {
  id: string;
  academicYear: number;
  name: string;
  title: string;
  representing: string;
  role: GroupRole;
  userId: string | null;
  /** ISO date the membership ended; null while serving. */
  endedOn: string | null;
}

export function memberView(row: MemberRow): MemberView {
  return { id: row.id, academicYear: row.academic_year, name: row.name, title: row.title, representing: row.representing, role: row.group_role as GroupRole, userId: row.user_id, endedOn: row.ended_on };
}

/** 決議: one decision of a meeting, with who carries it out and by when when given. */
export interface Decision {
  text: string;
  owner: string;
  /** ISO date, or null. */
  due: string | null;
}

export interface MeetingView {
  id: string;
  academicYear: number;
  semester: 1 | 2;
  date: string;
  place: string;
  agenda: string;
  minutes: string;
  decisions: Decision[];
  attendance: Array<{ memberId: string; state: AttendanceState }>;
  counts: Record<AttendanceState, number>;
  updatedAt: string;
  updatedByName: string;
  /** Where the minutes are downloaded as an Excel file. */
  download: string;
}

export function minutesXlsxUrl(id: string): string {
  return `/api/working-group/meetings/minutes.xlsx?id=${encodeURIComponent(id)}`;
}

export function meetingView(row: MeetingRow): MeetingView {
  const attendance = Object.entries(JSON.parse(row.attendance) as Record<string, AttendanceState>).map(([memberId, state]) => ({ memberId, state }));
  const counts = { present: 0, excused: 0, absent: 0 };
  for (const a of attendance) counts[a.state] += 1;
  return {
    id: row.id,
    academicYear: row.academic_year,
    semester: row.semester as 1 | 2,
    date: row.meeting_date,
    place: row.place,
    agenda: row.agenda,
    minutes: row.minutes,
    decisions: JSON.parse(row.decisions) as Decision[],
    attendance,
    counts,
    updatedAt: row.updated_at,
    updatedByName: row.updated_by_name,
    download: minutesXlsxUrl(row.id),
  };
}

/** One person of an imported attendance list. */
export interface Attendee {
  name: string;
  group: string;
}

export interface TrainingView {
  id: string;
  academicYear: number;
  semester: 1 | 2;
  kind: TrainingKind;
  title: string;
  ownerOffice: string;
  plannedDate: string | null;
  heldDate: string | null;
  attendanceCount: number | null;
  /** 'count' when ticked by hand, 'sheet' when read from an imported list; null before it is held. */
  attendanceSource: 'count' | 'sheet' | null;
  attendees: Attendee[];
}

export function trainingView(row: TrainingRow): TrainingView {
  return {
    id: row.id,
    academicYear: row.academic_year,
    semester: row.semester as 1 | 2,
    kind: row.kind as TrainingKind,
    title: row.title,
    ownerOffice: row.owner_office,
    plannedDate: row.planned_date,
    heldDate: row.held_date,
    attendanceCount: row.attendance_count,
    attendanceSource: row.attendance_source as TrainingView['attendanceSource'],
    attendees: row.attendees ? (JSON.parse(row.attendees) as Attendee[]) : [],
  };
}
