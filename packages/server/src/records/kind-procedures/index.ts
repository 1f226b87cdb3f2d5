import { router } from '../../trpc.ts';
import { recordCorrectProcedure } from './correct.ts';
import { recordDecideProcedure } from './decide.ts';
import { recordEnterProcedure } from './enter.ts';
import { recordImportCommitProcedure } from './import-commit.ts';
import { recordImportPreviewProcedure } from './import-preview.ts';
import { recordKindsProcedure } from './kinds.ts';
import { recordListProcedure } from './list.ts';
import { recordReopenProcedure } from './reopen.ts';
import { resolveKinds, type RecordKindProceduresOptions } from './mounted-kinds.ts';
import { recordWithdrawProcedure } from './withdraw.ts';

export type * from './types.ts';
export type { RecordChangeCheck, RecordKindProceduresOptions, RecordWrite, RecordWriteCheck } from './mounted-kinds.ts';
// The single procedures, for an office that mounts some of them with its own entry (the student's performances).
export { recordCorrectProcedure, recordKindsProcedure, recordListProcedure, recordWithdrawProcedure, resolveKinds };
export { checkedData, countPerformancesTowardCap, enterKindRecord, performanceCapGuard, type KindEntry } from './enter.ts';

/**
 * The procedures an office mounts for the record kinds it keeps, e.g.
 * `router({ records: recordKindProcedures({ kinds: ['cadre', 'attendance'] }) })` → `<office>.records.*`:
 * kinds, list, enter, correct, withdraw, importPreview, importCommit, and for the kinds the
 * school certifies decide (認證: pass / fail with a reason) and reopen (the certifier's own decision). Every one of them applies
 * the one permission rule (scope.ts); see docs/adding-an-office.md.
 */
export function recordKindProcedures(options: RecordKindProceduresOptions) {
  const kinds = resolveKinds(options);
  return router({
    kinds: recordKindsProcedure(kinds),
    list: recordListProcedure(kinds),
    enter: recordEnterProcedure(kinds, options.inTransaction),
    correct: recordCorrectProcedure(kinds, undefined, options.inTransaction),
    withdraw: recordWithdrawProcedure(kinds),
    importPreview: recordImportPreviewProcedure(kinds),
    importCommit: recordImportCommitProcedure(kinds),
    decide: recordDecideProcedure(kinds),
    reopen: recordReopenProcedure(kinds),
  });
}
export { recordKindRoutes } from './routes.ts';
