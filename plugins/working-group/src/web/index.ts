import { elementLifecycles } from '@licheng/client';
import { WORKING_GROUP_DESK_TAG } from './working-group-desk/working-group-desk.ts';

export * from './schedule/schedule.ts';
export * from './proxies/proxies.ts';
export * from './schedule-editor/schedule-editor.ts';
export * from './working-group-desk/working-group-desk.ts';
export * from './group-members/group-members.ts';
export * from './group-meetings/group-meetings.ts';
export * from './group-trainings/group-trainings.ts';
export { groupMessages } from './group-messages.ts';
export { workingGroupMessages } from './messages.ts';

/**
 * 學習歷程工作小組 as a single-spa application: the office's screen is
 * `<licheng-working-group-desk>`. A root config registers it with
 * `() => import('@licheng/plugin-working-group/web')` and passes `token`, `apiBase` and `locale`
 * as customProps. `<licheng-schedule>` embeds anywhere else on its own (a portal sidebar with
 * `compact`, the school website's schedule page).
 */
export const { bootstrap, mount, unmount, update } = elementLifecycles(WORKING_GROUP_DESK_TAG);
