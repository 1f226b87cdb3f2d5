import { deleteStudentRows, type PluginRetention } from '@licheng/server';

/**
 * A graduate's lines in the 課程預檢 findings (curriculum_precheck_differences naming the student)
 * purged with the portfolio after the retention period (ADR 0034). The run keeps its count of
 * differences as it found them; the school's plans and class groups name no student.
 */
export const curriculumRetention: PluginRetention = {
  async purgeStudent(trx, school, studentId) {
    return [await deleteStudentRows(trx, 'curriculum_precheck_differences', school, studentId)];
  },
};
