import { elementLifecycles } from '@licheng/client';
import './class-progress/class-progress.ts';
import './homeroom-reminder/homeroom-reminder.ts';

export * from './class-progress/class-progress.ts';
export * from './homeroom-reminder/homeroom-reminder.ts';
export { homeroomMessages } from './messages.ts';

/**
 * 導師 (Homeroom) as a single-spa application: the whole screen is `<licheng-class-progress>`.
 * A root config registers it with `() => import('@licheng/plugin-homeroom/web')` and passes
 * `token`, `apiBase` and `locale` as customProps.
 */
export const { bootstrap, mount, unmount, update } = elementLifecycles('licheng-class-progress');
