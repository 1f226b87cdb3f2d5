import { z } from 'zod';
import { activityLabels, type Activity } from './activities.ts';
import { toRocDate } from './calendar.ts';
import { daysBetween, type ScheduleWindow } from './windows.ts';

/**
 * 提醒 — before a window's deadline, everyone who still has work in it is reminded, in the
 * app and by e-mail, once per lead time. These are the rules; the server's reminder job
 * finds who has work left and records every reminder it sends.
 */

/** Days before a window's end on which reminders go out, unless the window sets its own. */
export const DEFAULT_REMINDER_LEAD_DAYS: readonly number[] = [7, 1];

/** A window's lead times: whole days before its end (0 = on the last day), at most five, distinct. */
export const reminderLeadDaysSchema = z
  .array(z.number().int().min(0, 'a lead time is 0 days or more').max(60, 'a lead time is at most 60 days'))
  .max(5, 'at most five lead times')
  .refine((xs) => new Set(xs).size === xs.length, 'lead times must differ');

/**
 * The lead time a reminder of `window` is due for on Taipei date `today`: the smallest lead
 * that has been reached while the window is open (start ≤ today ≤ end), or null. Only the
 * smallest counts, so a server that was down over the 7-day mark sends the 1-day reminder
 * alone, and each lead is sent once.
 */
export function dueReminderLead(window: Pick<ScheduleWindow, 'start' | 'end' | 'reminderLeadDays'>, today: string): number | null {
  if (today < window.start || today > window.end) return null;
  const daysLeft = daysBetween(today, window.end);
  const reached = (window.reminderLeadDays ?? DEFAULT_REMINDER_LEAD_DAYS).filter((lead) => daysLeft <= lead);
  return reached.length ? Math.min(...reached) : null;
}

/** What someone still has to do in a window. */
export type WorkLeft =
  /** A student's passed records not selected while the cap leaves room (勾選). */
  | { kind: 'unselected'; count: number }
  /** A student's records that failed certification (未通過), to correct and upload again. */
  | { kind: 'failed'; count: number }
  /** A teacher's records waiting for their certification (認證). */
  | { kind: 'certification-queue'; count: number };

const workText: Record<WorkLeft['kind'], { 'zh-TW': (n: number) => string; en: (n: number) => string }> = {
  unselected: { 'zh-TW': (n) => `尚有 ${n} 件已通過認證的項目可勾選`, en: (n) => `${n} certified item(s) can still be selected` },
  failed: { 'zh-TW': (n) => `有 ${n} 件項目未通過認證，請修正後重新上傳`, en: (n) => `${n} item(s) failed certification: correct and upload again` },
  'certification-queue': { 'zh-TW': (n) => `尚有 ${n} 件學生上傳的項目待您認證`, en: (n) => `${n} item(s) uploaded by students await your certification` },
};

/**
 * The reminder's words, zh-TW first with English below: the window's name, its deadline in
 * the ROC calendar (民國), the days left and the work left.
 */
export function reminderMessage(input: { schoolName: string; recipientName: string; activity: Activity; qualifier?: string | undefined; end: string; today: string; work: WorkLeft[] }): { subject: string; body: string } {
  const label = activityLabels[input.activity];
  const name = input.qualifier ? `${label['zh-TW']}（${input.qualifier}）` : label['zh-TW'];
  const deadline = toRocDate(input.end);
  const daysLeft = daysBetween(input.today, input.end);
  const when = daysLeft === 0 ? '今天截止' : `還有 ${daysLeft} 天`;
  const subject = `【${input.schoolName}】提醒：${name}將於民國 ${deadline} 截止（${when}）`;
  const body = [
    `${input.recipientName} 您好：`,
    '',
    `${name}作業期程將於民國 ${deadline}（${input.end}）截止，${when}。`,
    ...input.work.map((w) => `・${workText[w.kind]['zh-TW'](w.count)}`),
    '請於截止前登入學習歷程檔案平台完成。',
    '',
    `Reminder: ${label.en}${input.qualifier ? ` (${input.qualifier})` : ''} closes on ${input.end} (ROC ${deadline}), ${daysLeft === 0 ? 'today' : `in ${daysLeft} day(s)`}.`,
    ...input.work.map((w) => `- ${workText[w.kind].en(w.count)}`),
    '',
    `— ${input.schoolName} 學習歷程檔案平台（此信由系統自動寄出）`,
  ].join('\n');
  return { subject, body };
}
