import { deleteStudentRows, type PluginRetention } from '@licheng/server';

/**
 * A graduate's 收件 rows purged with the portfolio after the retention period (ADR 0034): the
 * corrections, issues, items and returned paper forms naming the student (a return's scan is a
 * stored file the sweep removes once no row names it). Batches and rosters describe an import of the
 * whole school (their checksums name no stored object) and stay.
 */
export const receiptRetention: PluginRetention = {
  async purgeStudent(trx, school, studentId) {
    return [
      await deleteStudentRows(trx, 'receipt_corrections', school, studentId),
      await deleteStudentRows(trx, 'receipt_issues', school, studentId),
      await deleteStudentRows(trx, 'receipt_items', school, studentId),
      await deleteStudentRows(trx, 'receipt_paper_returns', school, studentId),
    ];
  },
};
