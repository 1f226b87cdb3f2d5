import type { Meeting, MeetingList, Member, MemberList, TrainingList } from '../group-api.ts';

/** What the group's procedures answer, for element tests (the rules behind them are tested on the server). */

export function member(over: Partial<Member> & Pick<Member, 'id' | 'name'>): Member {
  return { academicYear: 115, title: '', representing: '教師代表', role: 'member', userId: null, endedOn: null, ...over };
}

export const members115: MemberList = {
  academicYear: 115,
  members: [
    member({ id: 'm1', name: '陳校長', title: '校長', representing: '校長室', role: 'convenor' }),
    member({ id: 'm2', name: '李主任', title: '教務主任', representing: '教務處', role: 'executive-secretary' }),
    member({ id: 'm3', name: '張委員', representing: '家長代表' }),
  ],
};

export function meeting(over: Partial<Meeting> & Pick<Meeting, 'id' | 'date'>): Meeting {
  return {
    academicYear: 114,
    semester: 2,
    place: '會議室',
    agenda: '',
    minutes: '',
    decisions: [],
    attendance: [],
    counts: { present: 0, excused: 0, absent: 0 },
    updatedAt: '2026-03-10T04:00:00.000Z',
    updatedByName: '教務主任',
    download: `/api/working-group/meetings/minutes.xlsx?id=${over.id}`,
    ...over,
  };
}

export const meetings115: MeetingList = {
  academicYear: 115,
  today: '2026-11-27',
  meetings: [],
  missing: [{ academicYear: 115, semester: 1, current: true }],
};

export const trainings115: TrainingList = {
  academicYear: 115,
  rules: { student: 'semester', teacher: 'semester', parent: 'year' },
  missing: [{ kind: 'parent', academicYear: 115, semester: 0, current: true }],
  trainings: [
    { id: 't1', academicYear: 115, semester: 1, kind: 'student', title: '學生選課輔導訓練', ownerOffice: '輔導室', plannedDate: '2026-09-20', heldDate: '2026-09-20', attendanceCount: 300, attendanceSource: 'count', attendees: [] },
    { id: 't2', academicYear: 115, semester: 1, kind: 'teacher', title: '學習歷程教師研習', ownerOffice: '教務處', plannedDate: '2026-12-10', heldDate: null, attendanceCount: null, attendanceSource: null, attendees: [] },
  ],
};
