import { router } from '@licheng/server';
import { scheduleList } from './procedures/schedule-list.ts';
import { scheduleLoad } from './procedures/schedule-load.ts';
import { scheduleRemove } from './procedures/schedule-remove.ts';
import { scheduleRestore } from './procedures/schedule-restore.ts';
import { scheduleSave } from './procedures/schedule-save.ts';
import { scheduleWindows } from './procedures/schedule-windows.ts';

/**
 * Mounted by the server as `working-group.*`: `working-group.schedule.list` (everyone of the
 * school), and the schedule editor's `windows`, `save`, `remove`, `restore` and `load`
 * (the working group and the admin).
 */
export const workingGroupRouter = router({
  schedule: router({ list: scheduleList, windows: scheduleWindows, save: scheduleSave, remove: scheduleRemove, restore: scheduleRestore, load: scheduleLoad }),
});

export type WorkingGroupRouter = typeof workingGroupRouter;
