import { elementLifecycles } from '@licheng/client';
import './counseling-desk/counseling-desk.ts';

export * from './counseling-desk/counseling-desk.ts';
export * from './advisee-panel/advisee-panel.ts';
export { counselingMessages } from './messages.ts';

/**
 * 輔導室 as a single-spa application: the screen is `<licheng-counseling-desk>` (counseling staff
 * and course consultants). A root config registers it with
 * `() => import('@licheng/plugin-counseling/web')` and passes `token`, `apiBase` and `locale`.
 */
export const { bootstrap, mount, unmount, update } = elementLifecycles('licheng-counseling-desk');
