import { enterRecord, decideRecord, saveSelection, stageFiles, upsertClasses, upsertStudents, type Student } from '@licheng/server';
import { fakeFile, openSchedule, seedRoster, type TestLicheng, type TestUser } from '@licheng/server/testing';
import type { KyselyPlugin } from 'kysely';

/** Homeroom teachers of the test roster: 王老師 (T001) and 李老師 (T002), by their host accounts. */
export const homeroom = {
  wang: { userId: 't-wang', name: '王老師', roles: ['homeroom-teacher'] },
  li: { userId: 't-li', name: '李老師', roles: ['homeroom-teacher'] },
  admin: { userId: 'admin-1', name: '系統管理者', roles: ['admin'] },
  student: { userId: 's-chen', name: '陳小明', roles: ['student'] },
} satisfies Record<string, TestUser>;

export const homeroomConfig = { schedule: openSchedule };

/**
 * The test roster plus classes of 114: 101 (導師 王老師) and 102 (導師 李老師), and 王老師's
 * class of 113. Class 102 gets one student, S010 (林大同).
 */
export async function seedClasses(t: TestLicheng): Promise<{ courseIds: Record<string, string> }> {
  const seeded = await seedRoster(t);
  const db = t.db.kysely as any;
  await db.transaction().execute(async (trx: any) => {
    await upsertStudents(trx, t.config.code, [{ studentNo: 'S010', name: '林大同', nationalId: 'D123456782', birthDate: '2009-01-01', grade: 1, className: '102', seatNo: 1, division: 'day', departmentCode: null, hostUserId: 's-lin-dt' }], t.clock.now);
    await upsertClasses(
      trx,
      t.config.code,
      [
        { academicYear: 114, className: '101', grade: 1, homeroomTeacherNo: 'T001' },
        { academicYear: 114, className: '102', grade: 1, homeroomTeacherNo: 'T002' },
        { academicYear: 113, className: '901', grade: 3, homeroomTeacherNo: 'T001' },
      ],
      t.clock.now,
    );
  });
  return seeded;
}

export async function studentNamed(t: TestLicheng, studentNo: string): Promise<Student> {
  return (await (t.db.kysely as any).selectFrom('students').selectAll().where('student_no', '=', studentNo).executeTakeFirstOrThrow()) as Student;
}

/** Enters an outcome as the student would, through the platform's record service. */
export async function enterOutcome(t: TestLicheng, studentNo: string, courseId: string, term: { academicYear: number; semester: number } = { academicYear: 114, semester: 1 }) {
  const student = await studentNamed(t, studentNo);
  const ctx = await t.app.actAs({ userId: student.host_user_id, name: student.name, school: t.config.code, roles: ['student'] });
  const files = await stageFiles(ctx, { document: fakeFile('pdf', 600) });
  return enterRecord(ctx, { kind: 'outcome', student, courseId, ...term, summary: `${student.name}的成果`, files });
}

/** Decides an outcome as the course's teacher. */
export async function decideOutcome(t: TestLicheng, record: Awaited<ReturnType<typeof enterOutcome>>, teacherUserId: string, decision: 'pass' | 'fail') {
  const ctx = await t.app.actAs({ userId: teacherUserId, name: teacherUserId, school: t.config.code, roles: ['subject-teacher'] });
  return decideRecord(ctx, record, { decision, ...(decision === 'fail' ? { reason: '非本課程之作品' } : {}) });
}

export async function selectOutcomes(t: TestLicheng, studentNo: string, recordIds: string[]) {
  const student = await studentNamed(t, studentNo);
  const ctx = await t.app.actAs({ userId: student.host_user_id, name: student.name, school: t.config.code, roles: ['student'] });
  return saveSelection(ctx, { student, kind: 'outcome', academicYear: 114, recordIds, cap: 6 });
}

/** A Kysely plugin that counts the queries run through it. */
export function queryCounter(): { plugin: KyselyPlugin; count: () => number } {
  let n = 0;
  return {
    plugin: {
      transformQuery: (args) => {
        n++;
        return args.node;
      },
      transformResult: async (args) => args.result,
    },
    count: () => n,
  };
}
