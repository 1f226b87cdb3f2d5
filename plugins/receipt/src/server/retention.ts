import { deleteStudentRows, type PluginRetention } from '@licheng/server';

/**
 * A graduate's 收件 rows purged with the portfolio after the retention period (ADR 0034): the
 * corrections, issues, items and returned paper forms naming the student; a return's scan (a
 * stored file) goes with it — the platform deletes its file row, the sweep its object. Batches and rosters describe an import of the
 * whole school (their checksums name no stored object) and stay.
 */
export const receiptRetention: PluginRetention = {
  async fileIdsOf(trx, school, studentId) {
    const rows = await trx.selectFrom('receipt_paper_returns').select('scan_file_id').where('school_code', '=', school).where('student_id', '=', studentId).where('scan_file_id', 'is not', null).execute();
    return rows.map((r: { scan_file_id: string }) => r.scan_file_id);
  },
  fileColumns: [{ table: 'receipt_paper_returns', column: 'scan_file_id' }],
  async purgeStudent(trx, school, studentId) {
    return [
      await deleteStudentRows(trx, 'receipt_corrections', school, studentId),
      await deleteStudentRows(trx, 'receipt_issues', school, studentId),
      await deleteStudentRows(trx, 'receipt_items', school, studentId),
      await deleteStudentRows(trx, 'receipt_paper_returns', school, studentId),
    ];
  },
};
