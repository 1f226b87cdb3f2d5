import { elementLifecycles } from '@licheng/client';
import './autobiography-app/autobiography-app.ts';

export * from './autobiography-app/autobiography-app.ts';
export * from './autobiography-editor/autobiography-editor.ts';
export * from './autobiography-checks/autobiography-checks.ts';
export { autobiographyMessages } from './messages.ts';

/**
 * 自傳與學習計畫 as a single-spa application: the screen is `<licheng-autobiography-app>` (the
 * editor for students, the checks for the school's checker). A root config registers it with
 * `() => import('@licheng/plugin-autobiography/web')` and passes `token`, `apiBase` and `locale`.
 */
export const { bootstrap, mount, unmount, update } = elementLifecycles('licheng-autobiography-app');
