import { elementLifecycles } from '@licheng/client';
import './affairs-desk/affairs-desk.ts';

export * from './affairs-desk/affairs-desk.ts';
export * from './affairs-desk/certify-list.ts';
export { studentAffairsMessages } from './messages.ts';

/**
 * 學務處 as a single-spa application: the whole screen is `<licheng-student-affairs-desk>`. A
 * root config registers it with `() => import('@licheng/plugin-student-affairs/web')` and passes
 * `token`, `apiBase` and `locale` as customProps.
 */
export const { bootstrap, mount, unmount, update } = elementLifecycles('licheng-student-affairs-desk');
