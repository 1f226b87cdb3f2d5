import { elementLifecycles } from '@licheng/client';
import './certification-queue/certification-queue.ts';

export * from './certification-queue/certification-queue.ts';
export { teachingMessages } from './messages.ts';

/**
 * 任課教師認證 as a single-spa application: the whole screen is `<licheng-certification-queue>`.
 * A root config registers it with `() => import('@licheng/plugin-teaching/web')` and passes
 * `token`, `apiBase` and `locale` as customProps.
 */
export const { bootstrap, mount, unmount, update } = elementLifecycles('licheng-certification-queue');
