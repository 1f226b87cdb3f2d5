import { recordKindPolicy } from '@licheng/core';
import { authedProcedure, certifiesSchoolWide } from '@licheng/server';
import { z } from 'zod';

export const certificationsQueueInput = z
  .object({
    kind: z.string().min(1).max(40).default('outcome'),
    status: z.enum(['pending', 'passed', 'failed', 'all']).default('pending'),
    courseId: z.string().max(36).optional(),
  })
  .default({ kind: 'outcome', status: 'pending' });

/**
 * teaching.certifications.queue — what the signed-in teacher must certify: records of the courses
 * they teach (subject teacher), or of the whole school when an office role certifies the kind.
 */
export const certificationsQueue = authedProcedure(['subject-teacher', 'homeroom-teacher', 'registry-staff', 'student-affairs-staff', 'counseling-staff', 'library-staff', 'practicum-staff', 'admin'])
  .input(certificationsQueueInput)
  .query(async ({ ctx, input }) => {
    const { certifiers } = recordKindPolicy(ctx.config, input.kind);
    const roles = ctx.identity.roles.filter((r) => certifiers.includes(r));
    const schoolWide = roles.some(certifiesSchoolWide);
    if (!roles.length) return { items: [], courses: [] };
    let query = ctx.db
      .selectFrom('records')
      .innerJoin('students', 'students.id', 'records.student_id')
      .leftJoin('courses', 'courses.id', 'records.course_id')
      .select([
        'records.id', 'records.kind', 'records.summary', 'records.status', 'records.status_reason', 'records.version',
        'records.document_file_id', 'records.media_file_id', 'records.academic_year', 'records.semester',
        'records.created_at', 'records.updated_at', 'records.decided_at', 'records.decided_by', 'records.decided_by_name',
        'students.name as student_name', 'students.student_no', 'students.class_name', 'students.seat_no',
        'courses.id as course_id', 'courses.code as course_code', 'courses.subject_name',
      ])
      .where('records.school_code', '=', ctx.config.code)
      .where('records.kind', '=', input.kind);
    if (!schoolWide) {
      query = query.where('records.course_id', 'in', (eb) =>
        eb
          .selectFrom('course_teachers')
          .innerJoin('teachers', 'teachers.id', 'course_teachers.teacher_id')
          .select('course_teachers.course_id')
          .where('teachers.host_user_id', '=', ctx.identity.userId)
          .where('teachers.school_code', '=', ctx.config.code),
      );
    }
    if (input.status !== 'all') query = query.where('records.status', '=', input.status);
    if (input.courseId) query = query.where('records.course_id', '=', input.courseId);
    const rows = await query.orderBy('courses.code').orderBy('students.class_name').orderBy('students.seat_no').orderBy('records.created_at').execute();
    const courses = new Map<string, { id: string; code: string; subjectName: string; pending: number }>();
    for (const r of rows) {
      if (!r.course_id) continue;
      const c = courses.get(r.course_id) ?? { id: r.course_id, code: r.course_code!, subjectName: r.subject_name!, pending: 0 };
      if (r.status === 'pending') c.pending++;
      courses.set(r.course_id, c);
    }
    return {
      courses: [...courses.values()],
      items: rows.map((r) => ({
        id: r.id,
        kind: r.kind,
        summary: r.summary,
        status: r.status as 'pending' | 'passed' | 'failed',
        statusReason: r.status_reason,
        version: r.version,
        documentFileId: r.document_file_id,
        mediaFileId: r.media_file_id,
        academicYear: r.academic_year,
        semester: r.semester,
        submittedAt: r.updated_at,
        decidedAt: r.decided_at,
        decidedByName: r.decided_by_name,
        /** The caller made this decision, so may take it back (teaching.certifications.reopen). */
        decidedByMe: r.decided_by === ctx.identity.userId,
        student: { name: r.student_name, studentNo: r.student_no, className: r.class_name, seatNo: r.seat_no },
        course: r.course_id ? { id: r.course_id, code: r.course_code!, subjectName: r.subject_name! } : null,
      })),
    };
  });
