import { router } from '@licheng/server';
import { dashboardProgress } from './procedures/dashboard-progress.ts';
import { selfCheckAnswer } from './procedures/self-check-answer.ts';
import { selfCheckGet } from './procedures/self-check-get.ts';
import { evaluationDecide } from './procedures/evaluation-decide.ts';
import { evaluationOverview } from './procedures/evaluation-overview.ts';
import { evaluationPropose } from './procedures/evaluation-propose.ts';
import { evaluationWithdraw } from './procedures/evaluation-withdraw.ts';
import { meetingsList } from './procedures/meetings-list.ts';
import { meetingsRemove } from './procedures/meetings-remove.ts';
import { meetingsSave } from './procedures/meetings-save.ts';
import { membersAdd } from './procedures/members-add.ts';
import { membersEnd } from './procedures/members-end.ts';
import { membersList } from './procedures/members-list.ts';
import { membersUpdate } from './procedures/members-update.ts';
import { scheduleList } from './procedures/schedule-list.ts';
import { schedulePublic } from './procedures/schedule-public.ts';
import { proxiesRouters } from './proxies-router.ts';
import { scheduleLoad } from './procedures/schedule-load.ts';
import { scheduleRemove } from './procedures/schedule-remove.ts';
import { scheduleRestore } from './procedures/schedule-restore.ts';
import { scheduleSave } from './procedures/schedule-save.ts';
import { scheduleWindows } from './procedures/schedule-windows.ts';
import { trainingsImportAttendance } from './procedures/trainings-import-attendance.ts';
import { trainingsList } from './procedures/trainings-list.ts';
import { trainingsRemove } from './procedures/trainings-remove.ts';
import { trainingsSave } from './procedures/trainings-save.ts';

/**
 * Mounted by the server as `working-group.*`: `working-group.schedule.list` (everyone of the
 * school); `schedule.public` (no sign-in, when the school publishes its schedule); the schedule
 * editor's `windows`, `save`, `remove`, `restore` and `load`; the group's members, meetings and
 * trainings; the self-check (自我檢核表) and the progress dashboard; the evaluation and award
 * proposals (成效評核及獎勵); and the proxies (代理人) — all but the list and the public schedule
 * for the working group and the admin.
 */
export const workingGroupRouter = router({
  schedule: router({ list: scheduleList, public: schedulePublic, windows: scheduleWindows, save: scheduleSave, remove: scheduleRemove, restore: scheduleRestore, load: scheduleLoad }),
  members: router({ list: membersList, add: membersAdd, update: membersUpdate, end: membersEnd }),
  meetings: router({ list: meetingsList, save: meetingsSave, remove: meetingsRemove }),
  trainings: router({ list: trainingsList, save: trainingsSave, remove: trainingsRemove, importAttendance: trainingsImportAttendance }),
  selfCheck: router({ get: selfCheckGet, answer: selfCheckAnswer }),
  dashboard: router({ progress: dashboardProgress }),
  evaluation: router({ overview: evaluationOverview, propose: evaluationPropose, withdraw: evaluationWithdraw, decide: evaluationDecide }),
  ...proxiesRouters,
});

export type WorkingGroupRouter = typeof workingGroupRouter;
