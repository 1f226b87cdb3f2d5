import { academicYearSchema, assertWindowOpen, findWindow, windowState, type AcademicTerm, type Activity, type WindowScope } from '@licheng/core';
import { currentStudent, saveSelection, scheduleOf, type AuthedContext, type Student } from '@licheng/server';
import { z } from 'zod';
import { selectionTerm } from './outcome-rules.ts';

/**
 * What a selection (勾選) of the student's is: the bucket it is kept under (selections.kind),
 * its window, its yearly cap at this school and which records it takes. The outcomes (6) and
 * the performances (10) are both this.
 */
export interface SelectionSpec {
  kind: string;
  activity: Extract<Activity, 'outcome-selection' | 'performance-selection'>;
  cap: (ctx: AuthedContext) => number;
  takes?: (record: { kind: string; status: string; enteredRole: string }) => boolean;
}

export const selectionGetInput = z.object({ academicYear: academicYearSchema });

export const selectionSaveInput = z.object({
  academicYear: academicYearSchema,
  recordIds: z.array(z.string().min(1).max(36)).max(50),
});

/** The student's selection for a year, the cap and the window's state. */
export async function selectionState(ctx: AuthedContext, spec: SelectionSpec, student: Student, academicYear: number) {
  const rows = await ctx.db
    .selectFrom('selections')
    .select('record_id')
    .where('student_id', '=', student.id)
    .where('kind', '=', spec.kind)
    .where('academic_year', '=', academicYear)
    .execute();
  return { academicYear, recordIds: rows.map((r) => r.record_id), cap: spec.cap(ctx), window: await windowOf(ctx, spec.activity, selectionTerm(ctx, academicYear), { grade: student.grade, className: student.class_name }) };
}

/** A window as the screens show it: its dates and whether it is open now. */
export async function windowOf(ctx: AuthedContext, activity: Activity, term: AcademicTerm, scope?: WindowScope) {
  const window = findWindow(await scheduleOf(ctx), activity, term, scope);
  return { start: window?.start ?? null, end: window?.end ?? null, state: windowState(window, ctx.now()) };
}

/** Replaces the student's selection for a year, inside the window and under the cap (held in the transaction, saveSelection). */
export async function saveStudentSelection(ctx: AuthedContext, spec: SelectionSpec, input: z.infer<typeof selectionSaveInput>) {
  const student = await currentStudent(ctx);
  assertWindowOpen(await scheduleOf(ctx), spec.activity, selectionTerm(ctx, input.academicYear), ctx.now(), { grade: student.grade, className: student.class_name });
  const cap = spec.cap(ctx);
  const recordIds = await saveSelection(ctx, { student, kind: spec.kind, academicYear: input.academicYear, recordIds: input.recordIds, cap, ...(spec.takes ? { takes: spec.takes } : {}) });
  return { academicYear: input.academicYear, recordIds, cap };
}
