import { afterEach, describe, expect, it } from 'vitest';
import { testDialects } from '@licheng/db/testing';
import type { TestLicheng, TestUser } from '@licheng/server/testing';
import { addMember, admin, attendanceForm, groupApp, otherSchool, saveMeeting, saveTraining, staff, teacher } from './test-group.ts';

describe.each(testDialects())('who keeps the working group’s records, on %s', (dialect) => {
  let t: TestLicheng;
  afterEach(async () => t?.close());

  it('lets the working group and administrators read and change them, and nobody else', async () => {
    t = await groupApp(dialect);
    const member = await addMember(t, {}, admin);
    const meeting = await saveMeeting(t, { date: '2026-09-15' }, admin);
    const training = await saveTraining(t, {}, admin);
    for (const path of ['working-group.members.list', 'working-group.meetings.list', 'working-group.trainings.list']) {
      for (const user of [staff, admin]) expect((await t.query(path, undefined, user)).error, `${path} ${user.userId}`).toBeNull();
      const refused = await t.query(path, undefined, teacher);
      expect(refused.status, path).toBe(403);
    }
    const writes: Array<[string, unknown]> = [
      ['working-group.members.add', { academicYear: 115, name: 'x', title: '', representing: 'y', role: 'member' }],
      ['working-group.members.end', { id: member.id, action: 'end' }],
      ['working-group.meetings.save', { id: meeting.id, date: '2026-09-15', place: 'x' }],
      ['working-group.meetings.remove', { id: meeting.id }],
      ['working-group.trainings.remove', { id: training.id }],
    ];
    for (const [path, input] of writes) expect((await t.mutate(path, input, teacher)).status, path).toBe(403);
    const download = await t.app.request(meeting.download, { headers: { authorization: `Bearer ${await t.token(teacher)}` } });
    expect(download.status).toBe(403);
  });

  it('reads another school’s member, meeting or training as not found', async () => {
    t = await groupApp(dialect);
    const member = await addMember(t);
    const meeting = await saveMeeting(t, { date: '2026-09-15' });
    const training = await saveTraining(t, { heldDate: '2026-10-01' });
    // The rows now belong to another school kept in the same database: this school's group reaches none of them.
    for (const table of ['working_group_members', 'working_group_meetings', 'working_group_trainings']) {
      await t.db.kysely.updateTable(table as any).set({ school_code: '654321' }).execute();
    }
    const stranger: TestUser = staff;
    const notFound = async (path: string, input: unknown) => {
      const res = await t.mutate(path, input, stranger);
      expect(res.status, path).toBe(404);
      expect(res.error?.licheng?.code, path).toBe('not-found');
    };
    await notFound('working-group.members.update', { id: member.id, name: 'x', title: '', representing: 'y', role: 'member' });
    await notFound('working-group.members.end', { id: member.id, action: 'end' });
    await notFound('working-group.meetings.save', { id: meeting.id, date: '2026-09-15', place: 'x' });
    await notFound('working-group.meetings.remove', { id: meeting.id });
    await notFound('working-group.trainings.save', { id: training.id, academicYear: 115, semester: 1, kind: 'teacher', title: 'x', ownerOffice: 'y' });
    await notFound('working-group.trainings.remove', { id: training.id });
    const upload = await t.upload('working-group.trainings.importAttendance', attendanceForm(training.id, [['姓名'], ['王小明']]), stranger);
    expect(upload.status).toBe(404);
    const download = await t.app.request(`/api/working-group/meetings/minutes.xlsx?id=${meeting.id}`, { headers: { authorization: `Bearer ${await t.token(stranger)}` } });
    expect(download.status).toBe(404);
    expect(((await download.json()) as any).error.code).toBe('not-found');
    expect((await t.query('working-group.members.list', { academicYear: 115 }, staff)).data.members).toEqual([]);
    expect((await t.query('working-group.meetings.list', { academicYear: 115 }, staff)).data.meetings).toEqual([]);
    expect((await t.query('working-group.members.list', undefined, otherSchool)).status).toBe(403);
  });
});
