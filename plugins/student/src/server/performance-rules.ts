import { academicTermOf, assertWindowOpen, countsTowardPerformanceCap, PERFORMANCE_TYPES, performanceCapStanding, type AcademicTerm, type RecordKindDefinition, type RecordStatus, type Role } from '@licheng/core';
import { resolveKinds, scheduleOf, type AuthedContext, type RecordChangeCheck, type Student } from '@licheng/server';

/** The ten 多元表現 types, the record kinds the student enters here. */
export const PERFORMANCE_KINDS: readonly RecordKindDefinition[] = resolveKinds({ kinds: PERFORMANCE_TYPES.map((t) => t.id) });

/** The selection (勾選) bucket of the performances: one cap over all ten types. */
export const PERFORMANCE = 'performance';

/** Shown beside the student's performances, never counted: what an office registered (core's one cap-exemption rule). */
export function registeredBySchool(record: { kind: string; status: string; enteredRole: string }): boolean {
  return performanceCapStanding({ kind: record.kind, status: record.status as RecordStatus, enteredRole: record.enteredRole as Role }) === 'exempt';
}

/** Whether the student's selection of performances takes this record: one they entered of the ten types, still standing. */
export function selectablePerformance(record: { kind: string; status: string; enteredRole: string }): boolean {
  return countsTowardPerformanceCap({ kind: record.kind, status: record.status as RecordStatus, enteredRole: record.enteredRole as Role });
}

/** The term a performance is entered for: the current one. */
export function performanceTerm(ctx: AuthedContext): AcademicTerm {
  return academicTermOf(ctx.now());
}

/** The 多元表現上傳 window of the term for the student's grade, class and the record's type must be open ('window-…' otherwise). */
export async function assertPerformanceWindow(ctx: AuthedContext, student: Pick<Student, 'grade' | 'class_name'>, term: AcademicTerm, kind: string): Promise<void> {
  assertWindowOpen(await scheduleOf(ctx), 'performance-upload', term, ctx.now(), { grade: student.grade, className: student.class_name, recordKind: kind });
}

/** A student corrects or withdraws what they entered only while the upload window of its term is open; an office is not held to it. */
export const studentChangeWindow: RecordChangeCheck = async (ctx, record, role) => {
  if (role !== 'student') return;
  const student = await ctx.db.selectFrom('students').select(['grade', 'class_name']).where('id', '=', record.student_id).where('school_code', '=', ctx.config.code).executeTakeFirstOrThrow();
  await assertPerformanceWindow(ctx, student, { academicYear: record.academic_year, semester: record.semester as 1 | 2 }, record.kind);
};

/** The performances' selection (勾選): at most rules.performances.selectionCapPerYear (10) a year, of what the student entered. */
export const PERFORMANCE_SELECTION = {
  kind: PERFORMANCE,
  activity: 'performance-selection',
  cap: (ctx: AuthedContext) => ctx.config.rules.performances.selectionCapPerYear,
  takes: selectablePerformance,
} as const;
