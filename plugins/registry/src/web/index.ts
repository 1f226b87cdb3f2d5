import { elementLifecycles } from '@licheng/client';
import './registry-app/registry-app.ts';

export * from './registry-app/registry-app.ts';
export { registryMessages } from './messages.ts';
// The desk and the student's screen (and the desk's sections) load with the user who needs them
// (registry-app); a page that shows one on its own imports its file:
// `@licheng/plugin-registry/web/<part>/<part>.ts`.

/**
 * 註冊組 as a single-spa application: the whole screen is `<licheng-registry-app>` (the desk
 * for registry staff, `<licheng-my-grades>` for students). A root
 * config registers it with `() => import('@licheng/plugin-registry/web')` and passes `token`,
 * `apiBase` and `locale` as customProps.
 */
export const { bootstrap, mount, unmount, update } = elementLifecycles('licheng-registry-app');
