import { definePlugin } from '@licheng/server';
import manifest from '../manifest.ts';
import { receiptMigrations } from './migrations.ts';
import { receiptRouter } from './router.ts';
import { receiptRoutes } from './routes.ts';
import { deemedConfirmationJob } from './deemed-confirmed.ts';
import { correctionsPendingSubmission } from './corrections.ts';
import { receiptRetention } from './retention.ts';

export { receiptRouter, type ReceiptRouter } from './router.ts';
export { unconfirmedReceipts } from './unconfirmed.ts';
export { correctionsPendingSubmission, type PendingCorrection } from './corrections.ts';
export { deemedConfirmationJob, recordDeemedConfirmations } from './deemed-confirmed.ts';

/**
 * 收訖確認 (Receipt confirmation) as the server sees it. Add it to apps/server/src/plugins.ts and
 * enable 'receipt' in a school config's `plugins.enabled`.
 */
export default definePlugin({
  ...manifest,
  migrations: receiptMigrations,
  retention: receiptRetention,
  router: receiptRouter,
  routes: receiptRoutes,
  // 視同確認: items nobody answered are recorded as deemed confirmed once their window has ended.
  jobs: ({ db, config }) => [deemedConfirmationJob({ db, school: config.code })],
  // What the registry's "what changed since" lists beside the diff: records corrected after an issue.
  services: { pendingCorrections: correctionsPendingSubmission },
});
