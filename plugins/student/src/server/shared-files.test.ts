import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { testDialects } from '@licheng/db/testing';
import { sweepStorage } from '@licheng/server';
import { createTestLicheng, fakeFile, openSchedule, seedRoster, users, type TestLicheng, type TestUser } from '@licheng/server/testing';
import student from './index.ts';

const chang: TestUser = { userId: 's-chang', name: '張小英', roles: ['student'] };
/** The per-semester cap: 陳小明 fills it, 林小華 and 張小英 each succeed once a round. */
const CAP = 5;
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function form(fields: Record<string, string | File>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  return f;
}

/** Identical bytes every time for one `round`: the same content-addressed object. */
const sameBytes = (round: number) => fakeFile('pdf', 3000 + round, `同一份報告-${round}.pdf`);

describe.each(testDialects())('identical uploads in parallel, some failing, on %s', (dialect) => {
  let t: TestLicheng;
  afterEach(async () => t?.close());

  /** The bytes GET /api/files/:id serves to `user`. */
  async function download(fileId: string, user: TestUser): Promise<{ status: number; bytes: Uint8Array }> {
    const res = await t.app.request(`/api/files/${fileId}`, { headers: { authorization: `Bearer ${await t.token(user)}` } });
    return { status: res.status, bytes: new Uint8Array(await res.arrayBuffer()) };
  }

  it('never loses a successful upload’s file, and the sweep keeps every referenced object', async () => {
    t = await createTestLicheng({ dialect, plugins: [student], config: { schedule: openSchedule, rules: { outcomes: { uploadCapPerSemester: CAP } } } });
    const { courseIds } = await seedRoster(t);
    // 陳小明 fills the cap first; one of her outcomes stays pending (a resubmit of it is refused).
    const filled = [];
    for (let i = 0; i < CAP; i++) filled.push(await t.upload('student.outcomes.upload', form({ courseId: courseIds['國語文']!, summary: `已上傳 ${i}`, document: fakeFile('pdf', 500 + i) }), users.chen));
    const pendingId = filled[0]!.data.id as string;

    const successes: { fileId: string; user: TestUser; sha: string }[] = [];
    let refused = 0;
    for (let round = 0; round < CAP; round++) {
      const expected = sha256(new Uint8Array(await sameBytes(round).arrayBuffer()));
      const upload = (user: TestUser) => t.upload('student.outcomes.upload', form({ courseId: courseIds['國語文']!, summary: `作品 ${round}`, document: sameBytes(round) }), user);
      const resubmit = () => t.upload('student.outcomes.resubmit', form({ recordId: pendingId, summary: `重新上傳 ${round}`, document: sameBytes(round) }), users.chen);
      const calls: [TestUser | null, Promise<Awaited<ReturnType<typeof upload>>>][] = [
        [null, upload(users.chen)],
        [null, resubmit()],
        [users.lin, upload(users.lin)],
        [null, upload(users.chen)],
        [null, resubmit()],
        [chang, upload(chang)],
        [null, upload(users.chen)],
        [null, resubmit()],
      ];
      for (const [user, call] of calls) {
        const res = await call;
        if (user) {
          expect(res.error).toBeNull();
          successes.push({ fileId: res.data.documentFileId, user, sha: expected });
        } else {
          expect(['upload-cap-reached', 'not-failed']).toContain(res.error?.licheng?.code);
          refused++;
        }
      }
    }
    // Bytes only ever sent in refused requests: nothing references them.
    const orphan = await t.upload('student.outcomes.upload', form({ courseId: courseIds['國語文']!, summary: '超過上限', document: fakeFile('pdf', 9999) }), users.chen);
    expect(orphan.error?.licheng?.code).toBe('upload-cap-reached');
    const orphanSha = sha256(new Uint8Array(await fakeFile('pdf', 9999).arrayBuffer()));
    expect(await t.storage.exists(orphanSha)).toBe(true);

    expect([successes.length, refused]).toEqual([2 * CAP, 6 * CAP]);
    const opensRight = async () => {
      for (const s of successes) {
        const got = await download(s.fileId, s.user);
        expect([s.fileId, got.status, sha256(got.bytes)]).toEqual([s.fileId, 200, s.sha]);
      }
    };
    await opensRight();

    const report = await sweepStorage(t.db, t.storage, { graceMs: 0, now: Date.now() + 1000 });
    expect(report.objects.map((o) => o.sha256)).toEqual([orphanSha]);
    expect(await t.storage.exists(orphanSha)).toBe(false);
    await opensRight();
  });
});
