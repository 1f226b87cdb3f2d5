import { newId } from '@licheng/db';
import { upsertStudents, writeAudit, writeOperationAudit } from '@licheng/server';
import { seedRoster, setTestSchedule, type TestLicheng, type TestUser } from '@licheng/server/testing';
import { addMember, saveMeeting, saveTraining } from './test-group.ts';
import { taipei } from './test-schedule.ts';

/**
 * A demo semester, 114-1, as the self-check and the dashboard read it on 2026-01-20 (Taipei):
 * - the roster's class 101 (3 students; 國語文 by 王老師, 物理 by 李老師) and class 102 (2 students);
 * - outcomes: 國語文 — 陳 passed 10/20, 林 pending, 張 failed 10/21; 物理 — 陳 and 林 passed 10/21;
 * - selections in 114: 陳 two (1/05), 林 one (1/06); nobody in 102;
 * - the schedule: 5 of the 10 kinds of work for 114-1 or the year, 2 without a self-check date;
 *   certification closed 10/31; grade check 1/05–1/10 before roster submission from 1/15;
 * - the group: convenor and executive secretary, a meeting on 9/10, a student training and a
 *   teacher workshop held, no parent session;
 * - the curriculum office's pre-checks on 8/20 and 9/15, and a receipt of 5 items with the
 *   window 1/10–1/12: 2 confirmed, 1 with an issue still open (as those offices write them in
 *   the audit trail).
 */

export const demoNow = taipei('2026-01-20');
const curriculumStaff: TestUser = { userId: 'c-staff', name: '教學組長', roles: ['curriculum-staff'] };
const registryStaff: TestUser = { userId: 'r-staff', name: '註冊組長', roles: ['registry-staff'] };

export async function seedDemoSemester(t: TestLicheng): Promise<void> {
  const db = t.db.kysely as any;
  const school = t.config.code;
  const { courseIds } = await seedRoster(t);
  await db.transaction().execute((trx: any) =>
    upsertStudents(
      trx,
      school,
      [
        { studentNo: 'S004', name: '黃小芳', nationalId: 'D223456782', birthDate: '2009-02-01', grade: 1, className: '102', seatNo: 1, division: 'day', departmentCode: '', hostUserId: 's-huang' },
        { studentNo: 'S005', name: '吳小強', nationalId: 'E123456783', birthDate: '2009-04-01', grade: 1, className: '102', seatNo: 2, division: 'day', departmentCode: '', hostUserId: 's-wu' },
      ] as any,
      t.clock.now,
    ),
  );
  const students = Object.fromEntries((await db.selectFrom('students').select(['id', 'student_no']).execute()).map((s: any) => [s.student_no, s.id]));
  const record = async (no: string, subject: string, status: string, decidedAt: string | null) => {
    const id = newId();
    await db
      .insertInto('records')
      .values({
        id, school_code: school, kind: 'outcome', student_id: students[no], course_id: courseIds[subject], academic_year: 114, semester: 1, summary: `${subject}成果`, data: '{}',
        document_file_id: null, media_file_id: null, status, status_reason: status === 'failed' ? '檔案無法開啟' : null,
        decided_by: decidedAt ? 't-x' : null, decided_by_name: decidedAt ? '老師' : null, decided_role: decidedAt ? 'subject-teacher' : null, decided_at: decidedAt, decided_for: null, decided_for_name: null,
        entered_by: 's', entered_role: 'student', version: 1, created_at: '2025-10-01T04:00:00.000Z', updated_at: '2025-10-01T04:00:00.000Z',
      })
      .execute();
    return id;
  };
  const r1 = await record('S001', '國語文', 'passed', '2025-10-20T03:00:00.000Z');
  await record('S002', '國語文', 'pending', null);
  await record('S003', '國語文', 'failed', '2025-10-20T17:00:00.000Z'); // 10/21 in Taipei
  const r4 = await record('S001', '物理', 'passed', '2025-10-21T02:00:00.000Z');
  const r5 = await record('S002', '物理', 'passed', '2025-10-21T05:00:00.000Z');
  const select = (no: string, recordId: string, at: string) => db.insertInto('selections').values({ id: newId(), school_code: school, student_id: students[no], record_id: recordId, kind: 'outcome', academic_year: 114, created_at: at }).execute();
  await select('S001', r1, '2026-01-05T02:00:00.000Z');
  await select('S001', r4, '2026-01-05T03:00:00.000Z');
  await select('S002', r5, '2026-01-06T02:00:00.000Z');

  await setTestSchedule(t, [
    { activity: 'outcome-upload', academicYear: 114, semester: 1, start: '2025-09-01', end: '2025-10-15', selfCheck: '2025-10-16' },
    { activity: 'outcome-certification', academicYear: 114, semester: 1, start: '2025-10-16', end: '2025-10-31', selfCheck: '2025-11-01' },
    { activity: 'outcome-selection', academicYear: 114, semester: 0, start: '2026-01-01', end: '2026-07-15' },
    { activity: 'grade-check', academicYear: 114, semester: 1, start: '2026-01-05', end: '2026-01-10', selfCheck: '2026-01-11' },
    { activity: 'roster-submission', academicYear: 114, semester: 1, start: '2026-01-15', end: '2026-01-31' },
    { activity: 'outcome-upload', academicYear: 114, semester: 2, start: '2026-02-16', end: '2026-03-31' },
  ]);

  await addMember(t, { academicYear: 114, name: '陳校長', title: '校長', representing: '校長室', role: 'convenor' });
  await addMember(t, { academicYear: 114, name: '李主任', title: '教務主任', representing: '教務處', role: 'executive-secretary' });
  await saveMeeting(t, { date: '2025-09-10', agenda: '作業期程', minutes: '', decisions: [], attendance: [] });
  await saveTraining(t, { academicYear: 114, semester: 1, kind: 'student', title: '學生訓練', heldDate: '2025-09-20' });
  await saveTraining(t, { academicYear: 114, semester: 1, kind: 'teacher', title: '教師研習', heldDate: '2025-10-08' });

  const audit = (user: TestUser, role: string, at: string) => ({ school, actor: { userId: user.userId, name: user.name!, roles: user.roles, school } as any, role: role as any, at: new Date(at) });
  for (const at of ['2025-08-20T02:00:00.000Z', '2025-09-15T02:00:00.000Z']) {
    await writeAudit(db, { ...audit(curriculumStaff, 'curriculum-staff', at), action: 'curriculum.precheck.run', entity: 'curriculum-precheck-run', entityId: newId(), after: { academicYear: 114, semester: 1, planVersions: '114#1', differences: 2 } });
  }
  const items = ['S001', 'S002', 'S003', 'S004', 'S005'].map((no) => ({ id: newId(), no }));
  await writeOperationAudit(
    db,
    { ...audit(registryStaff, 'registry-staff', '2026-01-09T02:00:00.000Z'), action: 'receipt.batch.import', entity: 'receipt-batch', entityId: newId(), after: { fileName: 'receipt.zip', academicYear: 114, semester: 1, window: { start: '2026-01-10', end: '2026-01-12' }, items: items.length } },
    items.map((i) => ({ action: 'receipt.item.import', entity: 'receipt-item', entityId: i.id, studentId: students[i.no], after: { roster_kind: 1, status: 'pending' } })),
  );
  for (const i of items.slice(0, 2)) {
    await writeAudit(db, { ...audit({ userId: i.no, name: i.no, roles: ['student'] }, 'student', '2026-01-11T02:00:00.000Z'), action: 'receipt.item.confirm', entity: 'receipt-item', entityId: i.id, studentId: students[i.no], after: { status: 'confirmed' } });
  }
  const issueId = newId();
  await writeAudit(db, { ...audit({ userId: 'S003', name: 'S003', roles: ['student'] }, 'student', '2026-01-11T03:00:00.000Z'), action: 'receipt.issue.raise', entity: 'receipt-issue', entityId: issueId, studentId: students.S003, after: { item_id: items[2]!.id, text: '成績有誤', status: 'open' } });
}
