import { router } from '@licheng/server';
import { meetingsList } from './procedures/meetings-list.ts';
import { meetingsRemove } from './procedures/meetings-remove.ts';
import { meetingsSave } from './procedures/meetings-save.ts';
import { membersAdd } from './procedures/members-add.ts';
import { membersEnd } from './procedures/members-end.ts';
import { membersList } from './procedures/members-list.ts';
import { membersUpdate } from './procedures/members-update.ts';
import { scheduleList } from './procedures/schedule-list.ts';
import { trainingsImportAttendance } from './procedures/trainings-import-attendance.ts';
import { trainingsList } from './procedures/trainings-list.ts';
import { trainingsRemove } from './procedures/trainings-remove.ts';
import { trainingsSave } from './procedures/trainings-save.ts';
import { proxiesRouters } from './proxies-router.ts';

/** Mounted by the server as `working-group.*`: the schedule, the group's members, meetings and trainings, and the proxies (代理人). */
export const workingGroupRouter = router({
  schedule: router({ list: scheduleList }),
  members: router({ list: membersList, add: membersAdd, update: membersUpdate, end: membersEnd }),
  meetings: router({ list: meetingsList, save: meetingsSave, remove: meetingsRemove }),
  trainings: router({ list: trainingsList, save: trainingsSave, remove: trainingsRemove, importAttendance: trainingsImportAttendance }),
  ...proxiesRouters,
});

export type WorkingGroupRouter = typeof workingGroupRouter;
