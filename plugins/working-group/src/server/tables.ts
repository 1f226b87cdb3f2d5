import type { Kysely, Selectable } from 'kysely';
import type { PlatformDatabase } from '@licheng/server';

/** 工作小組成員 — one member of the group in one academic year; ended, never deleted. */
export interface MemberTable {
  id: string;
  school_code: string;
  academic_year: number;
  name: string;
  title: string; // 職稱, e.g. 教務主任
  representing: string; // 處室或代表別, e.g. 教務處, 家長代表
  group_role: string; // GroupRole
  single_role: string | null; // group_role while a convenor or executive secretary serves; else null
  user_id: string | null;
  ended_on: string | null; // ISO date the membership ended
  created_by: string;
  created_at: string;
  updated_at: string;
}

/** 工作小組會議 — one meeting with its agenda, minutes, decisions and attendance. */
export interface MeetingTable {
  id: string;
  school_code: string;
  academic_year: number;
  semester: number;
  meeting_date: string;
  place: string;
  agenda: string;
  minutes: string;
  decisions: string; // JSON Decision[]
  attendance: string; // JSON Record<memberId, AttendanceState>
  updated_by: string;
  updated_by_name: string;
  updated_at: string;
}

/** 研習與宣導 — a student training, teacher workshop or parent session of a semester. */
export interface TrainingTable {
  id: string;
  school_code: string;
  academic_year: number;
  semester: number;
  kind: string; // TrainingKind
  title: string;
  owner_office: string; // 承辦處室
  planned_date: string | null;
  held_date: string | null;
  attendance_count: number | null;
  attendance_source: string | null; // 'count' | 'sheet'
  attendees: string | null; // JSON Attendee[] of an imported list
  updated_by: string;
  updated_at: string;
}

/** 自我檢核表 — an item answered by hand for one school term. */
export interface SelfCheckTable {
  id: string;
  school_code: string;
  academic_year: number;
  semester: number;
  item_id: string;
  list_version: string;
  answer: string; // 'yes' | 'no'
  note: string;
  answered_by: string;
  answered_by_name: string;
  answered_at: string;
}

/** 敘獎建議 — the executive secretary's award proposal for a person or an office of a year. */
export interface AwardProposalTable {
  id: string;
  school_code: string;
  academic_year: number;
  subject_kind: string; // 'person' | 'office'
  subject_id: string | null;
  subject_name: string;
  award_level: string; // AwardLevel
  award_times: number;
  reason: string;
  figures: string | null; // JSON snapshot of the subject's figures
  proposed_by: string;
  proposed_by_name: string;
  proposed_at: string;
  withdrawn_at: string | null;
  updated_at: string;
}

/** 工作小組決議 on one proposal: approved, changed (to award_level × award_times) or rejected, at a meeting. */
export interface AwardDecisionTable {
  id: string;
  school_code: string;
  proposal_id: string;
  outcome: string; // AwardOutcome
  award_level: string | null;
  award_times: number | null;
  meeting_id: string;
  meeting_date: string;
  note: string;
  decided_by: string;
  decided_by_name: string;
  decided_at: string;
}

/** The office's own tables; a type alias, not an interface: Kysely's `withTables` needs an indexable type. */
export type WorkingGroupTables = {
  working_group_members: MemberTable;
  working_group_meetings: MeetingTable;
  working_group_trainings: TrainingTable;
  working_group_self_checks: SelfCheckTable;
  working_group_award_proposals: AwardProposalTable;
  working_group_award_decisions: AwardDecisionTable;
};

export type WorkingGroupDatabase = PlatformDatabase & WorkingGroupTables;
export type MemberRow = Selectable<MemberTable>;
export type MeetingRow = Selectable<MeetingTable>;
export type TrainingRow = Selectable<TrainingTable>;
export type AwardProposalRow = Selectable<AwardProposalTable>;
export type AwardDecisionRow = Selectable<AwardDecisionTable>;

/** The procedure context's database, typed with this office's tables too. */
export function workingGroupDb(db: Kysely<PlatformDatabase>): Kysely<WorkingGroupDatabase> {
  return db.withTables<WorkingGroupTables>();
}
export type SelfCheckRow = Selectable<SelfCheckTable>;
