import { recordKindDefinition, recordStatusLabels, type RecordStatus } from '@licheng/core';
import { authedProcedure, currentStudent } from '@licheng/server';
import { PERFORMANCE_SELECTION, registeredBySchool, selectablePerformance } from '../performance-rules.ts';
import { selectionGetInput, selectionState } from '../selection-rules.ts';

/**
 * student.performances.selection.get — for an academic year: the performances the student
 * entered (what may be selected, 勾選), what is selected, the cap and the window; and beside them
 * the records the school or an outside body registered (校內幹部, registered competitions,
 * certificates an office entered), which go to the central database without counting.
 */
export const performancesSelectionGet = authedProcedure(['student'])
  .input(selectionGetInput)
  .query(async ({ ctx, input }) => {
    const student = await currentStudent(ctx);
    const state = await selectionState(ctx, PERFORMANCE_SELECTION, student, input.academicYear);
    const rows = await ctx.db
      .selectFrom('records')
      .select(['id', 'kind', 'semester', 'summary', 'status', 'entered_role', 'created_at'])
      .where('student_id', '=', student.id)
      .where('academic_year', '=', input.academicYear)
      .where('status', '!=', 'withdrawn')
      .orderBy('semester')
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    const item = (r: (typeof rows)[number]) => ({
      id: r.id,
      kind: r.kind,
      label: recordKindDefinition(r.kind)?.label ?? { 'zh-TW': r.kind, en: r.kind },
      semester: r.semester,
      summary: r.summary,
      status: r.status as RecordStatus,
      statusLabel: recordStatusLabels[r.status as RecordStatus],
    });
    const read = (r: (typeof rows)[number]) => ({ kind: r.kind, status: r.status, enteredRole: r.entered_role });
    return { ...state, items: rows.filter((r) => selectablePerformance(read(r))).map(item), registered: rows.filter((r) => registeredBySchool(read(r))).map(item) };
  });
