import { academicYearSchema } from '@licheng/core';
import { authedProcedure, currentStudent, type PlatformDatabase } from '@licheng/server';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { OUTCOME } from '../outcome-rules.ts';
import { OUTCOME_RESUBMIT_ACTION } from '../resubmission.ts';
import { toOutcomeView } from './outcome-view.ts';

export const outcomesListInput = z.object({ academicYear: academicYearSchema.optional() }).optional();

/**
 * A student's outcomes, newest first, with their course, selection, files and latest resubmission. The
 * resubmission's subquery names the school, so it seeks audit_school_entity (school, entity,
 * entity id); without it SQLite scanned that whole index for every outcome listed — a third of a
 * second a list once a roster import had written a few hundred thousand audit rows.
 */
export function outcomesQuery(db: Kysely<PlatformDatabase>, school: string, studentId: string, academicYear?: number) {
  let query = db
    .selectFrom('records')
    .innerJoin('courses', 'courses.id', 'records.course_id')
    .leftJoin('selections', 'selections.record_id', 'records.id')
    .leftJoin('stored_files as document', 'document.id', 'records.document_file_id')
    .leftJoin('stored_files as media', 'media.id', 'records.media_file_id')
    .selectAll('records')
    .select(['courses.code', 'courses.subject_name', 'courses.credits', 'courses.grade_level', 'selections.id as selection_id', 'document.original_name as document_name', 'media.original_name as media_name'])
    // The latest resubmission (from the audit trail): the submission time, not a later decision's.
    .select((eb) =>
      eb
        .selectFrom('audit_log')
        .select((a) => a.fn.max('audit_log.at').as('at'))
        .where('audit_log.school_code', '=', school)
        .where('audit_log.entity', '=', 'record')
        .whereRef('audit_log.entity_id', '=', 'records.id')
        .where('audit_log.action', '=', OUTCOME_RESUBMIT_ACTION)
        .as('resubmitted_at'),
    )
    .where('records.student_id', '=', studentId)
    .where('records.kind', '=', OUTCOME);
  if (academicYear) query = query.where('records.academic_year', '=', academicYear);
  return query.orderBy('records.created_at', 'desc');
}

/**
 * student.outcomes.list — the signed-in student's outcomes, newest first, with status,
 * selection and when each was submitted (its latest resubmission, else its upload).
 */
export const outcomesList = authedProcedure(['student'])
  .input(outcomesListInput)
  .query(async ({ ctx, input }) => {
    const student = await currentStudent(ctx);
    const rows = await outcomesQuery(ctx.db, ctx.config.code, student.id, input?.academicYear).execute();
    return rows.map((r) =>
      toOutcomeView(r, { id: r.course_id!, code: r.code, subject_name: r.subject_name, credits: r.credits, grade_level: r.grade_level }, r.selection_id !== null, {
        resubmittedAt: r.resubmitted_at ?? null,
        documentName: r.document_name,
        mediaName: r.media_name,
      }),
    );
  });
