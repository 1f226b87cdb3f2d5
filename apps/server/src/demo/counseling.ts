import { newId, nowIso } from '@licheng/db';
import { decideRecord, enterRecord, type LichengApp, type Student } from '@licheng/server';

/** The demo's course consultant (課程諮詢教師): 郭建宏 (T04), who is no homeroom teacher. */
export const DEMO_CONSULTANT_NO = 'T04';
export const DEMO_COUNSELOR = { userId: 'demo-counseling', name: '輔導室 蔡組長' };

/**
 * Counseling's demo: 郭建宏 advises class 201 and two students of 101; a group session and an
 * individual consultation of 201, 學群(類群)探索 the counseling office entered, and counseling data
 * two students filled in (one still to be certified).
 */
export async function seedDemoCounseling(app: LichengApp, term: { academicYear: number; semester: number }): Promise<void> {
  const base = await app.createContext(new Request('http://demo/'));
  /** The autumn of the term's academic year (民國 + 1911), so the demo's dates fall in its term. */
  const autumn = term.academicYear + 1911;
  const { db, config } = base;
  const consultant = await db.selectFrom('teachers').selectAll().where('school_code', '=', config.code).where('teacher_no', '=', DEMO_CONSULTANT_NO).executeTakeFirstOrThrow();
  const students = await db.selectFrom('students').selectAll().where('school_code', '=', config.code).where((eb) => eb.or([eb('class_name', '=', '201'), eb.and([eb('class_name', '=', '101'), eb('seat_no', '<=', 2)])])).orderBy('class_name', 'desc').orderBy('seat_no').execute();
  const at = nowIso(base.now());
  await db.insertInto('advisees').values(students.map((s) => ({ id: newId(), school_code: config.code, teacher_id: consultant.id, student_id: s.id, created_at: at }))).execute();

  const asConsultant = await app.actAs({ userId: consultant.host_user_id, name: consultant.name, school: config.code, roles: ['course-consultant'] });
  const consult = (student: Student, form: '1' | '2', summary: string, data: Record<string, string>) =>
    enterRecord(asConsultant, { kind: 'consultation', student, courseId: null, ...term, summary, data: { ...data, form }, files: [] });
  const group = { date: `${autumn}-09-24`, time: '12:10-13:00', place: '輔導室團體諮商室', advice: '高二下的加深加廣選修與大學學群對照；下次帶選課單來' };
  for (const student of students.filter((s) => s.class_name === '201').slice(0, 4)) await consult(student, '2', '高二選課說明（團體）', group);
  await consult(students[0]!, '1', '想讀資訊工程，數學選修怎麼選', { date: `${autumn}-10-01`, time: '16:10-16:40', place: '諮詢室 A', advice: '建議修數學甲與資訊科技加深選修，並參加程式競賽' });

  const asCounselor = await app.actAs({ ...DEMO_COUNSELOR, school: config.code, roles: ['counseling-staff'] });
  const fields = ['資訊學群', '工程學群', '醫藥衛生學群'];
  for (const [i, student] of students.filter((s) => s.class_name === '201').slice(0, 3).entries()) {
    await enterRecord(asCounselor, { kind: 'career-assessment', student, courseId: null, ...term, summary: '', data: { date: `${autumn}-09-15`, instrument: '大學興趣量表', fields: fields[i]!, plan: i === 0 ? '升學：資訊工程相關科系' : null }, files: [] });
  }
  for (const [i, student] of students.filter((s) => s.class_name === '201').slice(0, 2).entries()) {
    const asStudent = await app.actAs({ userId: student.host_user_id, name: student.name, school: config.code, roles: ['student'] });
    const record = await enterRecord(asStudent, { kind: 'counseling', student, courseId: null, ...term, summary: '', data: { date: `${autumn}-09-30`, topic: i ? '人際相處' : '生涯探索', content: i ? '和同學合作分組報告時常有摩擦' : '對資訊和設計都有興趣，不知道怎麼選' }, files: [] });
    if (i === 0) await decideRecord(asCounselor, record, { decision: 'pass' });
  }
}
