import { upsertCourses, upsertEnrolments, upsertStudents, upsertTeachers } from '../roster/upsert.ts';
import type { TestLicheng, TestUser } from './harness.ts';

/** A small roster: two teachers, three students in class 101, two courses of 114-1. */
export const testRoster = {
  teachers: [
    { teacherNo: 'T001', name: '王老師', email: '', hostUserId: 't-wang' },
    { teacherNo: 'T002', name: '李老師', email: '', hostUserId: 't-li' },
  ],
  students: [
    { studentNo: 'S001', name: '陳小明', nationalId: 'A123456789', birthDate: '2009-03-01', grade: 1, className: '101', seatNo: 1, division: 'day', departmentCode: '', hostUserId: 's-chen' },
    { studentNo: 'S002', name: '林小華', nationalId: 'B223456782', birthDate: '2009-05-12', grade: 1, className: '101', seatNo: 2, division: 'day', departmentCode: '', hostUserId: 's-lin' },
    { studentNo: 'S003', name: '張小英', nationalId: 'C123456781', birthDate: '2009-07-30', grade: 1, className: '101', seatNo: 3, division: 'day', departmentCode: '', hostUserId: 's-chang' },
  ],
  courses: [
    { academicYear: 114, semester: 1, code: '108123456E22L0101020005', subjectName: '國語文', gradeLevel: 1, credits: 4, className: '101', teacherNos: ['T001'] },
    { academicYear: 114, semester: 1, code: '108123456E22L0104010005', subjectName: '物理', gradeLevel: 1, credits: 2, className: '101', teacherNos: ['T002'] },
  ],
} as const;

export const users = {
  chen: { userId: 's-chen', name: '陳小明', roles: ['student'] },
  lin: { userId: 's-lin', name: '林小華', roles: ['student'] },
  wang: { userId: 't-wang', name: '王老師', roles: ['subject-teacher'] },
  li: { userId: 't-li', name: '李老師', roles: ['subject-teacher'] },
  registry: { userId: 'r-staff', name: '註冊組長', roles: ['registry-staff'] },
} satisfies Record<string, TestUser>;

/** Windows that are open on the harness's default clock (2025-10-01, 114-1). */
export const openSchedule = [
  { activity: 'outcome-upload', academicYear: 114, semester: 1, start: '2025-08-01', end: '2026-02-15' },
  { activity: 'outcome-certification', academicYear: 114, semester: 1, start: '2025-08-01', end: '2026-03-01' },
  { activity: 'outcome-selection', academicYear: 114, semester: 0, start: '2025-08-01', end: '2026-07-31' },
];

/** Loads the test roster; every student takes both courses. Returns course ids by subject. */
export async function seedRoster(t: TestLicheng): Promise<{ courseIds: Record<string, string> }> {
  const db = t.db.kysely as any;
  const school = t.config.code;
  await db.transaction().execute(async (trx: any) => {
    await upsertTeachers(trx, school, testRoster.teachers.map((r) => ({ ...r })), t.clock.now);
    await upsertStudents(trx, school, testRoster.students.map((r) => ({ ...r })) as any, t.clock.now);
    await upsertCourses(trx, school, testRoster.courses.map((r) => ({ ...r, teacherNos: [...r.teacherNos] })), t.clock.now);
    const enrolments = testRoster.students.flatMap((s) =>
      testRoster.courses.map((c) => ({ studentNo: s.studentNo, academicYear: c.academicYear, semester: c.semester, code: c.code, className: c.className, takeKind: 1 })),
    );
    await upsertEnrolments(trx, school, enrolments as any, t.clock.now);
  });
  const courses = await db.selectFrom('courses').select(['id', 'subject_name']).execute();
  return { courseIds: Object.fromEntries(courses.map((c: any) => [c.subject_name, c.id])) };
}
