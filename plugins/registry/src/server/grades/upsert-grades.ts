import type { GradeRow } from '@licheng/core';
import { newId, nowIso } from '@licheng/db';
import type { PlatformDatabase, RowChange, UpsertCounts } from '@licheng/server';
import type { Kysely } from 'kysely';
import { registryDb } from '../tables.ts';
import { gradeValues } from './grade-values.ts';

/**
 * Writes imported grades: one per student, term, way of taking and course; a grade already
 * on file is updated where it differs. Each insert and update is a row change for the audit.
 */
export async function upsertGrades(platform: Kysely<PlatformDatabase>, school: string, rows: GradeRow[], at: Date, changes: RowChange[]): Promise<UpsertCounts> {
  const db = registryDb(platform);
  const ids = new Map((await db.selectFrom('students').select(['id', 'student_no']).where('school_code', '=', school).execute()).map((s) => [s.student_no, s.id]));
  const counts: UpsertCounts = { inserted: 0, updated: 0, unchanged: 0 };
  for (const row of rows) {
    const studentId = ids.get(row.studentNo);
    if (!studentId) continue; // reported before the write
    const values = gradeValues(row);
    const current = await db
      .selectFrom('course_grades')
      .select(['id', 'score', 'passed', 'make_up_score', 'make_up_passed', 'credit_counted', 'description', 'context_json'])
      .where('school_code', '=', school)
      .where('student_id', '=', studentId)
      .where('academic_year', '=', row.academicYear)
      .where('semester', '=', row.semester)
      .where('take', '=', row.take)
      .where('course_code', '=', row.code)
      .executeTakeFirst();
    if (!current) {
      const id = newId();
      await db
        .insertInto('course_grades')
        .values({ id, school_code: school, student_id: studentId, academic_year: row.academicYear, semester: row.semester, take: row.take, course_code: row.code, ...values, created_at: nowIso(at), updated_at: nowIso(at) })
        .execute();
      changes.push({ action: 'grade.insert', entity: 'grade', entityId: id, studentId, after: { student_no: row.studentNo, academic_year: row.academicYear, semester: row.semester, take: row.take, course_code: row.code, ...values } });
      counts.inserted++;
      continue;
    }
    const { id, ...before } = current;
    const differs = (Object.keys(values) as Array<keyof typeof values>).filter((k) => before[k] !== values[k]);
    if (differs.length === 0) {
      counts.unchanged++;
      continue;
    }
    await db.updateTable('course_grades').set({ ...values, updated_at: nowIso(at) }).where('id', '=', id).execute();
    changes.push({ action: 'grade.update', entity: 'grade', entityId: id, studentId, before: Object.fromEntries(differs.map((k) => [k, before[k]])), after: Object.fromEntries(differs.map((k) => [k, values[k]])) });
    counts.updated++;
  }
  return counts;
}
