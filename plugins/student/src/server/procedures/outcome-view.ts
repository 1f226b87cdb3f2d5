import type { FileSlot } from '@licheng/core';
import type { Course, RecordRow } from '@licheng/server';

/**
 * What a screen shows of one outcome: the record, its course and whether it is selected.
 * `more.resubmittedAt` is when the student last resubmitted it (absent if never): the
 * submission time is that, else when it was first uploaded — never a later decision.
 * `more.documentName`/`mediaName` are the files' names as the student uploaded them.
 */
export function toOutcomeView(
  record: RecordRow,
  course: Pick<Course, 'id' | 'code' | 'subject_name' | 'credits' | 'grade_level'>,
  selected: boolean,
  more: { resubmittedAt?: string | null; documentName?: string | null; mediaName?: string | null } = {},
) {
  const resubmittedAt = more.resubmittedAt ?? null;
  return {
    id: record.id,
    academicYear: record.academic_year,
    semester: record.semester,
    course: { id: course.id, code: course.code, subjectName: course.subject_name, credits: course.credits, gradeLevel: course.grade_level },
    summary: record.summary,
    documentFileId: record.document_file_id,
    mediaFileId: record.media_file_id,
    documentFileName: more.documentName ?? null,
    mediaFileName: more.mediaName ?? null,
    status: record.status as 'pending' | 'passed' | 'failed',
    statusReason: record.status_reason,
    decidedByName: record.decided_by_name,
    decidedAt: record.decided_at,
    version: record.version,
    createdAt: record.created_at,
    updatedAt: record.updated_at,
    submittedAt: resubmittedAt ?? record.created_at,
    resubmitted: resubmittedAt !== null,
    selected,
    /** Why a certifier took their decision back: a pending record keeps a reason only then. */
    reopenReason: record.status === 'pending' ? record.status_reason : null,
  };
}

export type OutcomeView = ReturnType<typeof toOutcomeView>;

/** The names of the files a request just stored, as toOutcomeView's `more` takes them. */
export function stagedFileNames(files: ReadonlyArray<{ slot: FileSlot; name: string }>) {
  const name = (slot: FileSlot) => files.find((f) => f.slot === slot)?.name ?? null;
  return { documentName: name('document'), mediaName: name('media') };
}
