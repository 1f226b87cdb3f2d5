import { elementLifecycles } from '@licheng/client';
import './practicum-desk/practicum-desk.ts';

export * from './practicum-desk/practicum-desk.ts';
export { practicumMessages } from './messages.ts';

/**
 * 實習處 as a single-spa application: the whole screen is `<licheng-practicum-desk>`. A root
 * config registers it with `() => import('@licheng/plugin-practicum/web')` and passes `token`,
 * `apiBase` and `locale` as customProps.
 */
export const { bootstrap, mount, unmount, update } = elementLifecycles('licheng-practicum-desk');
