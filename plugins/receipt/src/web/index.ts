import { elementLifecycles } from '@licheng/client';
import './receipt-app/receipt-app.ts';

export * from './receipt-app/receipt-app.ts';
export * from './receipt-reminder/receipt-reminder.ts';
export * from './receipt-desk/receipt-desk.ts';
export * from './receipt-issues/receipt-issues.ts';
export { receiptMessages } from './messages.ts';
// A chosen batch's sections (reconciliation, paper forms and their returns) load with the desk
// when it first shows; a page that shows one on its own imports its file:
// `@licheng/plugin-receipt/web/<part>/<part>.ts`.

/**
 * 收訖確認 as a single-spa application: the whole screen is `<licheng-receipt-app>` (the desk
 * for registry staff, the receipt for students). A root config registers it with
 * `() => import('@licheng/plugin-receipt/web')` and passes `token`, `apiBase` and `locale` as
 * customProps. `<licheng-receipt-reminder>` is also a widget of its own for a host's sign-in page.
 */
export const { bootstrap, mount, unmount, update } = elementLifecycles('licheng-receipt-app');
