import { defineManifest } from '@licheng/server/manifest';

/** 收訖確認 — Receipt confirmation (收訖明細). Pure data: safe to import in the browser. */
export default defineManifest({
  /** kebab-case and never renamed: it names the router (`receipt.*`), the migration table and the web app. */
  id: 'receipt',
  office: { 'zh-TW': '收訖確認', en: 'Receipt confirmation' },
  /** Students confirm what the central database received; the registry office imports the receipt and follows up. */
  roles: ['student', 'registry-staff'],
  appliesTo: () => true,
  /**
   * Shown by the portal above every screen: to students, the receipt waiting for their
   * confirmation; to subject teachers and 學務處 / 訓育組, the receipt issues routed to them (the
   * registry answers on its desk). Each renders nothing when there is nothing to do.
   */
  reminders: [
    { tag: 'licheng-receipt-reminder', roles: ['student'] },
    { tag: 'licheng-receipt-issues-reminder', roles: ['subject-teacher', 'student-affairs-staff', 'activities-staff', 'practicum-staff'] },
  ],
});
