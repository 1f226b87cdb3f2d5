import { elementLifecycles } from '@licheng/client';
import { CURRICULUM_DESK_TAG, defineCurriculumDesk } from './curriculum-desk/curriculum-desk.ts';

export * from './curriculum-desk/curriculum-desk.ts';
export { curriculumMessages } from './messages.ts';

/**
 * 教學組 as a single-spa application: its screen is `<licheng-curriculum-desk>`. A root config
 * registers it with `() => import('@licheng/plugin-curriculum/web')` and passes `token`,
 * `apiBase` and `locale` as customProps.
 */
export const { bootstrap, mount, unmount, update } = elementLifecycles(CURRICULUM_DESK_TAG, { define: defineCurriculumDesk });
