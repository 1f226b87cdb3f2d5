import { router } from '@licheng/server';
import { batchesImport } from './procedures/batches-import.ts';
import { batchesList } from './procedures/batches-list.ts';
import { batchesProgress } from './procedures/batches-progress.ts';
import { batchesReconcile } from './procedures/batches-reconcile.ts';
import { confirm } from './procedures/confirm.ts';
import { issuesList } from './procedures/issues-list.ts';
import { issuesAccept } from './procedures/issues-accept.ts';
import { issuesAnswer } from './procedures/issues-answer.ts';
import { mine } from './procedures/mine.ts';
import { paperFormsCreate } from './procedures/paper-forms-create.ts';
import { paperFormsList } from './procedures/paper-forms-list.ts';
import { paperReturnsList } from './procedures/paper-returns-list.ts';
import { paperReturnsRecord } from './procedures/paper-returns-record.ts';
import { paperReturnsScan } from './procedures/paper-returns-scan.ts';
import { paperReturnsWithdraw } from './procedures/paper-returns-withdraw.ts';
import { raiseIssue } from './procedures/raise-issue.ts';

/** Mounted by the server as `receipt.*`. */
export const receiptRouter = router({
  batches: router({ import: batchesImport, list: batchesList, progress: batchesProgress, reconcile: batchesReconcile }),
  issues: router({ list: issuesList, answer: issuesAnswer, accept: issuesAccept }),
  paperForms: router({ list: paperFormsList, create: paperFormsCreate }),
  paperReturns: router({ list: paperReturnsList, record: paperReturnsRecord, withdraw: paperReturnsWithdraw, scan: paperReturnsScan }),
  mine,
  confirm,
  raiseIssue,
});

export type ReceiptRouter = typeof receiptRouter;
