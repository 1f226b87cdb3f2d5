import { newId } from '@licheng/db';
import { seedRoster, type TestLicheng } from '@licheng/server/testing';

/** Test data for the submission tests: outcomes entered, certified and selected directly (another office makes them; this one reads them). */

export interface OutcomeSeed {
  student: string;
  course: string | null;
  year?: number;
  semester?: number;
  summary?: string;
  /** Size in bytes of a document file attached, when any. */
  documentBytes?: number;
}

export async function seedOutcomes(t: TestLicheng, outcomes: OutcomeSeed[], courseIds?: Record<string, string>): Promise<Record<string, string>> {
  const db = t.db.kysely as any;
  const ids = courseIds ?? (await seedRoster(t)).courseIds;
  const students = new Map((await db.selectFrom('students').select(['id', 'student_no']).execute()).map((s: any) => [s.student_no, s.id]));
  const made: Record<string, string> = {};
  let n = 0;
  for (const o of outcomes) {
    const id = newId();
    const at = `2025-10-01T00:00:${String(n++).padStart(2, '0')}.000Z`;
    let documentId: string | null = null;
    if (o.documentBytes !== undefined) {
      documentId = newId();
      await db.insertInto('stored_files').values({ id: documentId, school_code: t.config.code, sha256: 'f'.repeat(64), size: o.documentBytes, type: 'pdf', original_name: 'report.pdf', created_by: 's', created_at: at }).execute();
    }
    await db
      .insertInto('records')
      .values({
        id, school_code: t.config.code, kind: 'outcome', student_id: students.get(o.student), course_id: o.course === null ? null : ids[o.course],
        academic_year: o.year ?? 114, semester: o.semester ?? 1, summary: o.summary ?? `${o.course}成果`, data: '{}', document_file_id: documentId, media_file_id: null,
        status: 'passed', status_reason: null, decided_by: null, decided_by_name: null, decided_role: null, decided_at: null, entered_by: 's', entered_role: 'student', version: 1, created_at: at, updated_at: at,
      })
      .execute();
    await db.insertInto('selections').values({ id: newId(), school_code: t.config.code, student_id: students.get(o.student), record_id: id, kind: 'outcome', academic_year: o.year ?? 114, created_at: at }).execute();
    made[o.summary ?? `${o.student}-${n}`] = id;
  }
  return made;
}

export async function studentId(t: TestLicheng, studentNo: string): Promise<string> {
  return ((await (t.db.kysely as any).selectFrom('students').select('id').where('student_no', '=', studentNo).executeTakeFirstOrThrow()) as { id: string }).id;
}

/** A 學籍異動 of a student, dated `date`. */
export async function seedStatusChange(t: TestLicheng, studentNo: string, date: string, kind: string, code = '300'): Promise<void> {
  await (t.db.kysely as any).insertInto('status_changes').values({ id: newId(), school_code: t.config.code, student_id: await studentId(t, studentNo), date, kind, status_code: code, note: '', created_at: `${date}T00:00:00.000Z` }).execute();
}
