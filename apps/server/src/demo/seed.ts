import { academicTermOf, taipeiDate } from '@licheng/core';
import {
  decideRecord,
  enterRecord,
  resubmitRecord,
  stageFiles,
  upsertClasses,
  upsertCourses,
  upsertEnrolments,
  upsertStudents,
  upsertTeachers,
  type AuthedContext,
  type RecordRow,
  type LichengApp,
  type Student,
} from '@licheng/server';
import { demoClasses, demoCourses, demoEnrolments, demoStudents, demoTeachers } from './roster.ts';
import { seedDemoCounseling } from './counseling.ts';
import { seedDemoGrades } from './grades.ts';
import { seedDemoLibrary } from './library.ts';
import { seedDemoCurriculum } from './curriculum.ts';
import { seedDemoCompetitions, seedDemoPracticum } from './competitions-and-practicum.ts';
import { seedDemoPerformances } from './performances.ts';
import { seedDemoProxies } from './proxies.ts';
import { seedDemoReceipt } from './receipt.ts';
import { seedDemoStudentAffairs } from './student-affairs.ts';
import { seedDemoSubmission } from './submission.ts';
import { seedDemoWriting } from './writing.ts';
import { seedDemoWorkingGroup } from './working-group.ts';
import { samplePdf } from './sample-files.ts';

const samples = ['閱讀心得：〈背影〉中的父愛', '函數圖形探究報告', '自由落體實驗紀錄', 'Python 小專題：成績統計'];

/** Loads the demo school (roster, classes with their homeroom teachers, a few outcomes in each state, last term's receipt, this term's 校內幹部經歷 roster marked submitted) unless it already has students.
 *  王美玲 teaches 國語文 to 101 and 102, and both classes have outcomes waiting, so her queue shows one subject in two classes. */
export async function seedDemo(app: LichengApp): Promise<boolean> {
  const base = await app.createContext(new Request('http://demo/'));
  const { db, config } = base;
  const existing = await db.selectFrom('students').select('id').where('school_code', '=', config.code).executeTakeFirst();
  if (existing) return false;
  const now = base.now();
  const term = academicTermOf(taipeiDate(now));
  const students = demoStudents();
  const courses = demoCourses(term.academicYear, term.semester, config.code);
  await db.transaction().execute(async (trx) => {
    await upsertTeachers(trx, config.code, demoTeachers(), now);
    await upsertStudents(trx, config.code, students, now);
    await upsertCourses(trx, config.code, courses, now);
    await upsertEnrolments(trx, config.code, demoEnrolments(students, courses), now);
    await upsertClasses(trx, config.code, demoClasses(term.academicYear), now);
  });
  const rows = await db.selectFrom('students').selectAll().where('school_code', '=', config.code).where('class_name', '=', '101').orderBy('seat_no').limit(4).execute();
  for (const [i, student] of rows.entries()) await seedOutcomes(app, student, i);
  await seedDemoPerformances(app, rows[0]!);
  const second = await db.selectFrom('students').selectAll().where('school_code', '=', config.code).where('class_name', '=', '102').orderBy('seat_no').limit(3).execute();
  for (const [i, student] of second.entries()) await seedChineseOutcome(app, student, i === 1);
  await seedDemoReceipt(app);
  if (app.plugins.some((p) => p.id === 'counseling')) await seedDemoCounseling(app, term);
  if (app.plugins.some((p) => p.id === 'library')) await seedDemoLibrary(app, term);
  await seedDemoCompetitions(app);
  await seedDemoPracticum(app);
  await seedDemoStudentAffairs(app);
  if (app.plugins.some((p) => p.id === 'autobiography')) await seedDemoWriting(app);
  if (app.plugins.some((p) => p.id === 'curriculum')) await seedDemoCurriculum(app, term);
  await seedDemoGrades(app);
  await seedDemoSubmission(app);
  if (app.plugins.some((p) => p.id === 'working-group')) await seedDemoWorkingGroup(app);
  await seedDemoProxies(app);
  return true;
}

async function seedOutcomes(app: LichengApp, student: Student, index: number) {
  const ctx = await app.actAs({ userId: student.host_user_id, name: student.name, school: app.config.code, roles: ['student'] });
  const courses = await ctx.db
    .selectFrom('enrolments')
    .innerJoin('courses', 'courses.id', 'enrolments.course_id')
    .select(['courses.id', 'courses.subject_name', 'courses.academic_year', 'courses.semester'])
    .where('enrolments.student_id', '=', student.id)
    .orderBy('courses.code')
    .execute();
  for (const [j, course] of courses.entries()) {
    if ((index + j) % 2 === 1) continue;
    const summary = samples[j % samples.length]!;
    const document = new File([samplePdf(`Demo outcome ${index + 1}-${j + 1}`)], `${course.subject_name}成果.pdf`, { type: 'application/pdf' });
    const record = await enterRecord(ctx, { kind: 'outcome', student, courseId: course.id, academicYear: course.academic_year, semester: course.semester, summary, files: await stageFiles(ctx, { document }) });
    if (index === 0 && j === 0) await decideAsTeacher(app, ctx.db, record, 'pass');
    if (index === 2 && j === 0) await decideAsTeacher(app, ctx.db, record, 'fail');
  }
}

/** One 國語文 outcome of a 102 student; `resubmitted`: failed, then fixed and sent again (重新送出). */
async function seedChineseOutcome(app: LichengApp, student: Student, resubmitted: boolean) {
  const ctx = await app.actAs({ userId: student.host_user_id, name: student.name, school: app.config.code, roles: ['student'] });
  const course = await ctx.db
    .selectFrom('enrolments')
    .innerJoin('courses', 'courses.id', 'enrolments.course_id')
    .select(['courses.id', 'courses.academic_year', 'courses.semester'])
    .where('enrolments.student_id', '=', student.id)
    .where('courses.subject_name', '=', '國語文')
    .executeTakeFirstOrThrow();
  const document = new File([samplePdf(`Demo outcome 102-${student.seat_no}`)], '國語文成果.pdf', { type: 'application/pdf' });
  const record = await enterRecord(ctx, { kind: 'outcome', student, courseId: course.id, academicYear: course.academic_year, semester: course.semester, summary: samples[0]!, files: await stageFiles(ctx, { document }) });
  if (!resubmitted) return;
  const failed = await decideAsTeacher(app, ctx.db, record, 'fail');
  const fixed = new File([samplePdf(`Demo outcome 102-${student.seat_no} fixed`)], '國語文成果（修正）.pdf', { type: 'application/pdf' });
  await resubmitRecord(ctx, failed, { summary: `${samples[0]!}（修正版）`, files: await stageFiles(ctx, { document: fixed }) });
}

async function decideAsTeacher(app: LichengApp, db: AuthedContext['db'], record: RecordRow, decision: 'pass' | 'fail'): Promise<RecordRow> {
  const teacher = await db
    .selectFrom('course_teachers')
    .innerJoin('teachers', 'teachers.id', 'course_teachers.teacher_id')
    .select(['teachers.host_user_id', 'teachers.name'])
    .where('course_teachers.course_id', '=', record.course_id!)
    .executeTakeFirstOrThrow();
  const ctx = await app.actAs({ userId: teacher.host_user_id, name: teacher.name, school: app.config.code, roles: ['subject-teacher'] });
  return decideRecord(ctx, record, { decision, reason: decision === 'fail' ? '檔案內容與本課程單元無關，請確認上傳的是本課程的作品' : undefined });
}
