import { academicYearSchema } from '@licheng/core';
import { authedProcedure, currentStudent } from '@licheng/server';
import { z } from 'zod';
import { OUTCOME } from '../outcome-rules.ts';
import { OUTCOME_RESUBMIT_ACTION } from '../resubmission.ts';
import { toOutcomeView } from './outcome-view.ts';

export const outcomesListInput = z.object({ academicYear: academicYearSchema.optional() }).optional();

/**
 * student.outcomes.list — the signed-in student's outcomes, newest first, with status,
 * selection and when each was submitted (its latest resubmission, else its upload).
 */
export const outcomesList = authedProcedure(['student'])
  .input(outcomesListInput)
  .query(async ({ ctx, input }) => {
    const student = await currentStudent(ctx);
    let query = ctx.db
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
          .whereRef('audit_log.entity_id', '=', 'records.id')
          .where('audit_log.entity', '=', 'record')
          .where('audit_log.action', '=', OUTCOME_RESUBMIT_ACTION)
          .as('resubmitted_at'),
      )
      .where('records.student_id', '=', student.id)
      .where('records.kind', '=', OUTCOME);
    if (input?.academicYear) query = query.where('records.academic_year', '=', input.academicYear);
    const rows = await query.orderBy('records.created_at', 'desc').execute();
    return rows.map((r) =>
      toOutcomeView(r, { id: r.course_id!, code: r.code, subject_name: r.subject_name, credits: r.credits, grade_level: r.grade_level }, r.selection_id !== null, {
        resubmittedAt: r.resubmitted_at ?? null,
        documentName: r.document_name,
        mediaName: r.media_name,
      }),
    );
  });
