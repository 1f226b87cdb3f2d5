import type { StudyPlanSections } from '@licheng/core';
import type { CheckRow, DocumentRow, VersionRow } from './tables.ts';

/** A version as the screens list it; `text` only where it is read. */
export function versionView(v: VersionRow) {
  return { number: Number(v.number), charCount: Number(v.char_count), savedAt: v.saved_at, savedByName: v.saved_by_name, restoredFrom: v.restored_from === null ? null : Number(v.restored_from) };
}
export type VersionView = ReturnType<typeof versionView>;

export function versionTextView(v: VersionRow) {
  return { ...versionView(v), text: v.text, sections: v.sections ? (JSON.parse(v.sections) as StudyPlanSections) : null };
}
export type VersionTextView = ReturnType<typeof versionTextView>;

export function checkView(c: CheckRow, userId?: string) {
  return {
    id: c.id,
    version: Number(c.version),
    decision: c.decision,
    comment: c.comment,
    decidedByName: c.decided_by_name,
    decidedAt: c.decided_at,
    reopenedAt: c.reopened_at,
    reopenReason: c.reopen_reason,
    ...(userId === undefined ? {} : { mine: c.decided_by === userId }),
  };
}
export type CheckView = ReturnType<typeof checkView>;

export function documentView(d: DocumentRow) {
  return {
    id: d.id,
    kind: d.kind,
    language: d.language,
    status: d.status,
    latestVersion: Number(d.latest_version),
    submittedVersion: d.submitted_version === null ? null : Number(d.submitted_version),
    submittedAt: d.submitted_at,
  };
}
export type DocumentView = ReturnType<typeof documentView>;
