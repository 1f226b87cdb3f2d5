import { elementLifecycles } from '@licheng/client';
import { WORKING_GROUP_DESK_TAG } from './working-group-desk/working-group-desk.ts';

// The desk and the published schedule come with the office; the desk's other sections (the
// schedule editor, members, meetings, trainings, proxies) load when their tab is first opened.
// A page that shows one of them on its own imports its file: `@licheng/plugin-working-group/web/<section>/<section>.ts`.
export * from './schedule/schedule.ts';
export * from './working-group-desk/working-group-desk.ts';
// The deadline reminders the portal shows above every screen to students and teachers (manifest `reminders`).
export * from './deadline-reminders/deadline-reminders.ts';
export { workingGroupMessages } from './messages.ts';

/**
 * 學習歷程工作小組 as a single-spa application: the office's screen is
 * `<licheng-working-group-desk>`. A root config registers it with
 * `() => import('@licheng/plugin-working-group/web')` and passes `token`, `apiBase` and `locale`
 * as customProps. `<licheng-schedule>` embeds anywhere else on its own (a portal sidebar with
 * `compact`, the school website's schedule page).
 */
export const { bootstrap, mount, unmount, update } = elementLifecycles(WORKING_GROUP_DESK_TAG);
