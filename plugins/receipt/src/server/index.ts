import { definePlugin } from '@licheng/server';
import manifest from '../manifest.ts';
import { receiptMigrations } from './migrations.ts';
import { receiptRouter } from './router.ts';
import { receiptRoutes } from './routes.ts';

export { receiptRouter, type ReceiptRouter } from './router.ts';
export { unconfirmedReceipts } from './unconfirmed.ts';

/**
 * 收訖確認 (Receipt confirmation) as the server sees it. Add it to apps/server/src/plugins.ts and
 * enable 'receipt' in a school config's `plugins.enabled`.
 */
export default definePlugin({
  ...manifest,
  migrations: receiptMigrations,
  router: receiptRouter,
  routes: receiptRoutes,
});
