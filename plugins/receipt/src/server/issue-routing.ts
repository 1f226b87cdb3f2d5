import { receiptIssueRoute, receiptRowCourseCode, routeReceiptIssue, type ReceiptEntryRow, type RoutedIssue } from '@licheng/core';
import type { Kysely } from 'kysely';
import type { ReceiptDatabase } from './tables.ts';

export interface IssueOwner extends RoutedIssue {
  /** The school's record the student's row was matched to, if any. */
  recordId: string | null;
}

/**
 * Who answers a student's issue on an item of roster `rosterName` (core's RECEIPT_ISSUE_ROUTES),
 * and the record it concerns where the student's row matches one: a course's record by the row's
 * 課程代碼 (修課紀錄, 課程學習成果), a cadre record by 單位名稱 and 擔任職務. For 課程學習成果 the
 * teacher is the one who certified the record (or whom a proxy certified it for), else a teacher
 * of the course the student took; without one the roster's office (the registry) answers. A row
 * another enabled office owns (core's RECEIPT_ISSUE_SHEET_ROUTES: 實習處's certificates and
 * 職場學習 in 多元表現) goes to that office.
 */
export async function issueOwner(trx: Kysely<ReceiptDatabase>, school: string, studentId: string, rosterName: string, row: ReceiptEntryRow | null, enabled: readonly string[] = []): Promise<IssueOwner> {
  const route = receiptIssueRoute(rosterName);
  const courseCode = receiptRowCourseCode(row);
  let recordId: string | null = null;
  let teacher: { userId: string; name: string } | null = null;
  let courseId: string | null = null;

  if (route.recordKind && courseCode) {
    const record = await trx
      .selectFrom('records')
      .innerJoin('courses', 'courses.id', 'records.course_id')
      .select(['records.id', 'records.course_id', 'records.decided_by', 'records.decided_by_name', 'records.decided_role', 'records.decided_for', 'records.decided_for_name'])
      .where('records.school_code', '=', school)
      .where('records.student_id', '=', studentId)
      .where('records.kind', '=', route.recordKind)
      .where('records.status', '!=', 'withdrawn')
      .where('courses.code', '=', courseCode)
      .orderBy('courses.academic_year', 'desc')
      .orderBy('records.updated_at', 'desc')
      .executeTakeFirst();
    if (record) {
      recordId = record.id;
      courseId = record.course_id;
      if (record.decided_role === 'subject-teacher') {
        const userId = record.decided_for ?? record.decided_by;
        const name = record.decided_for ? record.decided_for_name : record.decided_by_name;
        if (userId && name) teacher = { userId, name };
      }
    }
  }
  if (route.owner === 'course-teacher' && courseCode && !teacher) {
    // The teacher of the course the student took under that code (the record's course first).
    let query = trx
      .selectFrom('courses')
      .innerJoin('course_teachers', 'course_teachers.course_id', 'courses.id')
      .innerJoin('teachers', 'teachers.id', 'course_teachers.teacher_id')
      .select(['teachers.host_user_id', 'teachers.name'])
      .where('courses.school_code', '=', school);
    query = courseId
      ? query.where('courses.id', '=', courseId)
      : query.where('courses.code', '=', courseCode).where('courses.id', 'in', (eb) => eb.selectFrom('enrolments').select('course_id').where('student_id', '=', studentId));
    const found = await query.orderBy('courses.academic_year', 'desc').orderBy('teachers.name').executeTakeFirst();
    if (found) teacher = { userId: found.host_user_id, name: found.name };
  }
  if (route.recordKind === 'cadre' && row) {
    const unit = String(row.row['單位名稱'] ?? '').trim();
    const position = String(row.row['擔任職務'] ?? '').trim();
    const cadres = await trx.selectFrom('records').select(['id', 'data']).where('school_code', '=', school).where('student_id', '=', studentId).where('kind', '=', 'cadre').where('status', '!=', 'withdrawn').orderBy('updated_at', 'desc').execute();
    const match = cadres.find((r) => {
      const data = JSON.parse(r.data) as Record<string, unknown>;
      return String(data.unit ?? '').trim() === unit && String(data.position ?? '').trim() === position;
    });
    recordId = match?.id ?? null;
  }
  return { ...routeReceiptIssue(rosterName, teacher, row, enabled), recordId };
}
