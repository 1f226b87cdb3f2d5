import type { Locale } from '@licheng/client';

/** The element's own words (kept here, small: the reminders' text itself comes worded from the server). */
const messages = {
  heading: { 'zh-TW': '截止提醒', en: 'Deadline reminders' },
  unread: { 'zh-TW': '（{n} 則未讀）', en: ' ({n} unread)' },
  deadline: { 'zh-TW': '截止日 {date}', en: 'Closes {date}' },
  'state.unread': { 'zh-TW': '未讀', en: 'Unread' },
  'state.read': { 'zh-TW': '已讀', en: 'Read' },
  details: { 'zh-TW': '內容', en: 'Details' },
  'mark-read': { 'zh-TW': '標示為已讀', en: 'Mark as read' },
  'mark-read.label': { 'zh-TW': '標示為已讀：{subject}', en: 'Mark as read: {subject}' },
  'mark-all': { 'zh-TW': '全部標示為已讀', en: 'Mark all as read' },
  'read-list': { 'zh-TW': '已讀的提醒（{n}）', en: 'Read reminders ({n})' },
  done: { 'zh-TW': '已標示為已讀：{subjects}', en: 'Marked as read: {subjects}' },
  'done.all': { 'zh-TW': '已將 {n} 則提醒標示為已讀', en: '{n} reminders marked as read' },
  busy: { 'zh-TW': '處理中，請稍候', en: 'Working on it' },
} as const;

export type ReminderMessage = keyof typeof messages;

export function rt(key: ReminderMessage, params: Record<string, string | number> = {}, locale: Locale = 'zh-TW'): string {
  return messages[key][locale].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
}
