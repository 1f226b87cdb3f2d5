import type { LocalizedText } from '@licheng/core';

const L = (zh: string, en: string): LocalizedText => ({ 'zh-TW': zh, en });

/** The entities entries name, in the order the screen offers them as a filter. */
export const AUDIT_ENTITIES: Record<string, LocalizedText> = {
  record: L('學習歷程紀錄', 'Record'),
  selection: L('勾選', 'Selection'),
  stored_file: L('檔案', 'File'),
  student: L('學生', 'Student'),
  teacher: L('教師', 'Teacher'),
  course: L('開課', 'Course offering'),
  enrolment: L('修課', 'Enrolment'),
  class: L('班級', 'Class'),
  roster: L('名冊匯入', 'Roster import'),
  'certificate-list': L('證照名單匯入', 'Certificate list import'),
  'receipt-batch': L('收訖明細', 'Receipt batch'),
  'receipt-item': L('收訖項目', 'Receipt item'),
  'receipt-issue': L('收訖問題', 'Receipt issue'),
  'receipt-correction': L('收訖更正', 'Receipt correction'),
  'receipt-paper-return': L('紙本確認單回條', 'Returned paper form'),
  grade: L('學期成績', 'Grade'),
  'grade-appeal': L('成績複查', 'Grade appeal'),
  'grade-correction': L('成績更正', 'Grade correction'),
  'status-change': L('學籍異動', 'Status change'),
  placement: L('學期編班', 'Term placement'),
  audit_log: L('稽核紀錄', 'Audit trail'),
};
