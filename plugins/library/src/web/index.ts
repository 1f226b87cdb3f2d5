import { elementLifecycles } from '@licheng/client';
import './library-desk/library-desk.ts';

export * from './library-desk/library-desk.ts';
export * from './library-reading/library-reading.ts';
export { libraryMessages } from './messages.ts';

/**
 * 圖書館 as a single-spa application: the screen is `<licheng-library-desk>` (a student sees
 * their own reading records in it). A root config registers it with
 * `() => import('@licheng/plugin-library/web')` and passes `token`, `apiBase` and `locale`.
 */
export const { bootstrap, mount, unmount, update } = elementLifecycles('licheng-library-desk');
