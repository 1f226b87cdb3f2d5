import { academicTermOf, academicYearRange, taipeiDate, type Role } from '@licheng/core';
import { decideRecord, enterRecord, type LichengApp, type Student } from '@licheng/server';

type Data = Record<string, string | number | null>;

/**
 * 學務處's demo records for the current term: cadres, service hours, a trip, attendance, rewards,
 * clubs and fitness for students of 101 and 201, each entered by its section; a few entered by
 * students or by 社團活動組 wait for certification (待認證), one was failed with a reason.
 */
export async function seedDemoStudentAffairs(app: LichengApp): Promise<void> {
  if (!app.plugins.some((p) => p.id === 'student-affairs')) return;
  const base = await app.createContext(new Request('http://demo/'));
  const today = taipeiDate(base.now());
  const { academicYear, semester } = academicTermOf(today);
  const start = semester === 1 ? academicYearRange(academicYear).start : `${Number(academicYearRange(academicYear).start.slice(0, 4)) + 1}-02-01`;
  /** A date `days` after the term's start, never after today. */
  const day = (days: number) => {
    const d = new Date(`${start}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + days);
    const iso = d.toISOString().slice(0, 10);
    return iso > today ? today : iso;
  };
  const students = await base.db.selectFrom('students').selectAll().where('school_code', '=', app.config.code).where('seat_no', '<=', 4).orderBy('class_name').orderBy('seat_no').execute();
  const of = (className: string, seat: number) => students.find((s) => s.class_name === className && s.seat_no === seat)!;
  const as = (userId: string, name: string, role: Role) => app.actAs({ userId, name, school: app.config.code, roles: [role] });
  const activities = await as('demo-activities', '訓育組 李組長', 'activities-staff');
  const discipline = await as('demo-discipline', '生輔組 王組長', 'discipline-staff');
  const clubs = await as('demo-clubs', '社團活動組 吳組長', 'clubs-staff');
  const pe = await as('demo-pe', '體育組 周組長', 'pe-staff');
  const enter = (ctx: typeof activities, kind: string, student: Student, data: Data, summary = '') =>
    enterRecord(ctx, { kind, student, courseId: null, academicYear, semester, summary, data, files: [] });
  const byStudent = async (student: Student, kind: string, data: Data, summary = '') =>
    enter(await app.actAs({ userId: student.host_user_id, name: student.name, school: app.config.code, roles: ['student'] }), kind, student, data, summary);

  // 訓育組: cadres at the three levels, in-school service, a trip; students' out-of-school service.
  await enter(activities, 'cadre', of('101', 1), { unit: '101班', startDate: day(0), endDate: null, position: '班長', level: '2' });
  await enter(activities, 'cadre', of('101', 2), { unit: '學生會', startDate: day(7), endDate: null, position: '副會長', level: '1' });
  await enter(activities, 'cadre', of('201', 1), { unit: '熱音社', startDate: day(14), endDate: null, position: '社長', level: '3' });
  await enter(activities, 'service-hours-in', of('101', 1), { name: '圖書館志工', unit: '圖書館', startDate: day(10), endDate: day(40), hours: 6 });
  await enter(activities, 'service-hours-in', of('101', 3), { name: '校園環境維護', unit: '學務處衛生組', startDate: day(12), endDate: null, hours: 4 });
  await enter(activities, 'extracurricular', of('201', 2), { category: '2', name: '花東教育旅行', organiser: '學務處訓育組', startDate: day(30), endDate: day(32), hours: null }, '三天兩夜，參訪花蓮地方產業');
  await byStudent(of('101', 1), 'service-hours-out', { name: '淨灘活動', unit: '海洋保育署', startDate: day(20), endDate: null, hours: 3 }, '參加海岸淨灘');
  const failed = await byStudent(of('101', 2), 'service-hours-out', { name: '社區長者陪伴', unit: '社區發展協會', startDate: day(25), endDate: null, hours: 8 });
  await decideRecord(activities, failed, { decision: 'fail', reason: '請附上服務單位開立的服務證明' });
  await byStudent(of('101', 4), 'extracurricular', { category: '1', name: '大學程式設計營', organiser: '國立中興大學', startDate: day(5), endDate: day(8), hours: 24 });

  // 生輔組: the term's attendance so far, rewards and a punishment.
  const absences = [[0, 1, 2], [2, 0, 1], [0, 3, 0], [1, 1, 4]] as const;
  for (const [i, [absent, personalLeave, sickLeave]] of absences.entries()) {
    await enter(discipline, 'attendance', of('101', i + 1), { absent, personalLeave, sickLeave, officialLeave: i === 1 ? 2 : null, bereavementLeave: null, otherLeave: null });
  }
  await enter(discipline, 'reward-punishment', of('101', 1), { date: day(21), type: '1', times: 2, reason: '擔任班長認真負責' });
  await enter(discipline, 'reward-punishment', of('101', 2), { date: day(28), type: '2', times: 1, reason: '代表學校參加語文競賽獲獎' });
  await enter(discipline, 'reward-punishment', of('201', 3), { date: day(18), type: '4', times: 1, reason: '上課遲到三次' });

  // 社團活動組: memberships and a club cadre (訓育組 certifies them, seed 000).
  await enter(clubs, 'club', of('201', 1), { club: '熱音社', role: '社長', hours: 36 });
  await enter(clubs, 'club', of('101', 1), { club: '熱音社', role: null, hours: 36 });
  await enter(clubs, 'club', of('101', 3), { club: '攝影社', role: null, hours: 30 });

  // 體育組: fitness tests; one a student entered waits for 體育組.
  const fitness = [[168, 58, 32, 205, 38, 560], [156, 47, 38, 170, 30, 610], [175, 66, 25, 230, 45, 505]] as const;
  for (const [i, [height, weight, sitAndReach, standingJump, sitUps, run]] of fitness.entries()) {
    await enter(pe, 'fitness', of('101', i + 1), { date: day(35), height, weight, sitAndReach, standingJump, sitUps, run });
  }
  await byStudent(of('101', 4), 'fitness', { date: day(36), height: 162, weight: 52, sitAndReach: 35, standingJump: 185, sitUps: 33, run: 590 }, '補測');
}
