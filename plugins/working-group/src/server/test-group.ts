import type { DialectName } from '@licheng/db';
import { createTestLicheng, type TestLicheng, type TestUser } from '@licheng/server/testing';
import plugin from './index.ts';
import { staff, taipei } from './test-schedule.ts';

/** Test support for the group's members, meetings and trainings. */

export { staff, taipei };
export const admin: TestUser = { userId: 'admin-1', name: '系統管理者', roles: ['admin'] };
export const teacher: TestUser = { userId: 't-wang', name: '王老師', roles: ['subject-teacher'] };
export const otherSchool: TestUser = { userId: 'wg-x', name: '他校', roles: ['working-group'], school: '654321' };

/** A test app with the working group on, its clock on `now` (Taipei noon of 2026-11-27 by default: 115 semester 1). */
export function groupApp(dialect: DialectName, now = taipei('2026-11-27'), config: Record<string, unknown> = {}): Promise<TestLicheng> {
  return createTestLicheng({ dialect, plugins: [plugin], now, config });
}

/** Adds a member and returns it; fails the test when refused. */
export async function addMember(t: TestLicheng, over: Record<string, unknown> = {}, user: TestUser = staff) {
  const res = await t.mutate('working-group.members.add', { academicYear: 115, name: '林委員', title: '教師', representing: '教師代表', role: 'member', ...over }, user);
  if (res.error) throw new Error(`members.add: ${res.error.message}`);
  return res.data;
}

/** Records a meeting and returns it; fails the test when refused. */
export async function saveMeeting(t: TestLicheng, input: Record<string, unknown>, user: TestUser = staff) {
  const res = await t.mutate('working-group.meetings.save', { place: '會議室', ...input }, user);
  if (res.error) throw new Error(`meetings.save: ${res.error.message}`);
  return res.data;
}

/** Plans (or records) a training and returns it; fails the test when refused. */
export async function saveTraining(t: TestLicheng, input: Record<string, unknown>, user: TestUser = staff) {
  const res = await t.mutate('working-group.trainings.save', { academicYear: 115, semester: 1, kind: 'teacher', title: '教師研習', ownerOffice: '教務處', ...input }, user);
  if (res.error) throw new Error(`trainings.save: ${res.error.message}`);
  return res.data;
}

/** A CSV file of `lines` (each a row of cells), as a form for importAttendance. */
export function attendanceForm(id: string, lines: string[][], dryRun = false, name = 'attendance.csv'): FormData {
  const form = new FormData();
  form.set('id', id);
  form.set('dryRun', String(dryRun));
  form.set('file', new File([lines.map((l) => l.join(',')).join('\r\n')], name));
  return form;
}
