import { sql, type Kysely } from 'kysely';
import type { RosterBatch, WindowScope } from '@licheng/core';
import type { PlatformDatabase } from '@licheng/server';
import { ROW_STUDENT_COLUMNS } from './outcome-sources.ts';

/**
 * Grade 12's batches (第一 / 第二梯次, 名冊別 34–38 / 74–78) carry the same records as the
 * regular roster of the same term or year, restricted to grade-12 students (年級 3, as the
 * student's row says now). No source says whether the second batch carries only what changed
 * after the first: both carry the whole scope, so each batch file is complete on its own
 * (docs/rosters.md, "Grade 12's batches").
 */
export const GRADE12 = 3;

/** The grade a batch restricts to: 3 for grade 12's batches, none for the regular roster. */
export function gradeOfBatch(batch: RosterBatch): number | null {
  return batch === 'regular' ? null : GRADE12;
}

/** A record of the roster's kinds with its student, as a builder reads it. */
export interface RecordSource {
  recordId: string;
  studentId: string;
  nationalId: string;
  birthDate: string; // ISO
  grade: number;
  className: string;
  kind: string;
  status: string;
  summary: string;
  data: Record<string, unknown>;
  documentFileId: string | null;
  mediaFileId: string | null;
}

export interface RecordScope {
  school: string;
  kinds: readonly string[];
  academicYear: number;
  /** A term roster's 學期 (24); null on a year roster (25). */
  semester: number | null;
  batch: RosterBatch;
  /** Only records the student selected (勾選) in this selection bucket for the year (25: 'performance'). */
  selection?: string;
  /** Only records entered under this role (25 學生自填: 'student'). */
  enteredRole?: string;
  /** Only records changed (or selected) after this ISO instant (grade 12's second batch, batch-scope.ts). */
  since?: string | null;
}

function scoped(db: Kysely<PlatformDatabase>, scope: RecordScope) {
  let query = db
    .selectFrom('records')
    .innerJoin('students', 'students.id', 'records.student_id')
    .where('records.school_code', '=', scope.school)
    .where('records.kind', 'in', [...scope.kinds])
    .where('records.status', '!=', 'withdrawn')
    .where('records.academic_year', '=', scope.academicYear);
  if (scope.semester !== null) query = query.where('records.semester', '=', scope.semester);
  const grade = gradeOfBatch(scope.batch);
  if (grade !== null) query = query.where('students.grade', '=', grade);
  if (scope.enteredRole) query = query.where('records.entered_role', '=', scope.enteredRole);
  if (scope.selection) {
    query = query
      .innerJoin('selections', 'selections.record_id', 'records.id')
      .where('selections.kind', '=', scope.selection)
      .where('selections.academic_year', '=', scope.academicYear);
  }
  const since = scope.since;
  if (since) {
    query = query.where((eb) =>
      eb.or([eb('records.updated_at', '>', since), ...(scope.selection ? [eb(sql.ref<string>('selections.created_at'), '>', since)] : [])]),
    );
  }
  return query;
}

/** The grades and classes (and record kinds) the roster carries: their roster-submission windows must be open. */
export async function recordAudiences(db: Kysely<PlatformDatabase>, scope: RecordScope): Promise<WindowScope[]> {
  const rows = await scoped(db, scope).select(['students.grade', 'students.class_name', 'records.kind']).distinct().execute();
  return rows.map((r) => ({ grade: Number(r.grade), className: r.class_name, recordKind: r.kind }));
}

/**
 * The standing (not withdrawn) records of the scope, by class, seat, student number, then — on
 * a selection — the order they were selected in, else the order they were entered in.
 */
export async function recordSources(db: Kysely<PlatformDatabase>, scope: RecordScope): Promise<RecordSource[]> {
  const query = scoped(db, scope)
    .select([
      'records.id as record_id',
      ...ROW_STUDENT_COLUMNS,
      'records.kind',
      'records.status',
      'records.summary',
      'records.data',
      'records.document_file_id',
      'records.media_file_id',
    ])
    .orderBy('students.class_name')
    .orderBy('students.seat_no')
    .orderBy('students.student_no');
  const ordered = scope.selection ? query.orderBy(sql.ref('selections.created_at')).orderBy('records.created_at') : query.orderBy('records.created_at');
  const rows = await ordered.orderBy('records.id').execute();
  return rows.map((r) => ({
    recordId: r.record_id,
    studentId: r.student_id,
    nationalId: r.national_id,
    birthDate: r.birth_date,
    grade: Number(r.grade),
    className: r.class_name,
    kind: r.kind,
    status: r.status,
    summary: r.summary,
    data: JSON.parse(r.data) as Record<string, unknown>,
    documentFileId: r.document_file_id,
    mediaFileId: r.media_file_id,
  }));
}
