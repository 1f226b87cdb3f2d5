import { elementLifecycles } from '@licheng/client';
import './student-app/student-app.ts';

export * from './student-app/student-app.ts';
export * from './my-outcomes/my-outcomes.ts';
export * from './outcome-upload/outcome-upload.ts';
export * from './outcome-selection/outcome-selection.ts';
export * from './my-portfolio/my-portfolio.ts';
export * from './my-performances/my-performances.ts';
export * from './performance-selection/performance-selection.ts';
export * from './portfolio-consent/portfolio-consent.ts';
export { studentMessages } from './messages.ts';

/**
 * 學生 as a single-spa application: the whole screen is `<licheng-student-app>`. A root config
 * registers it with `() => import('@licheng/plugin-student/web')` and passes `token`,
 * `apiBase` and `locale` as customProps.
 */
export const { bootstrap, mount, unmount, update } = elementLifecycles('licheng-student-app');
