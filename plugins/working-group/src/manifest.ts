import { defineManifest } from '@licheng/server/manifest';

/** 學習歷程工作小組 — Working group. Pure data: safe to import in the browser. */
export default defineManifest({
  /** kebab-case and never renamed: it names the router (`working-group.*`), the HTTP routes (`/api/working-group`) and the web app. */
  id: 'working-group',
  office: { 'zh-TW': '學習歷程工作小組', en: 'Working group' },
  /**
   * The roles the office's screen is for: the portal lists 學習歷程工作小組 to them. The
   * schedule it publishes is read by every role (`working-group.schedule.list` takes any
   * signed-in user), and `<licheng-schedule>` embeds on any page; only this role and `admin`
   * change it (`working-group.schedule.save`, `remove`, `restore`).
   */
  roles: ['working-group'],
  /** Every school has a working group. */
  appliesTo: () => true,
  /**
   * 截止提醒, shown by the portal above every screen: the deadline reminders the platform's job
   * wrote for the user (a student's items to select or upload again, a teacher's certification
   * queue); renders nothing when there are none.
   */
  reminders: [{ tag: 'licheng-deadline-reminders', roles: ['student', 'subject-teacher'] }],
});
