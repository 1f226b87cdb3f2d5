import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import type { WorkingGroupRouter } from '../server/router.ts';

/** What the group's members, meetings and trainings procedures take and return, as the screens see them (types only). */
type Outputs = inferRouterOutputs<WorkingGroupRouter>;
type Inputs = inferRouterInputs<WorkingGroupRouter>;

export type MemberList = Outputs['members']['list'];
export type Member = MemberList['members'][number];
export type MemberInput = Inputs['members']['add'];
export type MeetingList = Outputs['meetings']['list'];
export type Meeting = MeetingList['meetings'][number];
export type MeetingInput = Inputs['meetings']['save'];
export type MissingMeeting = MeetingList['missing'][number];
export type TrainingList = Outputs['trainings']['list'];
export type Training = TrainingList['trainings'][number];
export type TrainingInput = Inputs['trainings']['save'];
export type MissingTraining = TrainingList['missing'][number];
export type AttendanceReport = Outputs['trainings']['importAttendance'];

export type EvaluationOverview = Outputs['evaluation']['overview'];
export type AwardProposal = EvaluationOverview['proposals'][number];
export type ProposalInput = Inputs['evaluation']['propose'];
export type DecisionInput = Inputs['evaluation']['decide'];

export const groupPaths = {
  members: 'working-group.members.list',
  memberAdd: 'working-group.members.add',
  memberUpdate: 'working-group.members.update',
  memberEnd: 'working-group.members.end',
  meetings: 'working-group.meetings.list',
  meetingSave: 'working-group.meetings.save',
  meetingRemove: 'working-group.meetings.remove',
  trainings: 'working-group.trainings.list',
  trainingSave: 'working-group.trainings.save',
  trainingRemove: 'working-group.trainings.remove',
  attendanceImport: 'working-group.trainings.importAttendance',
  evaluation: 'working-group.evaluation.overview',
  evaluationPropose: 'working-group.evaluation.propose',
  evaluationWithdraw: 'working-group.evaluation.withdraw',
  evaluationDecide: 'working-group.evaluation.decide',
} as const;
