import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isNationalId, parseCourseCode, recordFieldsSchema, recordKindDefinition } from '@licheng/core';
import type { LichengDb } from '@licheng/db';
import receipt from '@licheng/plugin-receipt/server';
import teaching from '@licheng/plugin-teaching/server';
import type { LichengApp } from '@licheng/server';
import { openApp } from '../open-app.ts';
import { readSettings } from '../settings.ts';
import { tempDirs } from '../testing/temp.ts';
import { demoCourses, demoEnrolments, demoStudents, demoTeachers } from './roster.ts';
import { seedDemo } from './seed.ts';
import { demoSchedule } from './schedule.ts';

const temp = tempDirs();

describe('the demo roster', () => {
  it('gives every demo student a 身分證號 with a correct check digit', () => {
    const ids = demoStudents().map((s) => s.nationalId);
    expect(ids).toHaveLength(24);
    for (const id of ids) expect(isNationalId(id), id).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('uses valid 23-character course codes of the demo school', () => {
    const courses = [...demoCourses(114, 1), ...demoCourses(114, 2)];
    for (const course of courses) {
      const code = parseCourseCode(course.code);
      expect(code.schoolCode).toBe('999901');
      expect(code.entryYear).toBe(108);
    }
  });

  it('enrols each student in the courses of their class and names existing teachers', () => {
    const students = demoStudents();
    const courses = demoCourses(114, 1);
    const teacherNos = new Set(demoTeachers().map((t) => t.teacherNo));
    for (const course of courses) for (const no of course.teacherNos) expect(teacherNos.has(no)).toBe(true);
    const enrolments = demoEnrolments(students, courses);
    expect(enrolments).toHaveLength(students.length * 4);
    const byNo = new Map(students.map((s) => [s.studentNo, s]));
    for (const e of enrolments) expect(byNo.get(e.studentNo)?.className).toBe(e.className);
  });
});

describe('seedDemo on a fresh embedded database', () => {
  let app: LichengApp;
  let db: LichengDb;

  beforeEach(async () => {
    const settings = readSettings({ LICHENG_DEMO: '1', LICHENG_DATA_DIR: temp.make() });
    ({ app, db } = await openApp(settings, () => new Date('2025-10-01T04:00:00Z')));
  });
  afterEach(async () => {
    await db?.destroy();
    temp.cleanup();
  });

  const count = async (table: string) => Number(((await db.kysely.selectFrom(table).select((eb: any) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()) as { n: number }).n);

  it('loads students, teachers, courses, enrolments and outcomes in every state', async () => {
    expect(await seedDemo(app)).toBe(true);
    // 24 day students of 101, 102, 201 and the registry's night-division class 901 of two (demo/grades.ts).
    expect(await count('students')).toBe(26);
    expect(await count('teachers')).toBe(5); // the four teaching, and 林淑芬 who left (kept for certification)
    expect(await count('courses')).toBe(14);
    expect(await count('enrolments')).toBe(96);
    expect(await count('course_teachers')).toBe(14);
    const classes = await db.kysely
      .selectFrom('classes')
      .innerJoin('teachers', 'teachers.id', 'classes.homeroom_teacher_id')
      .select(['classes.class_name', 'classes.grade', 'classes.academic_year', 'teachers.name'])
      .orderBy('classes.class_name')
      .execute();
    expect(classes).toEqual([
      { class_name: '101', grade: 1, academic_year: 114, name: '王美玲' },
      { class_name: '102', grade: 1, academic_year: 114, name: '李志明' },
      { class_name: '201', grade: 2, academic_year: 114, name: '周怡安' },
    ]);

    const outcomes = await db.kysely.selectFrom('records').select(['status', 'status_reason', 'document_file_id', 'academic_year', 'semester']).where('kind', '=', 'outcome').execute();
    expect(outcomes).toHaveLength(11);
    const byStatus = (s: string) => outcomes.filter((o: any) => o.status === s);
    expect(byStatus('passed')).toHaveLength(1);
    expect(byStatus('failed')).toHaveLength(1);
    expect(byStatus('pending')).toHaveLength(9);
    expect(byStatus('failed')[0]?.status_reason).toMatch(/本課程/);
    // The demo's term follows the clock: 2025-10-01 is in 114-1.
    for (const o of outcomes as any[]) {
      expect([o.academic_year, o.semester]).toEqual([114, 1]);
      expect(o.document_file_id).toBeTruthy();
    }
    // Twelve outcome files (one replaced on resubmission) and two documents of 陳怡君's performances.
    const storedFiles = await db.kysely.selectFrom('stored_files').select('id').where('type', '!=', 'zip').execute();
    expect(storedFiles).toHaveLength(14);
    const audit = await db.kysely.selectFrom('audit_log').select('action').where('action', 'like', 'outcome.%').execute();
    expect(audit.map((a: any) => a.action).sort()).toEqual([...Array(11).fill('outcome.enter'), 'outcome.certify.fail', 'outcome.certify.fail', 'outcome.certify.pass', 'outcome.resubmit'].sort());
    // 王美玲 teaches 國語文 to 101 and 102: her queue shows the subject twice, by class, with the resubmission marked.
    const wang = await app.actAs({ userId: 'demo-t-wang', name: '王美玲', school: app.config.code, roles: ['subject-teacher'] });
    const queue = await teaching.router.createCaller(wang).certifications.queue({ status: 'all' });
    expect(queue.courses.filter((c: any) => c.subjectName === '國語文').map((c: any) => c.className)).toEqual(['101', '102']);
    expect(queue.items.filter((i: any) => i.resubmitted)).toEqual([expect.objectContaining({ status: 'pending', previousReason: expect.stringMatching(/本課程/), student: expect.objectContaining({ className: '102' }) })]);
  });

  it('imports last term’s receipt for class 101 with a window open now: one student confirmed, one raised an issue, the rest see the reminder', async () => {
    expect(await seedDemo(app)).toBe(true);
    const batches = await db.kysely.selectFrom('receipt_batches').select(['academic_year', 'semester', 'window_start', 'window_end']).execute();
    expect(batches).toEqual([{ academic_year: 113, semester: 2, window_start: '2025-09-30', window_end: '2025-10-07' }]);
    const items = await db.kysely.selectFrom('receipt_items').innerJoin('receipt_rosters', 'receipt_rosters.id', 'receipt_items.roster_id').select(['receipt_rosters.kind', 'receipt_items.status']).execute();
    const tally = (kind: number, status: string) => items.filter((i: any) => Number(i.kind) === kind && i.status === status).length;
    expect([tally(24, 'confirmed'), tally(24, 'pending')]).toEqual([1, 1]);
    expect([tally(26, 'issue'), tally(26, 'pending')]).toEqual([1, 7]);
    const first = await app.actAs({ userId: 'demo-s-101-1', name: '陳怡君', school: app.config.code, roles: ['student'] });
    const mine = await receipt.router.createCaller(first).mine();
    expect(mine.reminder?.text).toBe('您尚未完成確認：校內幹部經歷、課程學習成果。');
    // The batch's entry, one per item it created under it, and each student's answer with the item's status before and after.
    const audit = await db.kysely.selectFrom('audit_log').select('action').where('action', 'like', 'receipt.%').where('action', '!=', 'receipt.item.import').execute();
    expect(audit.map((a: any) => a.action).sort()).toEqual(['receipt.batch.import', 'receipt.issue.raise', 'receipt.item.confirm', 'receipt.item.issue']);
    expect(await db.kysely.selectFrom('audit_log').select('id').where('action', '=', 'receipt.item.import').execute()).toHaveLength(items.length);
  });

  it('writes 自傳 for four students of 101 when the writing window is open: drafts, one waiting, one passed, one returned with a comment', async () => {
    await db.destroy();
    const settings = readSettings({ LICHENG_DEMO: '1', LICHENG_DATA_DIR: temp.make() });
    const now = new Date('2025-10-01T04:00:00Z');
    settings.config = { ...settings.config, schedule: demoSchedule(now) };
    ({ app, db } = await openApp(settings, () => now));
    expect(await seedDemo(app)).toBe(true);
    const documents = await db.kysely.selectFrom('autobiography_documents' as any).select(['kind', 'status', 'latest_version']).orderBy('status').orderBy('kind').execute();
    expect(documents.map((d: any) => `${d.kind}:${d.status}:${d.latest_version}`)).toEqual(['autobiography:draft:2', 'study-plan:draft:1', 'autobiography:passed:1', 'autobiography:returned:1', 'autobiography:submitted:1']);
    const records = await db.kysely.selectFrom('records').select(['status', 'status_reason']).where('kind', '=', 'autobiography').orderBy('status').execute();
    expect(records.map((r: any) => r.status)).toEqual(['failed', 'passed', 'pending']);
    expect(records[0]!.status_reason).toMatch(/籃球/);
  });

  it('registers 教務處’s in-school competition results for students of 101 and 102, outside their 10; no practicum at a general school', async () => {
    expect(await seedDemo(app)).toBe(true);
    const results = await db.kysely.selectFrom('records').select(['status', 'entered_role', 'data']).where('kind', '=', 'competition-in').execute();
    expect(results).toHaveLength(4);
    expect(results.every((r: any) => r.status === 'passed' && r.entered_role === 'registry-staff')).toBe(true);
    expect(JSON.parse(results[0]!.data)).toMatchObject({ name: '114學年度全校國語文競賽', level: '1', organiser: '教務處' });
    expect(await db.kysely.selectFrom('records').select('id').where('kind', 'in', ['skill-certificate', 'internship']).execute()).toEqual([]);
  });

  it('loads 學務處’s records for each section, valid against their kinds’ fields, some waiting for certification', async () => {
    expect(await seedDemo(app)).toBe(true);
    const rows = await db.kysely.selectFrom('records').select(['kind', 'status', 'entered_role', 'data', 'academic_year', 'semester']).execute()
      .then((all) => all.filter((r: any) => recordKindDefinition(r.kind)?.office === 'student-affairs'));
    const tally = (kind: string) => rows.filter((r: any) => r.kind === kind).length;
    expect(['cadre', 'service-hours-in', 'service-hours-out', 'extracurricular', 'attendance', 'reward-punishment', 'club', 'fitness'].map(tally)).toEqual([4, 2, 2, 2, 4, 3, 3, 4]);
    for (const r of rows as any[]) {
      const kind = recordKindDefinition(r.kind)!;
      expect(kind.office).toBe('student-affairs');
      expect(recordFieldsSchema(kind.fields).safeParse(JSON.parse(r.data)).success, `${r.kind} ${r.data}`).toBe(true);
      expect([r.academic_year, r.semester]).toEqual([114, 1]);
    }
    const pending = rows.filter((r: any) => r.status === 'pending').map((r: any) => `${r.kind}:${r.entered_role}`).sort();
    expect(pending).toEqual(['club:clubs-staff', 'club:clubs-staff', 'club:clubs-staff', 'extracurricular:student', 'fitness:student', 'service-hours-out:student']);
    expect(rows.filter((r: any) => r.status === 'failed').map((r: any) => r.kind)).toEqual(['service-hours-out']);
  });

  it('gives 陳怡君 performances of several types, two selected, and a 校內幹部 record the school registered', async () => {
    expect(await seedDemo(app)).toBe(true);
    const rows = await db.kysely
      .selectFrom('records')
      .innerJoin('students', 'students.id', 'records.student_id')
      .select(['records.kind', 'records.status', 'records.entered_role', 'records.data', 'records.document_file_id'])
      .where('students.host_user_id', '=', 'demo-s-101-1')
      .where('records.kind', 'in', ['cadre', 'performance-competition', 'performance-service', 'performance-certificate', 'performance-work', 'performance-group'])
      .execute();
    // 學務處's own demo gives her a 校內幹部 record too: every kind is there, each at least once.
    expect([...new Set(rows.map((r: any) => r.kind))].sort()).toEqual(['cadre', 'performance-certificate', 'performance-competition', 'performance-group', 'performance-service', 'performance-work']);
    expect(rows.every((r: any) => r.status === 'passed')).toBe(true);
    expect(rows.filter((r: any) => r.document_file_id)).toHaveLength(2);
    expect(rows.some((r: any) => JSON.parse(r.data).videoUrl?.startsWith('https://'))).toBe(true);
    expect(rows.filter((r: any) => r.kind === 'cadre').every((r: any) => r.entered_role === 'activities-staff')).toBe(true);
    expect(await db.kysely.selectFrom('selections').select('id').where('kind', '=', 'performance').execute()).toHaveLength(2);
  });

  it('does nothing on a second call', async () => {
    expect(await seedDemo(app)).toBe(true);
    expect(await seedDemo(app)).toBe(false);
    expect(await count('students')).toBe(26);
    // Counseling's 5 consultations, 3 學群探索 and 2 counseling data; the library's 7 reading records; 4 registered competition results (each office's own test counts its records).
    expect(await count('advisees')).toBe(10);
    const outcomes = await db.kysely.selectFrom('records').select('id').where('kind', '=', 'outcome').execute();
    expect(outcomes).toHaveLength(11);
    expect(await count('enrolments')).toBe(96);
    expect(await count('classes')).toBe(3);
    expect(await count('receipt_batches')).toBe(1);
  });
});
