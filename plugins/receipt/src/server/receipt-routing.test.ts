import { afterEach, describe, expect, it } from 'vitest';
import { routeReceiptIssue } from '@licheng/core';
import { newId } from '@licheng/db';
import { testDialects } from '@licheng/db/testing';
import { createTestLicheng, seedRoster, users, type TestLicheng, type TestUser } from '@licheng/server/testing';
import { correctionsPendingSubmission } from './corrections.ts';
import practicumPlugin from '@licheng/plugin-practicum/server';
import plugin from './index.ts';
import { CADRE, chen, chenUser, COURSE, importZip, linUser, PERFORMANCE, receiptZip, registry, rosterJson, rows, setDay, standardFiles } from './test-support.ts';

const GRADES = '114_1_123456_修課紀錄.json';
const CHINESE = '108123456E22L0101020005'; // 國語文, taught by 王老師
const PHYSICS = '108123456E22L0104010005'; // 物理, taught by 李老師
const wang = users.wang as TestUser;
const li = users.li as TestUser;
const activities: TestUser = { userId: 'a-staff', name: '訓育組長', roles: ['activities-staff'] };

describe.each(testDialects())('receipt issues routed to the owning office on %s', (dialect) => {
  let t: TestLicheng;
  let courseIds: Record<string, string>;
  afterEach(async () => t?.close());

  async function record(kind: string, values: { courseId?: string | null; data?: object; decidedBy?: TestUser | null }): Promise<string> {
    const chenId = (await t.db.kysely.selectFrom('students').select('id').where('student_no', '=', 'S001').executeTakeFirstOrThrow()).id;
    const id = newId();
    const at = t.clock.now.toISOString();
    const decided = values.decidedBy ?? null;
    await t.db.kysely
      .insertInto('records')
      .values({
        id,
        school_code: t.config.code,
        kind,
        student_id: chenId,
        course_id: values.courseId ?? null,
        academic_year: 114,
        semester: 1,
        summary: '',
        data: JSON.stringify(values.data ?? {}),
        document_file_id: null,
        media_file_id: null,
        status: decided ? 'passed' : 'pending',
        status_reason: null,
        decided_by: decided?.userId ?? null,
        decided_by_name: decided?.name ?? null,
        decided_role: decided ? decided.roles[0]! : null,
        decided_at: decided ? at : null,
        decided_for: null,
        decided_for_name: null,
        entered_by: 's-chen',
        entered_role: 'student',
        version: 1,
        created_at: at,
        updated_at: at,
      })
      .execute();
    return id;
  }

  /** Imports `files` (default: the usual receipt with 修課紀錄 and 多元表現) with the window 2025-10-02 – 2025-10-06, on 2025-10-03. */
  async function start(files?: Record<string, string>): Promise<string> {
    t = await createTestLicheng({ dialect, plugins: [plugin] });
    ({ courseIds } = await seedRoster(t));
    const res = await importZip(
      t,
      await receiptZip(
        files ?? {
          ...standardFiles(),
          [GRADES]: rosterJson('修課紀錄', [{ ...chen, 學期成績: [{ 課程代碼: PHYSICS, 科目名稱: '物理' }] }]),
          [PERFORMANCE]: rosterJson('多元表現', [{ ...chen, 競賽參與紀錄: [{ 競賽名稱: '科展' }] }]),
        },
      ),
    );
    expect(res.data?.problems ?? res.error).toEqual([]);
    setDay(t, '2025-10-03');
    return res.data.batchId;
  }

  const mine = async (user = chenUser) => (await t.query('receipt.mine', undefined, user)).data;
  const item = async (rosterName: string, user = chenUser) => (await mine(user)).batches[0].items.find((i: any) => i.rosterName === rosterName);
  const raise = async (rosterName: string, text: string, row?: { sheet: string; index: number }) => t.mutate('receipt.raiseIssue', { itemId: (await item(rosterName)).id, text, ...(row ? { row } : {}) }, chenUser);

  it('routes each roster to its office, a course’s outcome to the teacher who certified it, with the record matched', async () => {
    await start();
    const outcome = await record('outcome', { courseId: courseIds['國語文'], decidedBy: wang });
    const grade = await record('course-record', { courseId: courseIds['物理'] });
    const cadre = await record('cadre', { data: { unit: '班級', position: '班長', level: '2' } });

    const course = await raise('課程學習成果', '成果簡述有誤');
    expect(course.data).toMatchObject({ status: 'open', routedTo: { office: 'subject-teacher', label: { 'zh-TW': '任課教師', en: 'Subject teacher' }, ownerName: '王老師' }, recordId: outcome });
    expect((await raise('修課紀錄', '學分有誤')).data).toMatchObject({ routedTo: { office: 'registry', ownerName: null }, recordId: grade });
    expect((await raise('校內幹部經歷', '職務有誤')).data).toMatchObject({ routedTo: { office: 'student-affairs', label: { 'zh-TW': '學務處' } }, recordId: cadre });
    expect((await raise('多元表現', '競賽名稱有誤')).data).toMatchObject({ routedTo: { office: 'activities', label: { 'zh-TW': '學務處訓育組' } }, recordId: null });

    const stored = (await rows(t, 'receipt_issues')).map((r) => [r.owner_office, r.owner_user_id, r.record_id, r.entry_sheet, r.entry_index === null ? null : Number(r.entry_index)]);
    expect(stored.sort((a, b) => String(a[0]).localeCompare(String(b[0])))).toEqual([
      ['activities', null, null, '競賽參與紀錄', 0],
      ['registry', null, grade, '學期成績', 0],
      ['student-affairs', null, cadre, '幹部經歷紀錄', 0],
      ['subject-teacher', 't-wang', outcome, '學期課程學習成果', 0],
    ]);
    const audit = await t.db.kysely.selectFrom('audit_log').select('after').where('action', '=', 'receipt.issue.raise').where('entity_id', '=', course.data.id).executeTakeFirstOrThrow();
    expect(JSON.parse(audit.after!)).toMatchObject({ owner_office: 'subject-teacher', owner_user_id: 't-wang', record_id: outcome });
  });

  it('sends a 多元表現 skill certificate (證照類型 3) and 職場學習 to 實習處 where the school runs it, other rows to 訓育組', async () => {
    const performances = rosterJson('多元表現', [{ ...chen, 檢定證照紀錄: [{ 證照代碼: 'A1', 證照類型: '3' }, { 證照代碼: 'B2', 證照類型: '1' }], 職場學習紀錄: [{ 類別代碼: '2', 職場學習單位: '農會' }] }]);
    const practicum: TestUser = { userId: 'p-staff', name: '實習處主任', roles: ['practicum-staff'] };
    for (const enabled of [['receipt', 'practicum'], ['receipt']]) {
      await t?.close();
      const vocational = enabled.includes('practicum');
      t = await createTestLicheng({ dialect, plugins: vocational ? [plugin, practicumPlugin] : [plugin], config: vocational ? { type: 'vocational' } : {} });
      await seedRoster(t);
      expect((await importZip(t, await receiptZip({ ...standardFiles(), [PERFORMANCE]: performances }))).data?.problems).toEqual([]);
      setDay(t, '2025-10-03');
      const skill = (await raise('多元表現', '證照字號有誤', { sheet: '檢定證照紀錄', index: 0 })).data;
      const english = (await raise('多元表現', '分數有誤', { sheet: '檢定證照紀錄', index: 1 })).error;
      // One open issue per item: the second waits; the 職場學習 row is tried on its own item below.
      expect(english?.licheng?.code).toBe('receipt-issue-open');
      const runs = enabled.includes('practicum');
      expect(skill.routedTo).toMatchObject(runs ? { office: 'practicum', label: { 'zh-TW': '實習處' } } : { office: 'activities' });
      const listed = await t.query('receipt.issues.list', { status: 'open' }, practicum);
      // 實習處 sees its issue; in a school without the office there is none for it.
      expect((listed.data as any[]).map((i) => i.id)).toEqual(runs ? [skill.id] : []);
      const answered = await t.mutate('receipt.issues.answer', { issueId: skill.id, answer: '已更正證照字號', corrected: true }, practicum);
      expect(answered.error?.licheng?.code ?? null).toBe(runs ? null : 'not-found');
    }
    const route = (row: object, sheet: string, enabled: string[]) => routeReceiptIssue('114_1_123456_多元表現.json', null, { sheet, index: 0, row: row as Record<string, unknown> }, enabled).office;
    expect(route({ 證照類型: '3' }, '檢定證照紀錄', ['practicum'])).toBe('practicum');
    expect(route({ 證照類型: '1' }, '檢定證照紀錄', ['practicum'])).toBe('activities');
    expect(route({}, '職場學習紀錄', ['practicum'])).toBe('practicum');
    expect(route({}, '職場學習紀錄', [])).toBe('activities');
  });

  it('takes the row the student names: the course’s teacher by enrolment without a record, the registry for a course nobody teaches', async () => {
    await start({
      [COURSE]: rosterJson('課程學習成果', [
        { ...chen, 學期課程學習成果: [{ 課程代碼: PHYSICS, 科目名稱: '物理' }, { 課程代碼: '999999999Z99Z9999999999', 科目名稱: '不明' }] },
      ]),
    });
    const physics = await raise('課程學習成果', '物理成果有誤', { sheet: '學期課程學習成果', index: 0 });
    expect(physics.data).toMatchObject({ routedTo: { office: 'subject-teacher', ownerName: '李老師' }, recordId: null });
    expect((await t.mutate('receipt.issues.answer', { issueId: physics.data.id, answer: '已查明無誤', corrected: false }, li)).error).toBeNull();

    const unknown = await raise('課程學習成果', '不明課程', { sheet: '學期課程學習成果', index: 1 });
    expect(unknown.data.routedTo).toMatchObject({ office: 'registry', ownerName: null });
    await t.mutate('receipt.issues.answer', { issueId: unknown.data.id, answer: '已查明', corrected: false }, registry);
    // Several rows and none named: the registry, which submits the roster.
    expect((await raise('課程學習成果', '整份有誤')).data.routedTo.office).toBe('registry');
    await t.mutate('receipt.issues.answer', { issueId: (await item('課程學習成果')).issues[2].id, answer: '已查明', corrected: false }, registry);

    const missing = await raise('課程學習成果', '第三筆', { sheet: '學期課程學習成果', index: 2 });
    expect(missing.error?.licheng).toMatchObject({ code: 'receipt-issue-row-unknown', params: { sheet: '學期課程學習成果', row: 3 } });
    expect((await raise('課程學習成果', '負數', { sheet: '學期課程學習成果', index: -1 })).status).toBe(400);
  });

  it('shows each office its own issues, the registry all; another office’s or teacher’s issue reads as not found', async () => {
    const batchId = await start();
    await record('outcome', { courseId: courseIds['國語文'], decidedBy: wang });
    const course = (await raise('課程學習成果', '成果簡述有誤')).data;
    const cadre = (await raise('校內幹部經歷', '職務有誤')).data;
    const list = async (user: TestUser, input: object = {}) => ((await t.query('receipt.issues.list', { batchId, ...input }, user)).data as any[]).map((i) => i.id);

    expect(await list(wang)).toEqual([course.id]);
    expect(await list(li)).toEqual([]);
    expect(await list(activities)).toEqual([cadre.id]);
    expect((await list(registry)).sort()).toEqual([course.id, cadre.id].sort());
    expect(await list(registry, { office: 'student-affairs' })).toEqual([cadre.id]);
    expect((await t.query('receipt.issues.list', { batchId }, chenUser)).status).toBe(403);

    for (const [user, issue] of [[li, course], [activities, course], [wang, cadre]] as const) {
      const refused = await t.mutate('receipt.issues.answer', { issueId: issue.id, answer: '不是我的', corrected: false }, user);
      expect(refused.status).toBe(404);
    }
    const answered = await t.mutate('receipt.issues.answer', { issueId: course.id, answer: '已更正成果簡述', corrected: true }, wang);
    expect(answered.data).toMatchObject({ status: 'answered', corrected: true, answeredByName: '王老師' });
    expect((await t.query('receipt.issues.list', { batchId, status: 'answered' }, wang)).data).toMatchObject([
      { id: course.id, routedTo: { office: 'subject-teacher', ownerName: '王老師' }, answer: { text: '已更正成果簡述', byName: '王老師', corrected: true }, closed: null },
    ]);
    expect((await t.mutate('receipt.issues.answer', { issueId: cadre.id, answer: '已查明無誤', corrected: false }, activities)).error).toBeNull();
  });

  it('keeps one answer when two arrive at once, and one correction', async () => {
    await start();
    const cadre = (await raise('校內幹部經歷', '職務有誤')).data;
    const results = await Promise.all([
      t.mutate('receipt.issues.answer', { issueId: cadre.id, answer: '已更正', corrected: true }, registry),
      t.mutate('receipt.issues.answer', { issueId: cadre.id, answer: '已更正', corrected: true }, activities),
    ]);
    expect(results.filter((r) => r.error === null)).toHaveLength(1);
    const refused = results.filter((r) => r.error !== null);
    expect(refused.map((r) => [r.status, r.error?.licheng?.code])).toEqual([[409, 'receipt-issue-answered']]);
    expect(await rows(t, 'receipt_corrections')).toHaveLength(1);
  });

  it('marks a corrected record for the next submission; the student sees each step, accepts, and the next receipt closes the rest', async () => {
    await start();
    const outcome = await record('outcome', { courseId: courseIds['國語文'], decidedBy: wang });
    const course = (await raise('課程學習成果', '成果簡述有誤')).data;
    const cadre = (await raise('校內幹部經歷', '職務有誤')).data;
    t.clock.now = new Date(t.clock.now.getTime() + 3_600_000);
    await t.mutate('receipt.issues.answer', { issueId: course.id, answer: '已更正成果簡述，將於下次提交', corrected: true }, wang);
    await t.mutate('receipt.issues.answer', { issueId: cadre.id, answer: '經查資料無誤', corrected: false }, activities);

    const pending = await correctionsPendingSubmission(t.db.kysely as any, t.config.code);
    expect(pending).toMatchObject([{ issueId: course.id, rosterKind: 26, rosterName: '課程學習成果', recordId: outcome, ownerOffice: 'subject-teacher', correctedByName: '王老師', batch: { academicYear: 114, semester: 1 } }]);
    expect(await correctionsPendingSubmission(t.db.kysely as any, t.config.code, { rosterKinds: [24] })).toEqual([]);

    const seenCourse = (await item('課程學習成果')).issues[0];
    expect(seenCourse).toMatchObject({
      text: '成果簡述有誤',
      raisedAt: '2025-10-03T04:00:00.000Z',
      status: 'answered',
      routedTo: { office: 'subject-teacher', label: { 'zh-TW': '任課教師' }, ownerName: '王老師' },
      answer: { text: '已更正成果簡述，將於下次提交', byName: '王老師', at: '2025-10-03T05:00:00.000Z', corrected: true },
      correction: { status: 'pending-submission', receivedAt: null },
      closed: null,
    });
    expect((await item('校內幹部經歷')).issues[0]).toMatchObject({ answer: { corrected: false }, correction: null });

    // The student accepts the answer on the cadre roster: closed by them, once.
    expect((await t.mutate('receipt.issues.accept', { issueId: cadre.id }, linUser)).status).toBe(404);
    const accepted = await t.mutate('receipt.issues.accept', { issueId: cadre.id }, chenUser);
    expect(accepted.data).toMatchObject({ status: 'closed', closedBy: 'student' });
    const again = await t.mutate('receipt.issues.accept', { issueId: cadre.id }, chenUser);
    expect([again.status, again.error?.licheng?.code]).toEqual([409, 'receipt-issue-not-answered']);
    expect((await item('校內幹部經歷')).issues[0]).toMatchObject({ status: 'closed', closed: { by: 'student' } });

    // The next receipt has chen's 課程學習成果 again: the answered issue closes, the correction is received.
    setDay(t, '2025-10-20');
    const next = await importZip(t, await receiptZip({ [COURSE.replace('114_0_', '114_0_2_')]: rosterJson('課程學習成果', [{ ...chen, 學期課程學習成果: [{ 課程代碼: CHINESE, 科目名稱: '國語文', 成果簡述: '閱讀心得（更正）' }] }]) }), { start: '2025-10-20', end: '2025-10-24' });
    expect(next.data?.problems ?? next.error).toEqual([]);
    const closed = await t.db.kysely.selectFrom('receipt_issues' as never).selectAll().where('id' as never, '=', course.id as never).executeTakeFirstOrThrow() as any;
    expect([closed.status, closed.closed_by]).toEqual(['closed', 'next-receipt']);
    expect(await correctionsPendingSubmission(t.db.kysely as any, t.config.code)).toEqual([]);
    const [correction] = await rows(t, 'receipt_corrections');
    expect(correction).toMatchObject({ status: 'received', received_batch_id: next.data.batchId });
    const actions = (await t.db.kysely.selectFrom('audit_log').select('action').where('action', 'in', ['receipt.issue.resolve', 'receipt.correction.mark', 'receipt.issue.close', 'receipt.correction.receive']).execute()).map((a) => a.action).sort();
    expect(actions).toEqual(['receipt.correction.mark', 'receipt.correction.receive', 'receipt.issue.close', 'receipt.issue.close', 'receipt.issue.resolve', 'receipt.issue.resolve']);
  });
});
