import { createTestLicheng, seedRoster, type TestLicheng, type TestUser } from '@licheng/server/testing';
import plugin from './index.ts';

/** 學務處's people in the tests: the whole office and each section. */
export const office: TestUser = { userId: 'sa-office', name: '學務主任', roles: ['student-affairs-staff'] };
export const activities: TestUser = { userId: 'sa-act', name: '訓育組長', roles: ['activities-staff'] };
export const discipline: TestUser = { userId: 'sa-dis', name: '生輔組長', roles: ['discipline-staff'] };
export const clubs: TestUser = { userId: 'sa-club', name: '社團活動組長', roles: ['clubs-staff'] };
export const pe: TestUser = { userId: 'sa-pe', name: '體育組長', roles: ['pe-staff'] };

/** A school with 學務處 on (the harness clock reads 2025-10-01, 114-1) and students S001–S003 in class 101. */
export async function studentAffairsSchool(dialect: Parameters<typeof createTestLicheng>[0]['dialect']): Promise<TestLicheng> {
  const t = await createTestLicheng({ dialect, plugins: [plugin] });
  await seedRoster(t);
  return t;
}

/** A CSV list as the office uploads it (multipart `kind` + `file`). */
export function listForm(kind: string, lines: readonly string[]): FormData {
  const form = new FormData();
  form.set('kind', kind);
  form.set('file', new File([new TextEncoder().encode(`${lines.join('\r\n')}\r\n`)], 'list.csv'));
  return form;
}

/** One sample record of each kind, as `student-affairs.records.enter` takes its data. */
export const samples = {
  cadre: { unit: '學生會', startDate: '2025-09-01', endDate: null, position: '會長', level: '1' },
  'service-hours-in': { name: '圖書館志工', unit: '圖書館', startDate: '2025-09-10', endDate: null, hours: 4 },
  'service-hours-out': { name: '淨灘', unit: '海洋保育署', startDate: '2025-09-20', endDate: null, hours: 3 },
  extracurricular: { category: '2', name: '日本教育旅行', organiser: '學務處訓育組', startDate: '2025-09-01', endDate: '2025-09-05', hours: null },
  attendance: { absent: 2, personalLeave: 1, sickLeave: 3, officialLeave: null, bereavementLeave: null, otherLeave: null },
  'reward-punishment': { date: '2025-09-15', type: '1', times: 2, reason: '熱心公務' },
  club: { club: '熱音社', role: '社長', hours: 36 },
  fitness: { date: '2025-09-15', height: 170, weight: 60, sitAndReach: 30, standingJump: 200, sitUps: 40, run: 600 },
} as const;
