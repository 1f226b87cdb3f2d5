import { upsertClasses, upsertStudents } from '@licheng/server';
import { createTestLicheng, seedRoster, type TestLicheng, type TestUser } from '@licheng/server/testing';
import plugin from './index.ts';

/** The writing window of 114, open on the harness's clock (2025-10-01). */
export const writingWindow = { activity: 'autobiography', academicYear: 114, semester: 0, start: '2025-08-01', end: '2026-07-31' };

/** Students of class 101 (陳小明, 林小華) and 102 (林大同); 王老師 leads 101, 李老師 102; 輔導組 張組長. */
export const people = {
  chen: { userId: 's-chen', name: '陳小明', roles: ['student'] },
  lin: { userId: 's-lin', name: '林小華', roles: ['student'] },
  linDt: { userId: 's-lin-dt', name: '林大同', roles: ['student'] },
  wang: { userId: 't-wang', name: '王老師', roles: ['homeroom-teacher'] },
  li: { userId: 't-li', name: '李老師', roles: ['homeroom-teacher'] },
  counselor: { userId: 'c-chang', name: '張組長', roles: ['counseling-staff'] },
} satisfies Record<string, TestUser>;

/** A school with the office on, the writing window open and rules.autobiography as given. */
export async function writingSchool(dialect: Parameters<typeof createTestLicheng>[0]['dialect'], config: Record<string, unknown> = {}): Promise<TestLicheng> {
  const t = await createTestLicheng({ dialect, plugins: [plugin], config: { schedule: [writingWindow], ...config } });
  await seedRoster(t);
  const db = t.db.kysely as any;
  await db.transaction().execute(async (trx: any) => {
    await upsertStudents(trx, t.config.code, [{ studentNo: 'S010', name: '林大同', nationalId: 'D123456782', birthDate: '2009-01-01', grade: 1, className: '102', seatNo: 1, division: 'day', departmentCode: null, hostUserId: 's-lin-dt' }], t.clock.now);
    await upsertClasses(trx, t.config.code, [
      { academicYear: 114, className: '101', grade: 1, homeroomTeacherNo: 'T001' },
      { academicYear: 114, className: '102', grade: 1, homeroomTeacherNo: 'T002' },
    ], t.clock.now);
  });
  return t;
}

/** Saves an autobiography draft; returns the answer. */
export const saveText = (t: TestLicheng, user: TestUser, text: string, baseVersion: number, language = 'zh') =>
  t.mutate('autobiography.drafts.save', { kind: 'autobiography', language, baseVersion, text }, user);

/** Saves and submits a first autobiography; returns the document id. */
export async function submitted(t: TestLicheng, user: TestUser, text = '我是陳小明，喜歡物理。'): Promise<string> {
  const saved = await saveText(t, user, text, 0);
  if (saved.error) throw new Error(saved.error.message);
  const sent = await t.mutate('autobiography.submissions.submit', { kind: 'autobiography', language: 'zh', version: 1 }, user);
  if (sent.error) throw new Error(sent.error.message);
  return sent.data.id;
}

export const codeOf = (answer: { error: { licheng: { code: string } | null } | null }) => answer.error?.licheng?.code;
