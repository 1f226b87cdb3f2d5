import { router } from '@licheng/server';
import { progressClass } from './procedures/progress-class.ts';
import { progressClasses } from './procedures/progress-classes.ts';
import { remindersDismiss } from './procedures/reminders-dismiss.ts';
import { remindersMine } from './procedures/reminders-mine.ts';
import { remindersSend } from './procedures/reminders-send.ts';

/** Mounted by the server as `homeroom.*`: `homeroom.progress.classes`, `homeroom.progress.class`, `homeroom.reminders.{send,mine,dismiss}`. */
export const homeroomRouter = router({
  progress: router({ classes: progressClasses, class: progressClass }),
  reminders: router({ send: remindersSend, mine: remindersMine, dismiss: remindersDismiss }),
});

export type HomeroomRouter = typeof homeroomRouter;
