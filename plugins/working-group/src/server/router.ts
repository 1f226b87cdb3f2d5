import { router } from '@licheng/server';
import { scheduleList } from './procedures/schedule-list.ts';
import { proxiesRouters } from './proxies-router.ts';

/** Mounted by the server as `working-group.*`: `working-group.schedule.list`, the proxies (代理人) procedures. */
export const workingGroupRouter = router({
  schedule: router({ list: scheduleList }),
  ...proxiesRouters,
});

export type WorkingGroupRouter = typeof workingGroupRouter;
