import { findWindow, recordKindPolicy, windowState } from '@licheng/core';
import { actingFor, authedProcedure, certifiesSchoolWide, heldByRosterExport, proxiedCourses, resubmitAction, rosterExports, scheduleOf } from '@licheng/server';
import { z } from 'zod';
import { queueCourse, queueItem } from '../queue-item.ts';

export const certificationsQueueInput = z
  .object({
    kind: z.string().min(1).max(40).default('outcome'),
    status: z.enum(['pending', 'passed', 'failed', 'all']).default('pending'),
    courseId: z.string().max(36).optional(),
  })
  .default({ kind: 'outcome', status: 'pending' });

/**
 * teaching.certifications.queue — what the signed-in teacher must certify: records of the courses
 * they teach (subject teacher) and of the teachers they act for today as proxy (代理人; each such
 * item says for whom, `actingFor`), or of the whole school when an office role certifies the kind.
 * Each course offering says its class (開課班級) and term; each item when it was submitted (its
 * latest resubmission, else its entry), the failure reason a resubmission answered, and whether
 * the caller's own decision can be taken back now (the certification window, the rosters).
 */
export const certificationsQueue = authedProcedure(['subject-teacher', 'homeroom-teacher', 'registry-staff', 'student-affairs-staff', 'counseling-staff', 'library-staff', 'practicum-staff', 'admin'], { certification: true })
  .input(certificationsQueueInput)
  .query(async ({ ctx, input }) => {
    const { certifiers } = recordKindPolicy(ctx.config, input.kind);
    const roles = ctx.identity.roles.filter((r) => certifiers.includes(r));
    const schoolWide = roles.some(certifiesSchoolWide);
    // 代理 — teachers the caller certifies for today as their acting proxy.
    const principals = !schoolWide && certifiers.includes('subject-teacher') ? await actingFor(ctx, 'certification') : [];
    if (!roles.length && !principals.length) return { items: [], courses: [] };
    const action = resubmitAction(input.kind);
    let query = ctx.db
      .selectFrom('records')
      .innerJoin('students', 'students.id', 'records.student_id')
      .leftJoin('courses', 'courses.id', 'records.course_id')
      .leftJoin('selections', 'selections.record_id', 'records.id')
      .select([
        'records.id', 'records.kind', 'records.summary', 'records.status', 'records.status_reason', 'records.version',
        'records.document_file_id', 'records.media_file_id', 'records.academic_year', 'records.semester',
        'records.created_at', 'records.decided_at', 'records.decided_by', 'records.decided_by_name', 'records.decided_for', 'records.decided_for_name',
        'students.name as student_name', 'students.student_no', 'students.class_name', 'students.seat_no', 'students.grade',
        'courses.id as course_id', 'courses.code as course_code', 'courses.subject_name', 'courses.class_name as course_class_name',
        'courses.academic_year as course_academic_year', 'courses.semester as course_semester',
        'selections.created_at as selected_at',
      ])
      // The latest resubmission (audit trail): when it was submitted, and the failure reason it answered.
      .select((eb) => {
        const resubmissions = () =>
          eb
            .selectFrom('audit_log')
            .whereRef('audit_log.entity_id', '=', 'records.id')
            .where('audit_log.entity', '=', 'record')
            .where('audit_log.school_code', '=', ctx.config.code)
            .where('audit_log.action', '=', action);
        return [
          resubmissions().select((a) => a.fn.max('audit_log.at').as('at')).$asScalar().as('resubmitted_at'),
          resubmissions().select('audit_log.before').orderBy('audit_log.at', 'desc').orderBy('audit_log.id', 'desc').limit(1).$asScalar().as('resubmitted_before'),
        ];
      })
      .where('records.school_code', '=', ctx.config.code)
      .where('records.kind', '=', input.kind);
    if (!schoolWide) {
      query = query.where('records.course_id', 'in', (eb) =>
        eb
          .selectFrom('course_teachers')
          .innerJoin('teachers', 'teachers.id', 'course_teachers.teacher_id')
          .select('course_teachers.course_id')
          .where('teachers.host_user_id', 'in', [ctx.identity.userId, ...principals.map((p) => p.userId)])
          .where('teachers.school_code', '=', ctx.config.code),
      );
    }
    if (input.status !== 'all') query = query.where('records.status', '=', input.status);
    if (input.courseId) query = query.where('records.course_id', '=', input.courseId);
    const rows = await query
      .orderBy('courses.academic_year', 'desc')
      .orderBy('courses.semester', 'desc')
      .orderBy('courses.code')
      .orderBy('courses.class_name')
      .orderBy('students.class_name')
      .orderBy('students.seat_no')
      .orderBy('records.created_at')
      .execute();
    const mine = (r: (typeof rows)[number]) => r.decided_by === ctx.identity.userId || r.decided_for === ctx.identity.userId;
    const actingForOf = principals.length ? await proxiedCourses(ctx, principals, rows.map((r) => r.course_id)) : new Map();
    const exports = rows.some((r) => r.selected_at !== null && mine(r)) ? await rosterExports(ctx.db, ctx.config.code) : [];
    const courses = new Map<string, ReturnType<typeof queueCourse> & { pending: number }>();
    for (const r of rows) {
      if (!r.course_id) continue;
      const c = courses.get(r.course_id) ?? { ...queueCourse(r), pending: 0 };
      if (r.status === 'pending') c.pending++;
      courses.set(r.course_id, c);
    }
    const now = ctx.now();
    const schedule = await scheduleOf(ctx);
    return {
      courses: [...courses.values()],
      items: rows.map((r) => {
        const window = findWindow(schedule, 'outcome-certification', { academicYear: r.academic_year, semester: r.semester as 1 | 2 }, { grade: Number(r.grade), className: r.class_name, recordKind: r.kind });
        return queueItem(r, {
          decidedByMe: mine(r),
          actingFor: (r.course_id && actingForOf.get(r.course_id)) ?? null,
          certificationWindow: { state: windowState(window, now), start: window?.start ?? null, end: window?.end ?? null },
          inRoster: heldByRosterExport(exports, r.selected_at, r),
        });
      }),
    };
  });
