import { elementLifecycles } from '@licheng/client';
import './registry-app/registry-app.ts';

export * from './registry-app/registry-app.ts';
export * from './registry-desk/registry-desk.ts';
export * from './my-grades/my-grades.ts';
export * from './grade-records/grade-records.ts';
export * from './status-changes/status-changes.ts';
export * from './grade-appeals/grade-appeals.ts';
export * from './roster-import/roster-import.ts';
export * from './roster-export/roster-export.ts';
export * from './audit-trail/audit-trail.ts';
export { registryMessages } from './messages.ts';

/**
 * 註冊組 as a single-spa application: the whole screen is `<licheng-registry-app>` (the desk
 * for registry staff, `<licheng-my-grades>` for students). A root
 * config registers it with `() => import('@licheng/plugin-registry/web')` and passes `token`,
 * `apiBase` and `locale` as customProps.
 */
export const { bootstrap, mount, unmount, update } = elementLifecycles('licheng-registry-app');
