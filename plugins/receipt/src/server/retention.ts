import { deleteStudentRows, type PluginRetention } from '@licheng/server';

/**
 * A graduate's 收件 rows purged with the portfolio after the retention period (ADR 0034): the
 * corrections, issues and items naming the student. Batches and rosters describe an import of the
 * whole school (their checksums name no stored object) and stay.
 */
export const receiptRetention: PluginRetention = {
  async purgeStudent(trx, school, studentId) {
    return [
      await deleteStudentRows(trx, 'receipt_corrections', school, studentId),
      await deleteStudentRows(trx, 'receipt_issues', school, studentId),
      await deleteStudentRows(trx, 'receipt_items', school, studentId),
    ];
  },
};
