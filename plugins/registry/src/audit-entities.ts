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
  audit_log: L('稽核紀錄', 'Audit trail'),
};
