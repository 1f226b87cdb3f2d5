import type { SnapshotStudent } from '@licheng/core';
import type { PlatformDatabase } from '@licheng/server';
import type { Kysely } from 'kysely';
import { latestSnapshot, type SnapshotSummary } from './submissions.ts';

export type SubmittedSnapshot = SnapshotSummary & { content: SnapshotStudent[] };

/**
 * The last snapshot submitted of a roster kind (名冊別) in an academic year — of a term roster,
 * in that semester; of a year roster (semester 0 on its cover), in either — with each
 * student's rows per sheet; null when none was submitted. A small public read for the receipt
 * office's reconciliation, through `@licheng/plugin-registry/server`; call it only when the
 * school enables 'registry' (its tables exist then).
 */
export async function submittedSnapshot(db: Kysely<PlatformDatabase>, school: string, query: { kind: number; academicYear: number; semester: number }): Promise<SubmittedSnapshot | null> {
  return latestSnapshot(db, school, { kind: query.kind, academicYear: query.academicYear, ...(query.semester === 0 ? {} : { semester: query.semester }) });
}
