import { elementLifecycles } from '@licheng/client';
import './practicum-app/practicum-app.ts';

export * from './practicum-app/practicum-app.ts';
export * from './practicum-desk/practicum-desk.ts';
export * from './practicum-mine/practicum-mine.ts';
export * from './practicum-pending/practicum-pending.ts';
export { practicumMessages } from './messages.ts';

/**
 * 實習處 as a single-spa application: the whole screen is `<licheng-practicum-app>` (the desk and
 * the certificates to certify for practicum staff, their own records for students). A root
 * config registers it with `() => import('@licheng/plugin-practicum/web')` and passes `token`,
 * `apiBase` and `locale` as customProps.
 */
export const { bootstrap, mount, unmount, update } = elementLifecycles('licheng-practicum-app');
