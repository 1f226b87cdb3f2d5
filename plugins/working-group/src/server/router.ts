import { router } from '@licheng/server';
import { scheduleList } from './procedures/schedule-list.ts';

/** Mounted by the server as `working-group.*`: `working-group.schedule.list`. */
export const workingGroupRouter = router({
  schedule: router({ list: scheduleList }),
});

export type WorkingGroupRouter = typeof workingGroupRouter;
