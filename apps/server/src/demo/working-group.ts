import { academicTermOf, taipeiDate, termsToCheck, type AcademicTerm } from '@licheng/core';
import workingGroup from '@licheng/plugin-working-group/server';
import type { LichengApp } from '@licheng/server';

export const DEMO_WORKING_GROUP = { userId: 'demo-working-group', name: '教務處 張主任' };

/** 召集人, 執行秘書 and a dozen members, as the seed regulations compose the group. */
const MEMBERS = [
  { name: '陳志明', title: '校長', representing: '校長室', role: 'convenor' },
  { name: '張淑芬', title: '教務主任', representing: '教務處', role: 'executive-secretary', userId: 'demo-working-group' },
  { name: '王建國', title: '學務主任', representing: '學務處', role: 'member' },
  { name: '林秀英', title: '輔導主任', representing: '輔導室', role: 'member' },
  { name: '周文彬', title: '圖書館主任', representing: '圖書館', role: 'member' },
  { name: '黃雅婷', title: '教學組長', representing: '教務處', role: 'member' },
  { name: '吳家豪', title: '註冊組長', representing: '教務處', role: 'member' },
  { name: '蔡佩君', title: '設備組長', representing: '教務處', role: 'member' },
  { name: '鄭宇翔', title: '輔導組長', representing: '輔導室', role: 'member' },
  { name: '劉怡君', title: '國文科教師', representing: '教師代表', role: 'member' },
  { name: '許志強', title: '數學科教師', representing: '教師代表', role: 'member' },
  { name: '謝美華', title: '家長會長', representing: '家長代表', role: 'member' },
  { name: '郭品妤', title: '', representing: '學生代表', role: 'member' },
  { name: '洪子翔', title: '', representing: '學生代表', role: 'member' },
] as const;

/** First day of a semester: 1 August, or 1 February. */
function termStart(term: AcademicTerm): string {
  return term.semester === 1 ? `${term.academicYear + 1911}-08-01` : `${term.academicYear + 1912}-02-01`;
}

/** `days` after the semester's start, but never after `today`. */
function dayIn(term: AcademicTerm, days: number, today: string): string {
  const date = new Date(`${termStart(term)}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  const iso = date.toISOString().slice(0, 10);
  return iso < today ? iso : today;
}

/**
 * The working group's demo: its members in last academic year and this one; a meeting held in
 * every semester before this one (the last with minutes, decisions and attendance) and none yet
 * this semester, so the desk warns of it; and trainings of each kind held in the earlier
 * semesters, while this semester has a student training (ticked count), a teacher workshop
 * (attendance list imported) and a parent session only planned — the required kind missing.
 */
export async function seedDemoWorkingGroup(app: LichengApp): Promise<void> {
  const base = await app.createContext(new Request('http://demo/'));
  const staff = await app.actAs({ ...DEMO_WORKING_GROUP, school: base.config.code, roles: ['working-group'] });
  const caller = workingGroup.router.createCaller(staff);
  const now = base.now();
  const today = taipeiDate(now);
  const current = academicTermOf(today);
  const terms = termsToCheck(now);
  const ids = new Map<number, string[]>();
  for (const academicYear of [...new Set(terms.map((t) => t.academicYear))]) {
    const added = [];
    for (const m of MEMBERS) added.push(await caller.members.add({ academicYear, userId: null, ...m }));
    ids.set(academicYear, added.map((m) => m.id));
  }

  const past = terms.filter((t) => t.academicYear !== current.academicYear || t.semester !== current.semester);
  for (const [i, term] of past.entries()) {
    const last = i === past.length - 1;
    const members = ids.get(term.academicYear)!;
    await caller.meetings.save({
      date: dayIn(term, 45, today),
      place: '行政大樓第一會議室',
      agenda: last ? '一、學習歷程檔案作業期程\n二、教師認證進度\n三、下學期研習規劃' : '一、作業期程與分工',
      minutes: last ? '主席報告：本學期課程學習成果上傳率 92%，認證率 85%。\n教務處報告：作業期程依教育部公告訂定。' : '照案通過。',
      decisions: last
        ? [
            { text: '下學期作業期程照教務處草案辦理', owner: '教務處', due: dayIn(term, 60, today) },
            { text: '未完成認證之教師由教學組個別提醒', owner: '教學組', due: null },
            { text: '親師說明會併入期初親師座談會辦理', owner: '輔導室', due: null },
          ]
        : [],
      attendance: members.map((memberId, k) => ({ memberId, state: k === 4 ? 'excused' : k === 12 ? 'absent' : 'present' })),
    });
    for (const [kind, title, owner, count] of [
      ['student', '學生學習歷程檔案建置訓練', '輔導室', 310],
      ['teacher', '課程諮詢與檔案建置教師研習', '教務處', 62],
      ['parent', '學習歷程檔案親師說明', '輔導室', 85],
    ] as const) {
      const held = dayIn(term, 30, today);
      await caller.trainings.save({ academicYear: term.academicYear, semester: term.semester, kind, title, ownerOffice: owner, plannedDate: held, heldDate: held, attendanceCount: count });
    }
  }

  const held = dayIn(current, 20, today);
  await caller.trainings.save({ academicYear: current.academicYear, semester: current.semester, kind: 'student', title: '高一學習歷程檔案上傳操作訓練', ownerOffice: '輔導室', plannedDate: held, heldDate: held, attendanceCount: 298 });
  const workshop = await caller.trainings.save({ academicYear: current.academicYear, semester: current.semester, kind: 'teacher', title: '課程學習成果認證教師研習', ownerOffice: '教務處', plannedDate: held, heldDate: held });
  const list = new FormData();
  list.set('id', workshop.id);
  list.set('file', new File(['單位,姓名\r\n國文科,劉怡君\r\n數學科,許志強\r\n國文科,王美玲\r\n英文科,陳家瑋\r\n'], '教師研習簽到表.csv', { type: 'text/csv' }));
  await caller.trainings.importAttendance(list);
  await caller.trainings.save({ academicYear: current.academicYear, semester: current.semester, kind: 'parent', title: '親師座談會學習歷程說明', ownerOffice: '輔導室', plannedDate: null, heldDate: null });
}
