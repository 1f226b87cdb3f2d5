import type { WindowState } from '@licheng/core';

/** One row of the certification queue's query: a record with its student, course offering and history. */
export interface QueueRow {
  id: string;
  kind: string;
  summary: string;
  status: string;
  status_reason: string | null;
  version: number;
  document_file_id: string | null;
  media_file_id: string | null;
  academic_year: number;
  semester: number;
  created_at: string;
  decided_at: string | null;
  decided_by_name: string | null;
  decided_for_name: string | null;
  student_name: string;
  student_no: string;
  class_name: string;
  seat_no: number;
  course_id: string | null;
  course_code: string | null;
  subject_name: string | null;
  course_class_name: string | null;
  course_academic_year: number | null;
  course_semester: number | null;
  /** When the record was last resubmitted (audit trail), if ever. */
  resubmitted_at: string | null;
  /** That resubmission's audit `before`: the changed fields as they were, with the failure reason. */
  resubmitted_before: string | null;
}

/** A course offering as the queue names it: subject, class (開課班級) and term, so one subject taught to two classes reads as two. */
export function queueCourse(r: QueueRow) {
  return {
    id: r.course_id!,
    code: r.course_code!,
    subjectName: r.subject_name!,
    className: r.course_class_name!,
    academicYear: Number(r.course_academic_year),
    semester: Number(r.course_semester),
  };
}

/** The failure reason a resubmission answered, from its audit entry's `before`. */
function answeredReason(before: string | null): string | null {
  if (!before) return null;
  const fields = JSON.parse(before) as { status_reason?: unknown };
  return typeof fields.status_reason === 'string' ? fields.status_reason : null;
}

/** One item of the queue. `submittedAt` is when this version was submitted — never a later decision. */
export function queueItem(
  r: QueueRow,
  about: {
    decidedByMe: boolean;
    /** 代理 — the teacher the caller certifies this item for, as their acting proxy; null: the caller's own. */
    actingFor: { userId: string; name: string } | null;
    certificationWindow: { state: WindowState; start: string | null; end: string | null };
    inRoster: boolean;
  },
) {
  return {
    id: r.id,
    kind: r.kind,
    summary: r.summary,
    status: r.status as 'pending' | 'passed' | 'failed',
    statusReason: r.status_reason,
    version: r.version,
    documentFileId: r.document_file_id,
    mediaFileId: r.media_file_id,
    academicYear: r.academic_year,
    semester: r.semester,
    submittedAt: r.resubmitted_at ?? r.created_at,
    /** Whether the student resubmitted it after a failure (重新送出); then `submittedAt` is that time. */
    resubmitted: r.resubmitted_at !== null,
    /** The failure reason the latest resubmission answered. */
    previousReason: r.resubmitted_at !== null ? answeredReason(r.resubmitted_before) : null,
    decidedAt: r.decided_at,
    decidedByName: r.decided_by_name,
    /** 代理 — the teacher a proxy decided for (decided_for_name); null unless a proxy decided. */
    decidedForName: r.decided_for_name,
    /** 代理 — the teacher the caller would certify this item for as their proxy; null: the caller's own course. */
    actingFor: about.actingFor,
    /** The caller made this decision, so may take it back (teaching.certifications.reopen) when `reopenBlocked` is null. */
    decidedByMe: about.decidedByMe,
    /** The certification window (認證期間) of the item's term and student's grade. */
    certificationWindow: about.certificationWindow,
    /** Why the caller's decision cannot be taken back now: its window is not open, or it is in a produced roster. */
    reopenBlocked: !about.decidedByMe ? null : about.inRoster ? ('in-roster' as const) : about.certificationWindow.state !== 'open' ? ('window' as const) : null,
    student: { name: r.student_name, studentNo: r.student_no, className: r.class_name, seatNo: r.seat_no },
    course: r.course_id ? queueCourse(r) : null,
  };
}
