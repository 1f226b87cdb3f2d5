import type { RosterBatch, RosterId, SnapshotStudent } from '@licheng/core';
import type { PlatformDatabase } from '@licheng/server';
import type { Kysely } from 'kysely';
import { latestSnapshot, type SnapshotSummary } from './submissions.ts';

export type SubmittedSnapshot = SnapshotSummary & { content: SnapshotStudent[] };

/**
 * The last snapshot submitted of a roster and batch (core roster-layouts: `rosterOfNumber` maps a
 * 名冊別 to them) in an academic year — of a term roster, in that semester; of a year roster
 * (semester 0 on its cover), in either term's window — with each
 * student's rows per sheet; null when none was submitted. A small public read for the receipt
 * office's reconciliation, through `@licheng/plugin-registry/server`; call it only when the
 * school enables 'registry' (its tables exist then).
 */
export async function submittedSnapshot(db: Kysely<PlatformDatabase>, school: string, query: { roster: RosterId; batch: RosterBatch; academicYear: number; semester: number }): Promise<SubmittedSnapshot | null> {
  return latestSnapshot(db, school, { roster: query.roster, batch: query.batch, academicYear: query.academicYear, ...(query.semester === 0 ? {} : { semester: query.semester }) });
}
