import { DomainError, type AwardLevel, type AwardOutcome } from '@licheng/core';
import type { DialectName } from '@licheng/db';
import { lockSchoolRow } from '../record-locks.ts';
import type { Kysely } from 'kysely';
import type { AwardDecisionRow, AwardProposalRow, WorkingGroupDatabase } from '../tables.ts';

/** A proposal with the group's decision on it, as the screens and the Excel file show it. */
export interface AwardProposalView {
  id: string;
  academicYear: number;
  subjectKind: 'person' | 'office';
  subjectId: string | null;
  subjectName: string;
  level: AwardLevel;
  times: number;
  reason: string;
  figures: unknown;
  proposedBy: string;
  proposedByName: string;
  proposedAt: string;
  withdrawnAt: string | null;
  decision: {
    outcome: AwardOutcome;
    level: AwardLevel | null;
    times: number | null;
    meetingId: string;
    meetingDate: string;
    note: string;
    decidedByName: string;
    decidedAt: string;
  } | null;
}

export function proposalView(row: AwardProposalRow, decision: AwardDecisionRow | undefined): AwardProposalView {
  return {
    id: row.id,
    academicYear: row.academic_year,
    subjectKind: row.subject_kind as 'person' | 'office',
    subjectId: row.subject_id,
    subjectName: row.subject_name,
    level: row.award_level as AwardLevel,
    times: row.award_times,
    reason: row.reason,
    figures: row.figures ? JSON.parse(row.figures) : null,
    proposedBy: row.proposed_by,
    proposedByName: row.proposed_by_name,
    proposedAt: row.proposed_at,
    withdrawnAt: row.withdrawn_at,
    decision: decision
      ? {
          outcome: decision.outcome as AwardOutcome,
          level: decision.award_level as AwardLevel | null,
          times: decision.award_times,
          meetingId: decision.meeting_id,
          meetingDate: decision.meeting_date,
          note: decision.note,
          decidedByName: decision.decided_by_name,
          decidedAt: decision.decided_at,
        }
      : null,
  };
}

/** The year's proposals with their decisions, oldest first. */
export async function yearProposals(db: Kysely<WorkingGroupDatabase>, school: string, academicYear: number): Promise<AwardProposalView[]> {
  const rows = await db.selectFrom('working_group_award_proposals').selectAll().where('school_code', '=', school).where('academic_year', '=', academicYear).orderBy('proposed_at').orderBy('id').execute();
  const decisions = rows.length
    ? await db.selectFrom('working_group_award_decisions').selectAll().where('school_code', '=', school).where('proposal_id', 'in', rows.map((r) => r.id)).execute()
    : [];
  const byProposal = new Map(decisions.map((d) => [d.proposal_id, d]));
  return rows.map((r) => proposalView(r, byProposal.get(r.id)));
}

/** The proposal `id` of the school, locked for the caller's transaction, with its decision if any; not found otherwise. */
export async function lockProposal(db: Kysely<WorkingGroupDatabase>, dialect: DialectName, school: string, id: string): Promise<{ row: AwardProposalRow; decision: AwardDecisionRow | undefined }> {
  const row = await lockSchoolRow(db, dialect, 'working_group_award_proposals', school, id);
  const decision = await db.selectFrom('working_group_award_decisions').selectAll().where('proposal_id', '=', id).executeTakeFirst();
  return { row, decision };
}

/** The serving executive secretary (執行秘書) of the year in the members table (ADR 0022), or undefined. */
export async function executiveSecretary(db: Kysely<WorkingGroupDatabase>, school: string, academicYear: number) {
  return db
    .selectFrom('working_group_members')
    .select(['id', 'name', 'user_id'])
    .where('school_code', '=', school)
    .where('academic_year', '=', academicYear)
    .where('single_role', '=', 'executive-secretary')
    .executeTakeFirst();
}

/** Refuses unless the caller is the year's serving executive secretary (wg-not-executive-secretary). */
export async function assertExecutiveSecretary(db: Kysely<WorkingGroupDatabase>, school: string, academicYear: number, userId: string): Promise<void> {
  const secretary = await executiveSecretary(db, school, academicYear);
  if (!secretary || secretary.user_id !== userId) throw new DomainError('wg-not-executive-secretary', { academicYear });
}
