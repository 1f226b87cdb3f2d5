import { elementLifecycles } from '@licheng/client';
import { defineNotices, NOTICES_TAG } from './notices-element.ts';

export { LichengNoticesElement, defineNotices, NOTICES_TAG } from './notices-element.ts';

/**
 * The office as a single-spa application: its screen is the notices element. A root config
 * registers it with `() => import('@licheng/plugin-curriculum/web')` and passes `token`,
 * `apiBase` and `locale` as customProps.
 */
export const { bootstrap, mount, unmount, update } = elementLifecycles(NOTICES_TAG, { define: defineNotices });
