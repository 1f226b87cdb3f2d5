import { afterEach, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { newId, openDatabase, type LichengDb } from '@licheng/db';
import { testDialects } from '@licheng/db/testing';
import { createTestLicheng, seedRoster, setTestSchedule, users, type TestLicheng } from '../testing/index.ts';
import { startSmtpServer, type TestSmtpServer } from '../testing/smtp.ts';
import { upsertTeachers } from '../roster/upsert.ts';
import { startJobRunner } from '../jobs/job-runner.ts';
import { smtpTransport, type MailTransport } from './mail-transport.ts';
import { reminderJob, sendDueReminders } from './send-reminders.ts';

// Taipei 2025-10-01 (the harness's clock): the upload window closes in 7 days, the selection
// window tomorrow; the certification window in 9 days, with its own lead times of 10 and 2 days.
const schedule = [
  { activity: 'outcome-upload', academicYear: 114, semester: 1, start: '2025-08-01', end: '2025-10-08' },
  { activity: 'outcome-certification', academicYear: 114, semester: 1, start: '2025-08-01', end: '2025-10-10', reminderLeadDays: [10, 2] },
  { activity: 'outcome-selection', academicYear: 114, semester: 0, start: '2025-08-01', end: '2025-10-02' },
  // Nobody is in grade 2: this window reminds no one.
  { activity: 'performance-upload', academicYear: 114, semester: 1, start: '2025-08-01', end: '2025-10-02', grades: [2] },
];

async function seed(t: TestLicheng) {
  const { courseIds } = await seedRoster(t);
  const db = t.db.kysely as any;
  // The host's roster gives 王老師 and 周老師 an address; 李老師 has none.
  await db.transaction().execute((trx: any) =>
    upsertTeachers(trx, t.config.code, [
      { teacherNo: 'T001', name: '王老師', email: 'wang@school.example', hostUserId: 't-wang' },
      { teacherNo: 'T003', name: '周老師', email: 'chou@school.example', hostUserId: 't-chou' },
    ], t.clock.now),
  );
  const students = Object.fromEntries((await db.selectFrom('students').select(['id', 'student_no']).execute()).map((s: any) => [s.student_no, s.id]));
  const at = t.clock.now.toISOString();
  const record = async (studentNo: string, subject: string, status: string) => {
    const id = newId();
    await db
      .insertInto('records')
      .values({ id, school_code: t.config.code, kind: 'outcome', student_id: students[studentNo], course_id: courseIds[subject], academic_year: 114, semester: 1, summary: `${subject} 成果`, data: '{}', status, entered_by: studentNo, entered_role: 'student', version: 1, created_at: at, updated_at: at })
      .execute();
    return id;
  };
  // 陳小明: two passed outcomes, none selected. 林小華: one passed and selected, one failed.
  // 張小英: three waiting for certification — two with 王老師 (國語文), one with 李老師 (物理).
  await record('S001', '國語文', 'passed');
  await record('S001', '物理', 'passed');
  const selected = await record('S002', '國語文', 'passed');
  await db.insertInto('selections').values({ id: newId(), school_code: t.config.code, student_id: students.S002, record_id: selected, kind: 'outcome', academic_year: 114, created_at: at }).execute();
  await record('S002', '物理', 'failed');
  await record('S003', '國語文', 'pending');
  await record('S003', '國語文', 'pending');
  await record('S003', '物理', 'pending');
  await setTestSchedule(t, schedule);
}

const rows = (t: TestLicheng) =>
  (t.db.kysely as any).selectFrom('reminders').select(['recipient_user_id', 'channel', 'status', 'lead_days', 'address', 'subject']).orderBy('recipient_user_id').orderBy('channel').orderBy('lead_days').execute();

describe.each(testDialects())('deadline reminders on %s', (dialect) => {
  let t: TestLicheng;
  let second: LichengDb | undefined;
  let smtp: TestSmtpServer | undefined;
  const transports: MailTransport[] = [];
  afterEach(async () => {
    for (const transport of transports.splice(0)) transport.close();
    await smtp?.close();
    await second?.destroy();
    await t?.close();
    smtp = undefined;
    second = undefined;
  });

  it('e-mails those with work left through a real SMTP server, once per lead time, however many processes run the job', async () => {
    t = await createTestLicheng({ dialect, plugins: [] });
    await seed(t);
    smtp = await startSmtpServer();
    second = openDatabase({ url: t.db.url });
    const mail = () => {
      const transport = smtpTransport({ host: '127.0.0.1', port: smtp!.port, secure: false, from: '學習歷程檔案平台 <portfolio@school.example>' });
      transports.push(transport);
      return transport;
    };
    const quiet = { tickMs: 0, now: () => t.clock.now, log: () => undefined };
    const a = startJobRunner(t.db.kysely as any, { ...quiet, holder: 'process-a', jobs: [reminderJob({ db: t.db.kysely as any, config: t.config, mail: mail() })] });
    const b = startJobRunner(second.kysely, { ...quiet, holder: 'process-b', jobs: [reminderJob({ db: second.kysely, config: t.config, mail: mail() })] });

    await Promise.all([a.tick(), b.tick()]);
    // An hour later the job is due again: nothing new is due, so nothing is sent.
    t.clock.now = new Date(t.clock.now.getTime() + 3_600_000);
    await Promise.all([b.tick(), a.tick()]);

    expect(smtp.mails).toHaveLength(1);
    const [wang] = smtp.mails;
    expect(wang!.to).toEqual(['wang@school.example']);
    expect(wang!.subject).toBe('【測試高中】提醒：課程學習成果認證將於民國 114/10/10 截止（還有 9 天）');
    expect(wang!.text).toContain('王老師 您好');
    expect(wang!.text).toContain('課程學習成果認證作業期程將於民國 114/10/10（2025-10-10）截止');
    expect(wang!.text).toContain('尚有 2 件學生上傳的項目待您認證');

    expect(await rows(t)).toEqual([
      { recipient_user_id: 's-chen', channel: 'email', status: 'no-address', lead_days: 1, address: null, subject: '【測試高中】提醒：課程學習成果勾選將於民國 114/10/02 截止（還有 1 天）' },
      { recipient_user_id: 's-chen', channel: 'in-app', status: 'sent', lead_days: 1, address: null, subject: '【測試高中】提醒：課程學習成果勾選將於民國 114/10/02 截止（還有 1 天）' },
      { recipient_user_id: 's-lin', channel: 'email', status: 'no-address', lead_days: 7, address: null, subject: '【測試高中】提醒：課程學習成果上傳將於民國 114/10/08 截止（還有 7 天）' },
      { recipient_user_id: 's-lin', channel: 'in-app', status: 'sent', lead_days: 7, address: null, subject: '【測試高中】提醒：課程學習成果上傳將於民國 114/10/08 截止（還有 7 天）' },
      { recipient_user_id: 't-li', channel: 'email', status: 'no-address', lead_days: 10, address: null, subject: wang!.subject },
      { recipient_user_id: 't-li', channel: 'in-app', status: 'sent', lead_days: 10, address: null, subject: wang!.subject },
      { recipient_user_id: 't-wang', channel: 'email', status: 'sent', lead_days: 10, address: 'wang@school.example', subject: wang!.subject },
      { recipient_user_id: 't-wang', channel: 'in-app', status: 'sent', lead_days: 10, address: null, subject: wang!.subject },
    ]);

    // Taipei 2025-10-08: the certification window reaches its 2-day lead — one more e-mail to
    // 王老師; the upload window its 1-day lead (the default) — 林小華 again, in the app.
    t.clock.now = new Date('2025-10-08T01:00:00Z');
    await Promise.all([a.tick(), b.tick(), a.tick()]);
    expect(smtp.mails.map((m) => [m.to[0], m.subject])).toEqual([
      ['wang@school.example', wang!.subject],
      ['wang@school.example', '【測試高中】提醒：課程學習成果認證將於民國 114/10/10 截止（還有 2 天）'],
    ]);
    const later = await rows(t);
    expect(later.filter((r: any) => r.channel === 'in-app').map((r: any) => [r.recipient_user_id, r.lead_days])).toEqual([
      ['s-chen', 1],
      ['s-lin', 1],
      ['s-lin', 7],
      ['t-li', 2],
      ['t-li', 10],
      ['t-wang', 2],
      ['t-wang', 10],
    ]);
    await Promise.all([a.stop(), b.stop()]);
  });

  it('with no SMTP configured (the embedded default) reminds in the app only, and lists and marks each user’s own reminders', async () => {
    t = await createTestLicheng({ dialect, plugins: [] });
    await seed(t);
    const run = await sendDueReminders(t.db.kysely as any, t.config, null, t.clock.now);
    expect(run).toEqual({ inApp: 4, emailed: 0, noAddress: 0, already: 0 });
    expect(await sendDueReminders(t.db.kysely as any, t.config, null, t.clock.now)).toEqual({ inApp: 0, emailed: 0, noAddress: 0, already: 4 });
    expect((await rows(t)).every((r: any) => r.channel === 'in-app')).toBe(true);

    const chen = await t.query('platform.reminders.list', undefined, users.chen);
    expect(chen.error).toBeNull();
    expect(chen.data.unread).toBe(1);
    expect(chen.data.reminders).toHaveLength(1);
    expect(chen.data.reminders[0]).toMatchObject({ deadline: '2025-10-02', leadDays: 1, readAt: null });
    expect(chen.data.reminders[0].body).toContain('尚有 2 件已通過認證的項目可勾選');
    // 張小英 has nothing left to do: no reminder.
    expect((await t.query('platform.reminders.list', undefined, { userId: 's-chang', roles: ['student'] })).data).toEqual({ unread: 0, reminders: [] });

    const id = chen.data.reminders[0].id;
    // Someone else's reminder reads as not found, and nothing is written.
    const foreign = await t.mutate('platform.reminders.markRead', { ids: [id] }, users.lin);
    expect(foreign.status).toBe(404);
    expect(foreign.error?.licheng?.code).toBe('not-found');
    expect((await t.query('platform.reminders.list', undefined, users.chen)).data.unread).toBe(1);
    const bad = await t.mutate('platform.reminders.markRead', { ids: [] }, users.chen);
    expect(bad.status).toBe(400);

    const read = await t.mutate('platform.reminders.markRead', { ids: [id] }, users.chen);
    expect(read.error).toBeNull();
    const after = await t.query('platform.reminders.list', { unreadOnly: false }, users.chen);
    expect(after.data.unread).toBe(0);
    expect(after.data.reminders[0].readAt).toBe(t.clock.now.toISOString());
    expect((await t.query('platform.reminders.list', { unreadOnly: true }, users.chen)).data.reminders).toEqual([]);
  });

  it('un-records an e-mail the SMTP server refused and sends it on the next run', async () => {
    t = await createTestLicheng({ dialect, plugins: [] });
    await seed(t);
    let refuse = true;
    const mails: string[] = [];
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo(address, _session, callback) {
        callback(refuse ? Object.assign(new Error('mailbox busy'), { responseCode: 450 }) : undefined);
      },
      onData(stream, session, callback) {
        stream.resume();
        stream.on('end', () => {
          mails.push(session.envelope.rcptTo[0]!.address);
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    smtp = { port: 0, mails: [], close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
    const transport = smtpTransport({ host: '127.0.0.1', port: (server.server.address() as AddressInfo).port, secure: false, from: 'portfolio@school.example' });
    transports.push(transport);

    await expect(sendDueReminders(t.db.kysely as any, t.config, transport, t.clock.now)).rejects.toThrow('1 reminder e-mails were not sent (retried on the next run): wang@school.example');
    expect((await rows(t)).filter((r: any) => r.recipient_user_id === 't-wang').map((r: any) => r.channel)).toEqual(['in-app']);
    refuse = false;
    expect(await sendDueReminders(t.db.kysely as any, t.config, transport, t.clock.now)).toMatchObject({ emailed: 1, inApp: 0 });
    expect(mails).toEqual(['wang@school.example']);
  });
});
