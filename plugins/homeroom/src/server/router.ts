import { router } from '@licheng/server';
import { progressClass } from './procedures/progress-class.ts';
import { progressClasses } from './procedures/progress-classes.ts';

/** Mounted by the server as `homeroom.*`: `homeroom.progress.classes`, `homeroom.progress.class`. */
export const homeroomRouter = router({
  progress: router({ classes: progressClasses, class: progressClass }),
});

export type HomeroomRouter = typeof homeroomRouter;
