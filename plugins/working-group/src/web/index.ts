import { elementLifecycles } from '@licheng/client';
import { SCHEDULE_TAG } from './schedule/schedule.ts';

export * from './schedule/schedule.ts';
export { workingGroupMessages } from './messages.ts';

/**
 * 學習歷程工作小組 as a single-spa application: the office's screen is `<licheng-schedule>` in
 * full mode. A root config registers it with `() => import('@licheng/plugin-working-group/web')`
 * and passes `token`, `apiBase` and `locale` as customProps. The same element embeds anywhere
 * else (a portal sidebar with `compact`, the school website's schedule page).
 */
export const { bootstrap, mount, unmount, update } = elementLifecycles(SCHEDULE_TAG);
