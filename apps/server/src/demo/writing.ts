import { academicTermOf, findWindow, windowState } from '@licheng/core';
import { scheduleOf, type LichengApp, type Student } from '@licheng/server';

/** What 101's students wrote (自傳). */
const drafts = {
  first: '我是一個喜歡動手做的人。\n國中時參加科展，做了簡易風力發電機。',
  second: '我是一個喜歡動手做的人。\n國中時參加科展，做了簡易風力發電機，得到佳作。\n高中希望繼續探索能源科技。',
  submitted: '從小我就喜歡閱讀，尤其是歷史小說。\n高一擔任圖書股長，整理班級書櫃。\n未來想就讀歷史系，研究臺灣史。',
  passed: '我來自宜蘭，家裡務農。\n暑假常幫忙田裡的工作，讓我對農業科技產生興趣。\n希望將來研究智慧農業。',
  returned: '我喜歡打籃球。\n我是班上的籃球隊長。',
};

/**
 * 自傳與學習計畫's demo: four students of 101 — one with two drafts, one submitted and waiting for
 * their homeroom teacher (王美玲), one passed (with a study plan drafted after), one returned
 * with a comment. Written through the office's own procedures, as the students and the teacher,
 * so only while the writing window is open (the demo's schedule opens it for the whole year).
 */
export async function seedDemoWriting(app: LichengApp): Promise<void> {
  const base = await app.createContext(new Request('http://demo/'));
  const { db, config } = base;
  const now = base.now();
  if (windowState(findWindow(await scheduleOf(base), 'autobiography', academicTermOf(now), { grade: 1, className: '101' }), now) !== 'open') return;
  const students = await db.selectFrom('students').selectAll().where('school_code', '=', config.code).where('class_name', '=', '101').orderBy('seat_no').limit(4).execute();
  const homeroom = await db
    .selectFrom('classes')
    .innerJoin('teachers', 'teachers.id', 'classes.homeroom_teacher_id')
    .select(['teachers.host_user_id', 'teachers.name'])
    .where('classes.school_code', '=', config.code)
    .where('classes.class_name', '=', '101')
    .orderBy('classes.academic_year', 'desc')
    .executeTakeFirst();
  if (students.length < 4 || !homeroom) return;
  const caller = async (userId: string, name: string, role: 'student' | 'homeroom-teacher') =>
    (app.trpcRouter as any).createCaller(await app.actAs({ userId, name, school: config.code, roles: [role] })).autobiography;
  const asStudent = (s: Student) => caller(s.host_user_id, s.name, 'student');
  const teacher = await caller(homeroom.host_user_id, homeroom.name, 'homeroom-teacher');
  const save = async (s: Student, text: string, baseVersion: number) => (await asStudent(s)).drafts.save({ kind: 'autobiography', language: 'zh', baseVersion, text });
  const submit = async (s: Student, version: number) => (await asStudent(s)).submissions.submit({ kind: 'autobiography', language: 'zh', version });

  const [drafting, waiting, passing, returning] = students as [Student, Student, Student, Student];
  await save(drafting, drafts.first, 0);
  await save(drafting, drafts.second, 1);

  await save(waiting, drafts.submitted, 0);
  await submit(waiting, 1);

  await save(passing, drafts.passed, 0);
  const passed = await submit(passing, 1);
  await teacher.checks.decide({ documentId: passed.id, version: 1, decision: 'pass' });
  await (await asStudent(passing)).drafts.save({
    kind: 'study-plan',
    language: 'zh',
    baseVersion: 0,
    sections: { self: '我來自宜蘭。', career: '想成為農業工程師。', goals: '高二前完成一項專題。', strengths: '', interests: '園藝、程式' },
  });

  await save(returning, drafts.returned, 0);
  const returned = await submit(returning, 1);
  await teacher.checks.decide({ documentId: returned.id, version: 1, decision: 'return', comment: '請多寫你從籃球學到什麼，以及未來想讀的科系。' });
}
