import { Hono } from 'hono';
import { z } from 'zod';
import { signHostToken, type Identity, type LichengApp } from '@licheng/server';
import { academicTermOf, taipeiDate, type Role } from '@licheng/core';
import { DEMO_COUNSELOR } from './counseling.ts';
import { DEMO_LIBRARIAN } from './library.ts';
import { DEMO_CURRICULUM } from './curriculum.ts';

interface DemoUser extends Identity {
  label: string;
}

/** Who one can sign in as in the demo: a few students, every teacher (homeroom teachers with that role too), registry staff. */
async function demoUsers(app: LichengApp): Promise<DemoUser[]> {
  const { db, config, now } = await app.createContext(new Request('http://demo/'));
  const school = config.code;
  const students = await db.selectFrom('students').select(['host_user_id', 'name', 'class_name', 'seat_no']).where('school_code', '=', school).where('seat_no', '<=', 4).orderBy('class_name').orderBy('seat_no').execute();
  const teachers = await db.selectFrom('teachers').select(['id', 'host_user_id', 'name']).where('school_code', '=', school).orderBy('teacher_no').execute();
  // A teacher who is a homeroom teacher (導師) of a class this academic year signs in with that role too.
  const { academicYear } = academicTermOf(taipeiDate(now()));
  const classes = await db.selectFrom('classes').select(['class_name', 'homeroom_teacher_id']).where('school_code', '=', school).where('academic_year', '=', academicYear).orderBy('class_name').execute();
  const homeroomOf = (teacherId: string) => classes.filter((c) => c.homeroom_teacher_id === teacherId).map((c) => c.class_name);
  const user = (userId: string, name: string, roles: Role[], label: string): DemoUser => ({ userId, name, school, roles, label });
  // A teacher with advisees is a course consultant (課程諮詢教師) too.
  const consultants = new Set((await db.selectFrom('advisees').select('teacher_id').where('school_code', '=', school).execute()).map((a) => a.teacher_id));
  const teacher = (t: (typeof teachers)[number]) => {
    const own = homeroomOf(t.id);
    const advises = consultants.has(t.id);
    const roles: Role[] = ['subject-teacher', ...(own.length ? (['homeroom-teacher'] as const) : []), ...(advises ? (['course-consultant'] as const) : [])];
    const label = ['任課教師', ...(own.length ? [`${own.join('、')} 班導師`] : []), ...(advises ? ['課程諮詢教師'] : [])].join('・');
    return user(t.host_user_id, t.name, roles, label);
  };
  return [
    ...students.map((s) => user(s.host_user_id, s.name, ['student'], `學生 ${s.class_name} 班 ${s.seat_no} 號`)),
    ...teachers.map(teacher),
    user('demo-registry', '註冊組 林組長', ['registry-staff'], '註冊組'),
    user('demo-working-group', '教務處 張主任', ['working-group'], '學習歷程工作小組執行秘書'),
    // A practicum office exists only at schools it applies to (vocational, comprehensive, special education).
    ...(app.plugins.some((p) => p.id === 'practicum') ? [user('demo-practicum', '實習處 陳主任', ['practicum-staff'], '實習處')] : []),
    ...(app.plugins.some((p) => p.id === 'counseling') ? [user(DEMO_COUNSELOR.userId, DEMO_COUNSELOR.name, ['counseling-staff'], '輔導室')] : []),
    ...(app.plugins.some((p) => p.id === 'library') ? [user(DEMO_LIBRARIAN.userId, DEMO_LIBRARIAN.name, ['library-staff'], '圖書館')] : []),
    ...(app.plugins.some((p) => p.id === 'curriculum') ? [user(DEMO_CURRICULUM.userId, DEMO_CURRICULUM.name, ['curriculum-staff'], '教學組')] : []),
    // 學務處: the whole office and each section (訓育組, 生輔組, 社團活動組, 體育組) seeing only its own records.
    ...(app.plugins.some((p) => p.id === 'student-affairs')
      ? [
          user('demo-student-affairs', '學務處 黃主任', ['student-affairs-staff'], '學務處'),
          user('demo-activities', '訓育組 李組長', ['activities-staff'], '學務處訓育組'),
          user('demo-discipline', '生輔組 王組長', ['discipline-staff'], '學務處生輔組'),
          user('demo-clubs', '社團活動組 吳組長', ['clubs-staff'], '學務處社團活動組'),
          user('demo-pe', '體育組 周組長', ['pe-staff'], '學務處體育組'),
        ]
      : []),
  ];
}

/** /demo/users and /demo/token: only mounted when the demo mode is on (see settings.ts). */
export function demoRoutes(app: LichengApp, secret: string): Hono {
  const demo = new Hono();
  demo.get('/users', async (c) => c.json(await demoUsers(app)));
  demo.post('/token', async (c) => {
    const body = z.object({ userId: z.string().min(1).max(128) }).safeParse(await c.req.json().catch(() => null));
    if (!body.success) return c.json({ error: { code: 'invalid-input', message: 'userId is required' } }, 400);
    const user = (await demoUsers(app)).find((u) => u.userId === body.data.userId);
    if (!user) return c.json({ error: { code: 'not-found', message: 'no such demo user' } }, 404);
    return c.json({ token: await signHostToken(user, secret, 8 * 3600), user });
  });
  return demo;
}
