import { newId, nowIso } from '@licheng/db';
import { createTestDatabase } from '@licheng/db/testing';
import teaching from '@licheng/plugin-teaching/server';
import { createLicheng, LocalFileStorage, signHostToken } from '@licheng/server';
import { parseSchoolConfig } from '@licheng/core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const SCHOOL = '123456';
const SECRET = 'bench-secret-bench-secret-bench-secret-00';
const STUDENTS = 2000;
const COURSES = 600; // offerings of one term
const PER_STUDENT = 10; // courses each student takes, one outcome each

async function insertChunked(db: any, table: string, rows: object[]) {
  for (let i = 0; i < rows.length; i += 500) await db.insertInto(table).values(rows.slice(i, i + 500)).execute();
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function timeIt(runs: number, fn: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 3; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return median(times);
}

/**
 * The teacher's certification queue on deadline day: a school of 2,000 students with 20,000
 * outcomes; one teacher's queue through the whole HTTP + tRPC + permission stack, against the
 * baseline of reading the same rows by primary key with no join, check or serialisation.
 */
export async function queueBench(dialect: 'sqlite' | 'mysql') {
  const db = await createTestDatabase(dialect);
  const files = fs.mkdtempSync(path.join(os.tmpdir(), 'licheng-bench-'));
  try {
    const config = parseSchoolConfig({
      code: SCHOOL, name: 'bench', type: 'general', plugins: { enabled: ['teaching'] },
      schedule: [{ activity: 'outcome-certification', academicYear: 114, semester: 1, start: '2025-08-01', end: '2026-03-01' }],
    });
    const app = await createLicheng({ config, db, storage: new LocalFileStorage(files), hostSecret: SECRET, plugins: [teaching], now: () => new Date('2025-10-01T00:00:00Z') });
    const k = db.kysely as any;
    const at = nowIso();
    const teachers = Array.from({ length: 60 }, (_, i) => ({ id: newId(), school_code: SCHOOL, teacher_no: `T${i}`, host_user_id: `t${i}`, name: `教師${i}`, email: null, created_at: at, updated_at: at }));
    const students = Array.from({ length: STUDENTS }, (_, i) => ({ id: newId(), school_code: SCHOOL, student_no: `S${i}`, host_user_id: `s${i}`, name: `學生${i}`, national_id: `N${i}`, birth_date: '2009-01-01', grade: 1, class_name: String(100 + (i % 60)), seat_no: i % 40, division: 'day', department_code: null, status: 'enrolled', created_at: at, updated_at: at }));
    const courses = Array.from({ length: COURSES }, (_, i) => ({ id: newId(), school_code: SCHOOL, academic_year: 114, semester: 1, code: `108${SCHOOL}E22L0101${String(i).padStart(6, '0')}`.slice(0, 23), subject_name: `科目${i}`, grade_level: 1, credits: 2, class_name: String(i), created_at: at, updated_at: at }));
    await insertChunked(k, 'teachers', teachers);
    await insertChunked(k, 'students', students);
    await insertChunked(k, 'courses', courses);
    await insertChunked(k, 'course_teachers', courses.map((c, i) => ({ course_id: c.id, teacher_id: teachers[i % teachers.length]!.id, school_code: SCHOOL })));
    const records = students.flatMap((s, i) =>
      Array.from({ length: PER_STUDENT }, (_, j) => ({
        id: newId(), school_code: SCHOOL, kind: 'outcome', student_id: s.id, course_id: courses[(i * 7 + j * 61) % COURSES]!.id, academic_year: 114, semester: 1,
        summary: '成果簡述'.repeat(5), data: '{}', document_file_id: null, media_file_id: null, status: j % 3 ? 'pending' : 'passed', status_reason: null,
        decided_by: null, decided_by_name: null, decided_role: null, decided_at: null, entered_by: s.host_user_id, entered_role: 'student', version: 1, created_at: at, updated_at: at,
      })),
    );
    await insertChunked(k, 'records', records);
    const token = await signHostToken({ userId: 't0', name: '教師0', school: SCHOOL, roles: ['subject-teacher'] }, SECRET);
    const request = async () => (await app.request('/trpc/teaching.certifications.queue', { headers: { authorization: `Bearer ${token}` } })).json();
    const sample = (await request()) as any;
    const ids: string[] = sample.result.data.items.map((i: any) => i.id);
    const measured = await timeIt(30, request);
    const baseline = await timeIt(30, () => k.selectFrom('records').selectAll().where('id', 'in', ids).execute());
    return {
      name: 'certification queue (2,000 students, 20,000 outcomes)',
      ratio: measured / baseline,
      target: 12,
      detail: `${ids.length} items in the queue; median of 30 runs each`,
    };
  } finally {
    await db.destroy();
    fs.rmSync(files, { recursive: true, force: true });
  }
}
