import { academicTermOf, academicYearRange, taipeiDate } from '@licheng/core';
import { decideRecord, enterRecord, type LichengApp, type Student } from '@licheng/server';

type Data = Record<string, string | number | null>;

/** A date `days` after the current term's start, never after today. */
function termDay(now: Date): { academicYear: number; semester: 1 | 2; day: (days: number) => string } {
  const today = taipeiDate(now);
  const { academicYear, semester } = academicTermOf(today);
  const start = semester === 1 ? academicYearRange(academicYear).start : `${Number(academicYearRange(academicYear).start.slice(0, 4)) + 1}-02-01`;
  const day = (days: number) => {
    const d = new Date(`${start}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + days);
    const iso = d.toISOString().slice(0, 10);
    return iso > today ? today : iso;
  };
  return { academicYear, semester, day };
}

/**
 * 校內競賽's demo results (kind competition-in) for the current term: the 教務處's 國語文競賽 and
 * an English speech contest, registered by the registry office, for students of 101 and 102 —
 * they show among those students' records and outside their 10.
 */
export async function seedDemoCompetitions(app: LichengApp): Promise<void> {
  if (!app.plugins.some((p) => p.id === 'competitions')) return;
  const base = await app.createContext(new Request('http://demo/'));
  const { academicYear, semester, day } = termDay(base.now());
  const students = await base.db.selectFrom('students').selectAll().where('school_code', '=', app.config.code).where('seat_no', '<=', 3).orderBy('class_name').orderBy('seat_no').execute();
  const of = (className: string, seat: number) => students.find((s) => s.class_name === className && s.seat_no === seat);
  const registry = await app.actAs({ userId: 'demo-registry', name: '註冊組 林組長', school: app.config.code, roles: ['registry-staff'] });
  const results: Array<[Student | undefined, Data, string]> = [
    [of('101', 1), { name: `${academicYear}學年度全校國語文競賽`, event: '演說', level: '1', award: '第一名', resultDate: day(40), participation: '1', organiser: '教務處' }, '國語文競賽演說第一名'],
    [of('101', 2), { name: `${academicYear}學年度全校國語文競賽`, event: '作文', level: '1', award: '佳作', resultDate: day(40), participation: '1', organiser: '教務處' }, ''],
    [of('102', 1), { name: `${academicYear}學年度全校國語文競賽`, event: '字音字形', level: '1', award: '第二名', resultDate: day(40), participation: '1', organiser: '教務處' }, ''],
    [of('102', 3), { name: '全校英語說故事比賽', event: '高一組', level: '1', award: '第三名', resultDate: day(45), participation: '1', organiser: '教務處教學組' }, ''],
  ];
  for (const [student, data, summary] of results) {
    if (student) await enterRecord(registry, { kind: 'competition-in', student, courseId: null, academicYear, semester, summary, data, files: [] });
  }
}

/**
 * 實習處's demo at schools that have one: a certificate a student entered waits for the office
 * (待認證), another was failed with a reason, and an internship registered by the office.
 */
export async function seedDemoPracticum(app: LichengApp): Promise<void> {
  if (!app.plugins.some((p) => p.id === 'practicum')) return;
  const base = await app.createContext(new Request('http://demo/'));
  const { academicYear, semester, day } = termDay(base.now());
  const students = await base.db.selectFrom('students').selectAll().where('school_code', '=', app.config.code).where('class_name', '=', '101').orderBy('seat_no').limit(3).execute();
  const [first, second, third] = students;
  if (!first || !second || !third) return;
  const asStudent = (s: Student) => app.actAs({ userId: s.host_user_id, name: s.name, school: app.config.code, roles: ['student'] });
  const office = await app.actAs({ userId: 'demo-practicum', name: '實習處 陳主任', school: app.config.code, roles: ['practicum-staff'] });
  const certificate = (s: Student, data: Data, summary: string) => asStudent(s).then((ctx) => enterRecord(ctx, { kind: 'skill-certificate', student: s, courseId: null, academicYear, semester, summary, data, files: [] }));
  await certificate(first, { name: '電腦軟體應用', level: '丙級', number: '113-0412345', date: day(20), issuer: '勞動部勞動力發展署技能檢定中心' }, '暑假考取');
  const failed = await certificate(second, { name: '中餐烹調', level: '丙級', number: '113-07', date: day(25), issuer: null }, '');
  await decideRecord(office, failed, { decision: 'fail', reason: '證照號碼不完整，請依證照上的號碼填寫' });
  await enterRecord(office, {
    kind: 'internship',
    student: third,
    courseId: null,
    academicYear,
    semester,
    summary: '雲林農會 農產品行銷實習',
    data: { kind: '2', organisation: '雲林農會', title: '農產品行銷實習', start: day(10), end: day(30), hours: 80, registeredByName: '實習處 陳主任' },
    files: [],
  });
}
