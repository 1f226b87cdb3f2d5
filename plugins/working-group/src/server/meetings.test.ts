import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { testDialects } from '@licheng/db/testing';
import type { TestLicheng } from '@licheng/server/testing';
import { addMember, groupApp, saveMeeting, staff, taipei } from './test-group.ts';

async function sheetRows(res: Response): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await res.arrayBuffer());
  const rows: unknown[][] = [];
  workbook.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe.each(testDialects())('working-group meetings on %s', (dialect) => {
  let t: TestLicheng;
  afterEach(async () => t?.close());

  it('warns of each semester of last year and this one without a held meeting, until one is recorded', async () => {
    t = await groupApp(dialect);
    const list = () => t.query('working-group.meetings.list', undefined, staff).then((r) => r.data);
    expect((await list()).missing).toEqual([
      { academicYear: 114, semester: 1, current: false },
      { academicYear: 114, semester: 2, current: false },
      { academicYear: 115, semester: 1, current: true },
    ]);
    await saveMeeting(t, { date: '2026-03-10' });
    await saveMeeting(t, { date: '2026-12-15' }); // planned: does not count yet
    expect((await list()).missing.map((m: any) => `${m.academicYear}-${m.semester}`)).toEqual(['114-1', '115-1']);
    const held = await saveMeeting(t, { date: '2026-11-20' });
    expect(held).toMatchObject({ academicYear: 115, semester: 1 });
    expect((await list()).missing.map((m: any) => `${m.academicYear}-${m.semester}`)).toEqual(['114-1']);
    // The planned meeting's day comes: it counts once held.
    await t.mutate('working-group.meetings.remove', { id: held.id }, staff);
    expect((await list()).missing.map((m: any) => `${m.academicYear}-${m.semester}`)).toEqual(['114-1', '115-1']);
    t.clock.now = taipei('2026-12-15');
    expect((await list()).missing.map((m: any) => `${m.academicYear}-${m.semester}`)).toEqual(['114-1']);
  });

  it('records agenda, minutes, decisions and attendance of the year’s members, and changes them', async () => {
    t = await groupApp(dialect);
    const convenor = await addMember(t, { name: '陳校長', role: 'convenor' });
    const secretary = await addMember(t, { name: '李主任', role: 'executive-secretary' });
    const member = await addMember(t, { name: '張委員' });
    const meeting = await saveMeeting(t, {
      date: '2026-09-15',
      agenda: '一、115 學年度作業期程',
      minutes: '主席報告：略。',
      decisions: [{ text: '通過 115 學年度作業期程', owner: '教務處', due: '2026-09-30' }, { text: '下次會議於 12 月召開' }],
      attendance: [
        { memberId: convenor.id, state: 'present' },
        { memberId: secretary.id, state: 'present' },
        { memberId: member.id, state: 'excused' },
      ],
    });
    expect(meeting).toMatchObject({ academicYear: 115, semester: 1, date: '2026-09-15', counts: { present: 2, excused: 1, absent: 0 }, updatedByName: '教務主任' });
    expect(meeting.decisions).toEqual([
      { text: '通過 115 學年度作業期程', owner: '教務處', due: '2026-09-30' },
      { text: '下次會議於 12 月召開', owner: '', due: null },
    ]);
    const changed = await saveMeeting(t, { id: meeting.id, date: '2026-09-16', agenda: meeting.agenda, minutes: meeting.minutes, decisions: meeting.decisions, attendance: [{ memberId: member.id, state: 'absent' }] });
    expect(changed).toMatchObject({ id: meeting.id, date: '2026-09-16', counts: { present: 0, excused: 0, absent: 1 } });
    const list = await t.query('working-group.meetings.list', { academicYear: 115 }, staff);
    expect(list.data.meetings).toHaveLength(1);
    expect(list.data.meetings[0].attendance).toEqual([{ memberId: member.id, state: 'absent' }]);
    const audit = await t.db.kysely.selectFrom('audit_log').select('action').where('entity_id', '=', meeting.id).execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['working-group.meeting.add', 'working-group.meeting.update']);
  });

  it('refuses attendance of someone not in that year’s group, and a decision without text, writing nothing', async () => {
    t = await groupApp(dialect);
    const lastYear = await addMember(t, { academicYear: 114, name: '去年委員' });
    const refused = await t.mutate('working-group.meetings.save', { date: '2026-09-15', place: '會議室', attendance: [{ memberId: lastYear.id, state: 'present' }] }, staff);
    expect(refused.status).toBe(400);
    expect(refused.error?.licheng?.code).toBe('wg-attendance-unknown');
    expect(refused.error?.message).toBe('出席名單中有不是 115 學年度工作小組成員的人');
    const noText = await t.mutate('working-group.meetings.save', { date: '2026-09-15', place: '會議室', decisions: [{ text: ' ' }] }, staff);
    expect(noText.status).toBe(400);
    const badDate = await t.mutate('working-group.meetings.save', { date: '2026-02-30', place: '會議室' }, staff);
    expect(badDate.status).toBe(400);
    expect((await t.query('working-group.meetings.list', undefined, staff)).data.meetings).toEqual([]);
  });

  it('exports a meeting’s record to Excel with decisions and every member’s attendance', async () => {
    t = await groupApp(dialect);
    const convenor = await addMember(t, { name: '陳校長', title: '校長', representing: '校長室', role: 'convenor' });
    await addMember(t, { name: '張委員', title: '', representing: '家長代表' });
    const meeting = await saveMeeting(t, { date: '2026-09-15', place: '第一會議室', agenda: '作業期程', minutes: '照案通過', decisions: [{ text: '通過作業期程', owner: '教務處', due: '2026-09-30' }], attendance: [{ memberId: convenor.id, state: 'present' }] });
    expect(meeting.download).toBe(`/api/working-group/meetings/minutes.xlsx?id=${meeting.id}`);
    const res = await t.app.request(meeting.download, { headers: { authorization: `Bearer ${await t.token(staff)}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('minutes-2026-09-15.xlsx');
    const rows = await sheetRows(res);
    expect(rows[0]![0]).toBe('測試高中 115 學年度第 1 學期學習歷程檔案工作小組會議紀錄');
    expect(rows.slice(1, 5)).toEqual([['日期', '115/09/15（2026-09-15）'], ['地點', '第一會議室'], ['議程', '作業期程'], ['會議紀錄', '照案通過']]);
    expect(rows).toContainEqual(['1', '通過作業期程', '教務處', '115/09/30']);
    expect(rows).toContainEqual(['召集人', '陳校長', '校長', '出席']);
    expect(rows).toContainEqual(['委員', '張委員', '家長代表', '未登錄']);
    expect(rows.at(-1)).toEqual(['出席 1 人，請假 0 人，缺席 0 人']);
  });
});
