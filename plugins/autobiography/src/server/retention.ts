import { deleteStudentRows, type PluginRetention } from '@licheng/server';

/**
 * A graduate's 自傳 and 學習計畫 purged with the portfolio after the retention period (ADR 0034):
 * every check and saved version of each of the student's documents, then the documents. The
 * mirror row in the platform's records is the platform's to delete.
 */
export const autobiographyRetention: PluginRetention = {
  async purgeStudent(trx, school, studentId) {
    const documents = trx.selectFrom('autobiography_documents').select('id').where('school_code', '=', school).where('student_id', '=', studentId);
    const checks = await trx.deleteFrom('autobiography_checks').where('school_code', '=', school).where('document_id', 'in', documents).executeTakeFirst();
    const versions = await trx.deleteFrom('autobiography_versions').where('school_code', '=', school).where('document_id', 'in', documents).executeTakeFirst();
    return [
      { table: 'autobiography_checks', rows: Number(checks.numDeletedRows) },
      { table: 'autobiography_versions', rows: Number(versions.numDeletedRows) },
      await deleteStudentRows(trx, 'autobiography_documents', school, studentId),
    ];
  },
};
