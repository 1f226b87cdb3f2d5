import type { Kysely } from 'kysely';
import { dueReminderLead, reminderMessage, taipeiDate, type SchoolConfig } from '@licheng/core';
import { isWriteConflict, newId, nowIso } from '@licheng/db';
import type { JobDefinition } from '../jobs/job-runner.ts';
import type { PlatformDatabase } from '../platform/tables.ts';
import { scheduleOf } from '../schedule/schedule-store.ts';
import type { MailTransport } from './mail-transport.ts';
import { workLeft, type Recipient } from './work-left.ts';

type Db = Kysely<PlatformDatabase>;

export interface ReminderRun {
  inApp: number;
  emailed: number;
  /** E-mails not sent because the roster has no address (recorded, status 'no-address'). */
  noAddress: number;
  /** Reminders already recorded by an earlier run (or another process): not sent again. */
  already: number;
}

/**
 * Sends the reminders due today (Taipei) for every open window of the school: one in-app
 * reminder and, when `mail` is set, one e-mail per person with work left, per window and lead
 * time. Each is recorded in `reminders` before it goes out; the table's unique key (school,
 * window, lead, channel, recipient) is what keeps a reminder from going twice, whichever
 * process runs the job. An e-mail the SMTP server refuses is un-recorded and retried on the
 * next run (the run then throws, so the job logs it); a process that dies between recording
 * and sending leaves the e-mail recorded as 'sending' and never sends it twice.
 */
export async function sendDueReminders(db: Db, config: SchoolConfig, mail: MailTransport | null, now: Date): Promise<ReminderRun> {
  const today = taipeiDate(now);
  const schedule = await scheduleOf({ db, config, now: () => now });
  const run: ReminderRun = { inApp: 0, emailed: 0, noAddress: 0, already: 0 };
  const failures: string[] = [];
  for (const window of schedule) {
    const lead = dueReminderLead(window, today);
    if (lead === null || !window.id) continue;
    // What earlier runs of this lead day recorded (the job runs hourly through the day): read once,
    // not found again by failing inserts. The unique key still settles two processes at once.
    const done = new Set(
      (await db.selectFrom('reminders').select(['channel', 'recipient_user_id']).where('school_code', '=', config.code).where('window_id', '=', window.id).where('lead_days', '=', lead).execute()).map(
        (r) => `${r.channel}|${r.recipient_user_id}`,
      ),
    );
    for (const recipient of await workLeft(db, config, schedule, window, today)) {
      const message = reminderMessage({ schoolName: config.name, recipientName: recipient.name, activity: window.activity, qualifier: window.qualifier, end: window.end, today, work: recipient.work });
      const base = { window_id: window.id, lead_days: lead, deadline: window.end, ...message };
      if (!done.has(`in-app|${recipient.userId}`) && (await record(db, config, recipient, { ...base, channel: 'in-app', status: 'sent', address: null }, now))) run.inApp++;
      else run.already++;
      if (!mail) continue;
      const emailed = done.has(`email|${recipient.userId}`);
      if (!recipient.email) {
        if (!emailed && (await record(db, config, recipient, { ...base, channel: 'email', status: 'no-address', address: null }, now))) run.noAddress++;
        continue;
      }
      const id = emailed ? null : await record(db, config, recipient, { ...base, channel: 'email', status: 'sending', address: recipient.email }, now);
      if (!id) {
        run.already++;
        continue;
      }
      try {
        await mail.send({ to: recipient.email, subject: message.subject, text: message.body });
        await db.updateTable('reminders').set({ status: 'sent', sent_at: nowIso(now) }).where('id', '=', id).execute();
        run.emailed++;
      } catch (error) {
        await db.deleteFrom('reminders').where('id', '=', id).execute();
        failures.push(`${recipient.email}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
  if (failures.length) throw new Error(`${failures.length} reminder e-mails were not sent (retried on the next run): ${failures.slice(0, 3).join('; ')}`);
  return run;
}

/** Inserts the reminder's row; null when the unique key says it was recorded already. */
async function record(
  db: Db,
  config: SchoolConfig,
  recipient: Recipient,
  values: { window_id: string; lead_days: number; deadline: string; subject: string; body: string; channel: 'in-app' | 'email'; status: string; address: string | null },
  now: Date,
): Promise<string | null> {
  const id = newId();
  try {
    await db
      .insertInto('reminders')
      .values({ id, school_code: config.code, recipient_user_id: recipient.userId, recipient_name: recipient.name, recipient_kind: recipient.kind, sent_at: nowIso(now), read_at: null, ...values })
      .execute();
    return id;
  } catch (error) {
    if (isWriteConflict(error)) return null;
    throw error;
  }
}

export const describeReminderRun = (r: ReminderRun) => `${r.inApp} in-app reminders, ${r.emailed} e-mails sent, ${r.noAddress} without an address (recorded), ${r.already} sent before`;

/** The reminder job for the platform's job runner: checked every `everyMs` (default hourly), safe with several processes. */
export function reminderJob(options: { db: Db; config: SchoolConfig; mail: MailTransport | null; everyMs?: number }): JobDefinition {
  return {
    name: `reminders:${options.config.code}`,
    everyMs: options.everyMs ?? 3_600_000,
    async run(now) {
      return describeReminderRun(await sendDueReminders(options.db, options.config, options.mail, now));
    },
  };
}
