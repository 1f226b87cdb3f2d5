import { elementLifecycles } from '@licheng/client';
import './competitions-desk/competitions-desk.ts';

export * from './competitions-desk/competitions-desk.ts';
export { competitionsMessages } from './messages.ts';

/**
 * 校內競賽 as a single-spa application: the whole screen is `<licheng-competitions-desk>`. A root
 * config registers it with `() => import('@licheng/plugin-competitions/web')` and passes `token`,
 * `apiBase` and `locale` as customProps.
 */
export const { bootstrap, mount, unmount, update } = elementLifecycles('licheng-competitions-desk');
