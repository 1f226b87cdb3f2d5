import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { newId } from '@licheng/db';
import { testDialects } from '@licheng/db/testing';
import { seedRoster, setTestSchedule, type TestLicheng, type TestUser } from '@licheng/server/testing';
import { addMember, groupApp, otherSchool, saveMeeting, saveTraining, staff, taipei, teacher } from './test-group.ts';

/** Another member of the working group, not its executive secretary. */
const colleague: TestUser = { userId: 'wg-2', name: '學務主任', roles: ['working-group'] };
const OVERVIEW = 'working-group.evaluation.overview';
const PROPOSE = 'working-group.evaluation.propose';
const DECIDE = 'working-group.evaluation.decide';
const WITHDRAW = 'working-group.evaluation.withdraw';

/**
 * 成效評核及獎勵 (seeds 000–002: the executive secretary proposes, the group decides, then
 * 敘獎 by the school's staff-award rules; 啟明: in the year's second semester).
 */
describe.each(testDialects())('working-group evaluation and awards on %s', (dialect) => {
  let t: TestLicheng;
  afterEach(async () => t?.close());
  const db = () => t.db.kysely as any;

  /** 115 semester 2 (2027-03-10): 教務主任 wg-1 is executive secretary; a meeting of 115-2 held on 2027-03-05. */
  async function start(now = taipei('2027-03-10')) {
    t = await groupApp(dialect, now);
    await addMember(t, { name: '教務主任', role: 'executive-secretary', userId: 'wg-1' });
    t.clock.now = taipei('2027-03-10');
    const meeting = await saveMeeting(t, { date: '2027-03-05' });
    t.clock.now = now;
    return meeting;
  }

  /** Two decisions by 王老師 on 115-1 outcomes, one at 23:59 Taipei on the window's last day, one a minute later; and the audit of a roster export and a pre-check run. */
  async function seedWork() {
    const { courseIds } = await seedRoster(t);
    await setTestSchedule(t, [
      { activity: 'outcome-certification', academicYear: 115, semester: 1, start: '2026-09-01', end: '2027-01-20' },
      { activity: 'roster-submission', academicYear: 115, semester: 1, start: '2027-01-21', end: '2027-02-10' },
    ]);
    const student = await db().selectFrom('students').select('id').where('student_no', '=', 'S001').executeTakeFirstOrThrow();
    for (const decidedAt of ['2027-01-20T15:59:00.000Z', '2027-01-20T16:00:00.000Z']) {
      await db().insertInto('records').values({ id: newId(), school_code: t.config.code, kind: 'outcome', student_id: student.id, course_id: courseIds['國語文'], academic_year: 115, semester: 1, summary: 's', data: '{}', document_file_id: null, media_file_id: null, status: 'passed', status_reason: null, decided_by: 't-wang', decided_by_name: '王老師', decided_role: 'subject-teacher', decided_at: decidedAt, entered_by: 's-chen', entered_role: 'student', version: 1, created_at: decidedAt, updated_at: decidedAt }).execute();
    }
    const audit = (action: string, actor: string, role: string, at: string, after: object) =>
      db().insertInto('audit_log').values({ id: newId(), school_code: t.config.code, actor_id: actor, actor_name: actor === 'r-1' ? '註冊組長' : '教學組長', actor_role: role, acted_for: null, acted_for_name: null, action, entity: 'x', entity_id: newId(), student_id: null, parent_id: null, before: null, after: JSON.stringify(after), at }).execute();
    await audit('roster.export.26', 'r-1', 'registry-staff', '2027-02-09T02:00:00.000Z', { academicYear: 115, semester: 1, kind: 26 });
    await audit('curriculum.precheck.run', 'c-1', 'curriculum-staff', '2026-09-10T02:00:00.000Z', { academicYear: 115, semester: 1 });
    await saveTraining(t, { academicYear: 115, semester: 2, kind: 'teacher', ownerOffice: '教務處', heldDate: '2027-03-01' });
    await saveTraining(t, { academicYear: 115, semester: 2, kind: 'parent', ownerOffice: '輔導室', plannedDate: '2027-05-01' });
  }

  const propose = (over: Record<string, unknown> = {}, user: TestUser = staff) =>
    t.mutate(PROPOSE, { academicYear: 115, subjectKind: 'person', subjectId: 't-wang', subjectName: '王老師', level: 'commendation', times: 2, reason: '認證如期完成', ...over }, user);

  it('computes each person’s and office’s figures from the data, on time in Taipei days', async () => {
    await start();
    await seedWork();
    // The registry's export of the pre-check roster 41 is pre-check work, not a roster submission.
    await db().insertInto('audit_log').values({ id: newId(), school_code: t.config.code, actor_id: 'r-1', actor_name: '註冊組長', actor_role: 'registry-staff', acted_for: null, acted_for_name: null, action: 'roster.export.41', entity: 'x', entity_id: newId(), student_id: null, parent_id: null, before: null, after: JSON.stringify({ academicYear: 115, semester: 2, roster: 'precheck-day', batch: 'regular', kind: 41 }), at: '2027-02-20T02:00:00.000Z' }).execute();
    const o = (await t.query(OVERVIEW, { academicYear: 115 }, staff)).data;
    expect(o).toMatchObject({ academicYear: 115, phase: 'open', closedReason: null, isSecretary: true, secretary: { name: '教務主任', userId: 'wg-1' } });
    const wang = o.figures.people.find((p: any) => p.userId === 't-wang');
    expect(wang).toMatchObject({ name: '王老師', roles: ['任課教師'], certification: { decided: 2, onTime: 1, onTimeRate: 0.5 }, rosterExports: 0 });
    expect(o.figures.people.find((p: any) => p.userId === 'r-1')).toMatchObject({ rosterExports: 1, precheckRuns: 1 });
    const office = (key: string) => o.figures.offices.find((f: any) => f.key === key);
    expect(office('role:registry-staff').rosters).toEqual([{ semester: 1, first: '2027-02-09', onTime: true }, { semester: 2, first: null, onTime: null }]);
    expect(office('role:curriculum-staff').precheck[0]).toEqual({ semester: 1, first: '2026-09-10', onTime: null });
    expect(office('role:registry-staff').precheck[1]).toMatchObject({ semester: 2, first: '2027-02-20' });
    expect(office('office:教務處').trainings).toEqual({ planned: 1, held: 1 });
    expect(office('office:輔導室').trainings).toEqual({ planned: 1, held: 0 });
    expect(o.meetings).toEqual([expect.objectContaining({ date: '2027-03-05' })]);
    expect(o.rules.map((r: any) => r.source)).toContain('001 補充規定 陸、成效評核與獎勵');
    // Another school's token is refused.
    expect((await t.query(OVERVIEW, { academicYear: 115 }, otherSchool)).status).toBe(403);
  });

  it('shows no figures and refuses proposals before the year’s second semester', async () => {
    await start(taipei('2027-01-31', '23:59:00'));
    const o = (await t.query(OVERVIEW, { academicYear: 115 }, staff)).data;
    expect(o).toMatchObject({ phase: 'before', figures: null, closedReason: '115 學年度的成效評核及獎勵於該學年度第 2 學期辦理，現在不能提出建議或議決' });
    const early = await propose();
    expect(early.status).toBe(403);
    expect(early.error?.licheng?.code).toBe('wg-evaluation-not-open');
    t.clock.now = taipei('2027-02-01', '00:00:00');
    expect((await propose()).error).toBeNull();
    t.clock.now = taipei('2027-08-01', '00:00:00');
    expect((await propose()).error?.licheng?.code).toBe('wg-evaluation-not-open');
    expect((await t.query(OVERVIEW, { academicYear: 115 }, staff)).data).toMatchObject({ phase: 'after', proposals: [expect.objectContaining({ subjectName: '王老師' })] });
  });

  it('lets only the serving executive secretary propose, keeps the figures with it, and audits', async () => {
    await start();
    await seedWork();
    const refused = await propose({}, colleague);
    expect(refused.status).toBe(403);
    expect(refused.error?.licheng?.code).toBe('wg-not-executive-secretary');
    expect((await propose({}, teacher)).status).toBe(403);
    expect((await propose({ level: 'medal' })).status).toBe(400);
    expect((await propose({ times: 3 })).status).toBe(400);
    expect((await propose({ reason: '  ' })).status).toBe(400);
    expect(await db().selectFrom('working_group_award_proposals').selectAll().execute()).toEqual([]);
    const ok = await propose();
    expect(ok.error).toBeNull();
    expect(ok.data).toMatchObject({ subjectName: '王老師', level: 'commendation', times: 2, proposedByName: '教務主任', decision: null, figures: { certification: { decided: 2, onTime: 1 } } });
    const audit = await db().selectFrom('audit_log').select(['action', 'entity_id']).where('action', 'like', 'working-group.award.%').execute();
    expect(audit).toEqual([{ action: 'working-group.award.propose', entity_id: ok.data.id }]);
  });

  it('records one decision per proposal at a held meeting of semester 2: approved, changed or rejected', async () => {
    const meeting = await start();
    const a = (await propose()).data;
    const b = (await propose({ subjectKind: 'office', subjectId: 'office:教務處', subjectName: '教務處', level: 'merit', times: 1 })).data;
    const c = (await propose({ subjectName: '林登錄員', subjectId: undefined })).data;
    const decide = (input: Record<string, unknown>, user: TestUser = colleague) => t.mutate(DECIDE, { meetingId: meeting.id, note: '', ...input }, user);
    expect((await decide({ proposalId: a.id, outcome: 'changed', level: 'commendation', times: 2 })).error?.licheng?.code).toBe('wg-award-change-needed');
    const future = await saveMeeting(t, { date: '2027-04-01' });
    expect((await decide({ proposalId: a.id, outcome: 'approved', meetingId: future.id })).error?.licheng?.code).toBe('wg-award-meeting');
    const approved = await decide({ proposalId: a.id, outcome: 'approved', note: '第 3 次會議' });
    expect(approved.data.decision).toMatchObject({ outcome: 'approved', level: 'commendation', times: 2, meetingDate: '2027-03-05', note: '第 3 次會議', decidedByName: '學務主任' });
    const again = await decide({ proposalId: a.id, outcome: 'rejected' });
    expect(again.status).toBe(409);
    expect(again.error?.licheng?.code).toBe('wg-award-decided');
    expect((await decide({ proposalId: b.id, outcome: 'changed', level: 'commendation', times: 1 })).data.decision).toMatchObject({ outcome: 'changed', level: 'commendation', times: 1 });
    expect((await decide({ proposalId: c.id, outcome: 'rejected' })).data.decision).toMatchObject({ outcome: 'rejected', level: null, times: null });
    expect(await db().selectFrom('working_group_award_decisions').select('proposal_id').execute()).toHaveLength(3);
    // A decided proposal is no longer withdrawn.
    expect((await t.mutate(WITHDRAW, { id: a.id, withdrawn: true }, staff)).error?.licheng?.code).toBe('wg-award-decided');
    // Two decisions at once on the same proposal: one is written.
    const d = (await propose({ subjectName: '陳老師', subjectId: undefined })).data;
    const both = await Promise.all([decide({ proposalId: d.id, outcome: 'approved' }), decide({ proposalId: d.id, outcome: 'rejected' })]);
    expect(both.filter((r) => r.error === null)).toHaveLength(1);
    expect(await db().selectFrom('working_group_award_decisions').select('id').where('proposal_id', '=', d.id).execute()).toHaveLength(1);
  });

  it('withdraws an undecided proposal and restores it; a withdrawn one is not decided', async () => {
    const meeting = await start();
    const p = (await propose()).data;
    expect((await t.mutate(WITHDRAW, { id: p.id, withdrawn: true }, colleague)).error?.licheng?.code).toBe('wg-not-executive-secretary');
    expect((await t.mutate(WITHDRAW, { id: p.id, withdrawn: true }, staff)).data.withdrawnAt).not.toBeNull();
    expect((await t.mutate(DECIDE, { proposalId: p.id, outcome: 'approved', meetingId: meeting.id }, staff)).error?.licheng?.code).toBe('wg-award-withdrawn');
    expect((await t.mutate(WITHDRAW, { id: p.id, withdrawn: false }, staff)).data.withdrawnAt).toBeNull();
    expect((await t.mutate(DECIDE, { proposalId: p.id, outcome: 'approved', meetingId: meeting.id }, staff)).error).toBeNull();
    // Another school's proposal reads as not found.
    const q = (await propose({ subjectName: '陳老師' })).data;
    await db().updateTable('working_group_award_proposals').set({ school_code: '654321' }).where('id', '=', q.id).execute();
    expect((await t.mutate(WITHDRAW, { id: q.id, withdrawn: true }, staff)).error?.licheng?.code).toBe('not-found');
    expect((await t.mutate(DECIDE, { proposalId: q.id, outcome: 'approved', meetingId: meeting.id }, staff)).error?.licheng?.code).toBe('not-found');
  });

  it('exports the proposals, decisions and figures as Excel for the staff-award process', async () => {
    const meeting = await start();
    await seedWork();
    const p = (await propose()).data;
    await t.mutate(DECIDE, { proposalId: p.id, outcome: 'changed', level: 'commendation', times: 1, meetingId: meeting.id, note: '' }, staff);
    const get = async (user: TestUser) => t.app.request('/api/working-group/evaluation.xlsx?academicYear=115', { headers: { authorization: `Bearer ${await t.token(user)}` } });
    expect((await get(teacher)).status).toBe(403);
    const res = await get(staff);
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    expect(book.worksheets.map((s) => s.name)).toEqual(['敘獎建議及決議', '人員成效', '處室成效']);
    const rows = (i: number) => book.worksheets[i]!.getSheetValues().slice(1).map((r) => (r as unknown[]).slice(1));
    expect(rows(0)[2]).toEqual(['王老師', '人員', '嘉獎二次', '認證如期完成', '改列', '嘉獎一次', '116/03/05', '', '已議決']);
    expect(rows(1)).toContainEqual(['王老師', '任課教師', '2', '1', '50%', '0', '0']);
    expect(rows(2)).toContainEqual(['註冊組', '', '', '', '', '', '第1學期：116/02/09 期限內；第2學期：未辦理', '']);
    // A year that is not one is refused as the schedule's file refuses it: the parameter and the reason.
    const bad = await t.app.request('/api/working-group/evaluation.xlsx?academicYear=2025', { headers: { authorization: `Bearer ${await t.token(staff)}` } });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: { code: 'import-number-invalid', message: 'academicYear: 「學年度」應為 100 到 999 的整數（目前為「2025」）' } });
  });
});
