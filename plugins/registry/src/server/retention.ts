import { deleteStudentRows, type PluginRetention } from '@licheng/server';

/**
 * A graduate's 成績 and 成績複查 purged with the portfolio after the retention period (ADR 0034).
 * Kept on purpose: `roster_snapshots` and `roster_exports`, the school's evidence of what it
 * submitted (append-only, ADR 0034 says why), and 學籍異動 (`status_changes`, the platform's, which
 * date the purge itself).
 */
export const registryRetention: PluginRetention = {
  async purgeStudent(trx, school, studentId) {
    return [await deleteStudentRows(trx, 'grade_appeals', school, studentId), await deleteStudentRows(trx, 'course_grades', school, studentId)];
  },
};
