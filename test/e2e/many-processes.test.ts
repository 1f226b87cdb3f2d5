import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { taipeiDate } from '@licheng/core';
import type { DialectName } from '@licheng/db';
import { testDialects } from '@licheng/db/testing';
import { referencedObjects } from '@licheng/server';
import { labelledPdf, sha256 } from '../support/files.ts';
import { deadlineStudents, localFolderStore, raceStudents, s3BucketStore, startSchoolProcesses, teachers, UPLOAD_CAP, type Answer, type Person, type SchoolProcesses, type SharedObjectStore } from '../support/school-processes.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** How long a sweep waits before it may remove an object no row names (LICHENG_SWEEP_GRACE_HOURS): longer than any upload here takes to commit. */
const SWEEP_GRACE_MS = 15_000;
const REMINDER_JOB = 'reminders:999903';
const DEADLINE = deadlineStudents.length;

/**
 * Where the scenario runs: each database with the processes on one data folder, and MariaDB (a
 * deployment of several machines) with the processes on one S3 bucket.
 */
const variants: Array<{ dialect: DialectName; store: string; open: () => Promise<SharedObjectStore> }> = testDialects().flatMap((dialect) => [
  { dialect, store: 'one local data folder', open: async () => localFolderStore() },
  ...(dialect === 'mysql' ? [{ dialect, store: 'one S3 bucket', open: s3BucketStore }] : []),
]);

/** An upload that was answered: who sent it, through which process, and its bytes' hash. */
interface Sent {
  person: Person;
  via: number;
  sha: string;
  answer: Answer;
}

/** Polls `check` until it returns true, or fails with `what` after `ms`. */
async function waitFor(what: string, check: () => Promise<boolean> | boolean, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

const runsOf = (output: string, job: string) => output.split('\n').filter((line) => line.startsWith(`[licheng] job ${job}:`)).length;

describe.each(variants)('two server processes on one $dialect database and $store', ({ dialect, open }) => {
  let school: SchoolProcesses;
  /** Every upload through either process that was stored, to be read back through the other one. */
  const stored: Sent[] = [];
  /** The bytes of the uploads the cap refused: stored, then named by no row. */
  const refused: string[] = [];
  const courseIds = new Map<string, string[]>();

  beforeAll(async () => {
    school = await startSchoolProcesses({
      dialect,
      store: await open(),
      env: {
        // Both processes sweep every second, and tick the background jobs five times a second.
        LICHENG_SWEEP_INTERVAL_MINUTES: String(1 / 60),
        LICHENG_SWEEP_GRACE_HOURS: String(SWEEP_GRACE_MS / 3_600_000),
        LICHENG_JOB_TICK_SECONDS: '0.2',
      },
    });
  }, 180_000);
  afterAll(async () => school?.close());

  /** Uploads an outcome of `bytes` for the student's `course`-th course, through process `via`. */
  async function upload(via: number, person: Person, course: number, bytes: Uint8Array<ArrayBuffer>, summary: string): Promise<Sent> {
    if (!courseIds.has(person.userId)) {
      const list = await school.query(via, 'student.courses.list', person);
      expect(list.error).toBeNull();
      courseIds.set(person.userId, list.data.courses.map((c: { id: string }) => c.id));
    }
    const form = new FormData();
    form.append('courseId', courseIds.get(person.userId)![course]!);
    form.append('summary', summary);
    form.append('document', new File([bytes], `${summary}.pdf`));
    const sent = { person, via, sha: sha256(bytes), answer: await school.mutate(via, 'student.outcomes.upload', person, form) };
    if (sent.answer.error === null) stored.push(sent);
    return sent;
  }

  it('takes a deadline: 40 students list, upload, are certified, read their courses and selection and save it, alternating between the processes, with no error', async () => {
    // Before the deadline: every student uploads one outcome per course, all at once.
    const before = await Promise.all(deadlineStudents.flatMap((s, i) => [0, 1].map((course) => upload((i + course) % 2, s, course, labelledPdf(`${s.userId} ${course}`, 96_000), `成果 ${i}-${course}`))));
    expect(before.filter((u) => u.answer.status !== 200).map((u) => u.answer)).toEqual([]);
    // Each teacher passes their queue, half through each process at once.
    await Promise.all(
      Object.values(teachers).map(async (teacher, t) => {
        const queue = await school.query(t, 'teaching.certifications.queue', teacher, { kind: 'outcome', status: 'pending' });
        expect(queue.error).toBeNull();
        const ids: string[] = queue.data.items.map((item: { id: string }) => item.id);
        expect(ids).toHaveLength(DEADLINE);
        const halves = [ids.slice(0, ids.length / 2), ids.slice(ids.length / 2)];
        const decided = await Promise.all(halves.map((recordIds, via) => school.mutate(via, 'teaching.certifications.decideMany', teacher, { recordIds, decision: 'pass' })));
        for (const d of decided) expect([d.status, d.data.failed]).toEqual([200, 0]);
      }),
    );

    // The deadline: each student goes through the student office as the portal does, call by call alternating between the processes.
    const answers: Answer[] = [];
    await Promise.all(
      deadlineStudents.map(async (s, i) => {
        const via = (step: number) => (i + step) % 2;
        const note = (a: Answer) => (answers.push(a), a);
        note(await school.query(via(0), 'platform.me', s));
        const outcomes = note(await school.query(via(1), 'student.outcomes.list', s));
        note(await school.query(via(2), 'student.courses.list', s));
        note(await school.query(via(3), 'student.selections.get', s, { academicYear: school.term.academicYear }));
        note((await upload(via(4), s, i % 2, labelledPdf(`${s.userId} 2`, 96_000), `補交 ${i}`)).answer);
        const passed = (outcomes.data ?? []).filter((o: { status: string }) => o.status === 'passed').map((o: { id: string }) => o.id);
        note(await school.mutate(via(5), 'student.selections.save', s, { academicYear: school.term.academicYear, recordIds: passed }));
        note(await school.query(via(6), 'student.outcomes.list', s));
      }),
    );
    expect(answers.filter((a) => a.status !== 200)).toEqual([]);
    expect(answers).toHaveLength(DEADLINE * 7);
    expect(new Set(answers.map((a) => a.via))).toEqual(new Set([0, 1]));

    // One truth: what the students saved is what the database holds, every upload once.
    const db = school.db.kysely;
    const outcomes = await db.selectFrom('records').select((eb) => eb.fn.countAll<number>().as('n')).where('kind', '=', 'outcome').executeTakeFirstOrThrow();
    expect(Number(outcomes.n)).toBe(DEADLINE * 3);
    const selections = await db.selectFrom('selections').select(['student_id', 'record_id']).execute();
    expect(selections).toHaveLength(DEADLINE * 2);
    expect(new Set(selections.map((s) => s.student_id)).size).toBe(DEADLINE);
  });

  it('serves through one process every file uploaded through the other, byte for byte', async () => {
    expect(stored.length).toBeGreaterThanOrEqual(DEADLINE * 3);
    const read = await Promise.all(
      stored.map(async (u) => {
        const other = 1 - u.via;
        const got = await school.download(other, u.answer.data.documentFileId, u.person);
        return [u.answer.data.documentFileId, got.status, sha256(got.bytes)];
      }),
    );
    expect(read).toEqual(stored.map((u) => [u.answer.data.documentFileId, 200, u.sha]));
  });

  it(`holds the upload cap (${UPLOAD_CAP} a semester) exactly when one student uploads twelve at once through both processes`, async () => {
    const s = raceStudents.cap;
    await upload(0, s, 0, labelledPdf('cap warm-up', 20_000), '暖身');
    const tries = await Promise.all(Array.from({ length: 12 }, (_, i) => upload(i % 2, s, i % 2, labelledPdf(`cap ${i}`, 40_000), `同時 ${i}`)));
    const ok = tries.filter((t) => t.answer.error === null);
    expect(ok).toHaveLength(UPLOAD_CAP - 1);
    expect(tries.filter((t) => t.answer.error !== null).map((t) => [t.answer.status, t.answer.error?.code])).toEqual(Array(12 - (UPLOAD_CAP - 1)).fill([409, 'upload-cap-reached']));
    const rows = await school.db.kysely.selectFrom('records').innerJoin('students', 'students.id', 'records.student_id').select('records.id').where('students.host_user_id', '=', s.userId).execute();
    expect(rows).toHaveLength(UPLOAD_CAP);
    // A refused upload leaves its bytes for the sweep (ADR 0010), which comes back for them below.
    refused.push(...tries.filter((t) => t.answer.error !== null).map((t) => t.sha));
    const objects = await school.store.objects();
    expect(refused.filter((sha) => !objects.has(sha))).toEqual([]);
  });

  it('holds the 多元表現 selection cap of 10 exactly when four different selections are saved at once through both processes', async () => {
    const s = raceStudents.performer;
    const entered: Answer[] = [];
    for (let i = 0; i < 20; i++) {
      const form = new FormData();
      form.append('kind', 'performance-work');
      form.append('summary', `作品 ${i}`);
      form.append('data', JSON.stringify({ name: `作品 ${i}`, date: taipeiDate(new Date()) }));
      entered.push(await school.mutate(i % 2, 'student.performances.upload', s, form));
    }
    expect(entered.filter((e) => e.error !== null).map((e) => e.error)).toEqual([]);
    const ids: string[] = entered.map((e) => e.data.id);
    const sets = [ids.slice(0, 10), ids.slice(10, 20), ids.slice(5, 15), [...ids.slice(0, 5), ...ids.slice(15, 20)]];
    const saves = await Promise.all(sets.map((recordIds, i) => school.mutate(i % 2, 'student.performances.selection.save', s, { academicYear: school.term.academicYear, recordIds })));
    expect(saves.map((r) => r.error)).toEqual([null, null, null, null]);
    const rows = await school.db.kysely.selectFrom('selections').innerJoin('students', 'students.id', 'selections.student_id').select('selections.record_id').where('students.host_user_id', '=', s.userId).where('selections.kind', '=', 'performance').execute();
    const chosen = rows.map((r) => r.record_id).sort();
    expect(chosen).toHaveLength(10);
    expect(sets.map((set) => [...set].sort().join())).toContain(chosen.join());
    const read = await school.query(1, 'student.performances.selection.get', s, { academicYear: school.term.academicYear });
    expect([...read.data.recordIds].sort()).toEqual(chosen);
  });

  it('ends an outcome certified at once through both processes (pass through one, fail through the other) with exactly one decision, for twenty outcomes at once', async () => {
    // Half of each teacher's queue from the deadline is decided twice at once; the other half stays waiting (for the reminders below).
    const contested = (
      await Promise.all(
        Object.values(teachers).map(async (teacher, t) => {
          const queue = await school.query(t, 'teaching.certifications.queue', teacher, { kind: 'outcome', status: 'pending' });
          return queue.data.items.slice(0, DEADLINE / 4).map((item: { id: string }) => ({ teacher, recordId: item.id }));
        }),
      )
    ).flat();
    expect(contested).toHaveLength(DEADLINE / 2);
    const decisions = await Promise.all(
      contested.map(async ({ teacher, recordId }, i) => {
        const [pass, fail] = await Promise.all([
          school.mutate(i % 2, 'teaching.certifications.decide', teacher, { recordId, decision: 'pass' }),
          school.mutate(1 - (i % 2), 'teaching.certifications.decide', teacher, { recordId, decision: 'fail', reason: '非本課程之作品' }),
        ]);
        return { recordId, pass, fail };
      }),
    );
    const db = school.db.kysely;
    for (const { recordId, pass, fail } of decisions) {
      const winners = [pass, fail].filter((a) => a.error === null);
      expect(winners).toHaveLength(1);
      expect([pass, fail].filter((a) => a.error !== null).map((a) => [a.status, a.error?.code])).toEqual([[409, 'already-decided']]);
      const record = await db.selectFrom('records').select(['status', 'version']).where('id', '=', recordId).executeTakeFirstOrThrow();
      expect(record).toEqual({ status: winners[0]!.data.status, version: 2 });
      const audits = await db.selectFrom('audit_log').select('action').where('entity_id', '=', recordId).where('action', 'like', 'outcome.certify%').execute();
      expect(audits.map((a) => a.action)).toEqual([`outcome.certify.${winners[0] === pass ? 'pass' : 'fail'}`]);
    }
  });

  it('keeps identical bytes uploaded at once through both processes as one object, named by both rows and readable through either — also when a third upload of them is refused', async () => {
    for (let round = 0; round < UPLOAD_CAP; round++) {
      const bytes = labelledPdf(`identical ${round}`, 150_000);
      // The third is the capped student's: refused after its bytes were stored, it must not take the object with it (ADR 0010).
      const [a, b, refused] = await Promise.all([
        upload(round % 2, raceStudents.twinA, 0, bytes, `同檔 ${round}`),
        upload(1 - (round % 2), raceStudents.twinB, 0, bytes, `同檔 ${round}`),
        upload(round % 2, raceStudents.cap, 0, bytes, `同檔 ${round}`),
      ]);
      expect([a.answer.error, b.answer.error, refused.answer.error?.code]).toEqual([null, null, 'upload-cap-reached']);
      const rows = await school.db.kysely.selectFrom('stored_files').select(['id', 'sha256']).where('sha256', '=', a.sha).orderBy('id').execute();
      expect(rows.map((r) => r.id).sort()).toEqual([a.answer.data.documentFileId, b.answer.data.documentFileId].sort());
      expect((await school.store.objects()).has(a.sha)).toBe(true);
      for (const [u, via] of [[a, 1 - a.via], [b, 1 - b.via]] as const) {
        const got = await school.download(via, u.answer.data.documentFileId, u.person);
        expect([got.status, sha256(got.bytes)]).toEqual([200, u.sha]);
      }
    }
  });

  it('runs a due background job once, not once per process, and sends each reminder once', async () => {
    const db = school.db.kysely;
    // Every process ticks five times a second; the reminder job ran when they started and is due again in an hour.
    // Ten times over, the hour passes (next_run_at moves to now): whichever process claims the lease runs it, the other does not.
    const runsPerRound: number[] = [];
    for (let round = 0; round < 10; round++) {
      const runs = () => runsOf(school.output().join('\n'), REMINDER_JOB);
      const before = runs();
      await db.updateTable('job_leases').set({ next_run_at: new Date().toISOString() }).where('name', '=', REMINDER_JOB).execute();
      await waitFor(`run ${round + 1} of the reminder job`, () => runs() > before, 30_000);
      await sleep(800);
      runsPerRound.push(runs() - before);
    }
    // The outcomes uploaded at the deadline wait for both teachers: each got one e-mail, and one reminder in the app.
    expect(school.smtp.mails.map((m) => m.to.join()).sort()).toEqual(['li@school.example', 'wang@school.example']);
    const reminders = await db.selectFrom('reminders').select(['recipient_user_id', 'channel', 'status']).orderBy('recipient_user_id').orderBy('channel').execute();
    expect(reminders).toEqual([
      { recipient_user_id: teachers.li.userId, channel: 'email', status: 'sent' },
      { recipient_user_id: teachers.li.userId, channel: 'in-app', status: 'sent' },
      { recipient_user_id: teachers.wang.userId, channel: 'email', status: 'sent' },
      { recipient_user_id: teachers.wang.userId, channel: 'in-app', status: 'sent' },
    ]);
    expect(runsPerRound).toEqual(Array(10).fill(1));
  });

  it('sweeps in both processes at once, keeping every object a row names and removing only those no row names (the refused uploads)', async () => {
    const referenced = await referencedObjects(school.db.kysely);
    expect(refused.filter((sha) => referenced.has(sha))).toEqual([]);
    // What each process's sweeps reported removing ("  removed object <sha256> (<size> bytes)").
    const removedBy = () => school.output().map((out) => new Set([...out.matchAll(/^ {2}removed object ([0-9a-f]{64}) /gm)].map((m) => m[1]!)));
    // The refused uploads' objects go once the grace period is over, and the sweeps that took them have said so.
    await waitFor('the sweeps to remove the objects no row names', async () => {
      const objects = await school.store.objects();
      const reported = new Set(removedBy().flatMap((set) => [...set]));
      return objects.size === referenced.size && [...referenced].every((sha) => objects.has(sha)) && refused.every((sha) => reported.has(sha));
    });
    expect([...new Set(removedBy().flatMap((set) => [...set]))].sort()).toEqual([...refused].sort());
    // Both processes swept, all along.
    expect(school.output().map((out) => out.split('\n').filter((l) => l.startsWith('[licheng] sweep:')).length >= 3)).toEqual([true, true]);
    for (const u of stored) {
      const got = await school.download(u.via, u.answer.data.documentFileId, u.person);
      expect([u.answer.data.documentFileId, got.status, sha256(got.bytes)]).toEqual([u.answer.data.documentFileId, 200, u.sha]);
    }
  });

  it('logged no error in either process', () => {
    for (const out of school.output()) expect(out).not.toMatch(/failed|error|SQLITE_BUSY|database is locked/i);
  });
});
