import { deleteStudentRows, type PluginRetention } from '@licheng/server';

/** A graduate's 導師提醒 (homeroom_reminders) purged with the portfolio after the retention period (ADR 0034). */
export const homeroomRetention: PluginRetention = {
  async purgeStudent(trx, school, studentId) {
    return [await deleteStudentRows(trx, 'homeroom_reminders', school, studentId)];
  },
};
