import { deleteStudentRows, type PluginRetention } from '@licheng/server';

/** A graduate's 學習歷程 consents (portfolio_consents) purged with the portfolio after the retention period (ADR 0034). */
export const studentRetention: PluginRetention = {
  async purgeStudent(trx, school, studentId) {
    return [await deleteStudentRows(trx, 'portfolio_consents', school, studentId)];
  },
};
