import { assertWindowOpenForAll, ROSTER_KINDS, outcomeRosterColumns, rosterCoverRows, toRocDate, type WindowScope } from '@licheng/core';
import { scheduleOf, writeAudit, type AuthedContext, type PlatformDatabase } from '@licheng/server';
import { newId, nowIso } from '@licheng/db';
import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';

/**
 * 名冊 submission: the Excel files the registry office uploads to the central database.
 * Roster kinds (名冊別) this office builds so far; 28 (進修部) and the grade-12 batches
 * (36, 76) follow the same shape once their sheets are confirmed.
 */
export const EXPORTABLE_ROSTER_KINDS = [26] as const;
export type ExportableRosterKind = (typeof EXPORTABLE_ROSTER_KINDS)[number];

export interface RosterExportInput {
  academicYear: number;
  semester: 1 | 2;
  kind: ExportableRosterKind;
}

export interface RosterExportResult {
  fileId: string;
  fileName: string;
  rowCount: number;
  downloadUrl: string;
}

/** The students each roster kind covers: 26 the day division, 28 (進修部) the night division. */
const DIVISION_OF: Record<ExportableRosterKind, string> = { 26: 'day' };

/** The record kind of 課程學習成果, as the student office enters it. */
const OUTCOME = 'outcome';

export type OutcomeRosterRow = [
  nationalId: string,
  birthDate: string,
  gradeLevel: number,
  courseCode: string,
  subjectName: string,
  credits: number,
  academicYear: number,
  semester: number,
  summary: string,
  documentName: string,
  mediaName: string,
];

/**
 * 出生日期 as the central database's templates write it: the ROC date as 7 digits, yyyMMdd
 * (2009-03-01 → 0980301), a text cell so the leading zero stays.
 */
export function rosterBirthDate(isoDate: string): string {
  return toRocDate(isoDate, '');
}

/**
 * Rows of roster 26 (課程學習成果): every outcome of the term that passed certification (通過)
 * and that its student selected (勾選), ordered by class, seat and course code.
 */
function outcomeRosterQuery(db: Kysely<PlatformDatabase>, school: string, input: RosterExportInput) {
  return db
    .selectFrom('records')
    .innerJoin('selections', 'selections.record_id', 'records.id')
    .innerJoin('students', 'students.id', 'records.student_id')
    .innerJoin('courses', 'courses.id', 'records.course_id')
    .where('records.school_code', '=', school)
    .where('records.kind', '=', OUTCOME)
    .where('records.status', '=', 'passed')
    .where('records.academic_year', '=', input.academicYear)
    .where('records.semester', '=', input.semester)
    .where('students.division', '=', DIVISION_OF[input.kind]);
}

/**
 * The grades and classes of the students roster 26 of the term carries, with its record kind:
 * the audiences whose `roster-submission` windows must be open (staggered by grade or class).
 */
export async function outcomeRosterScopes(db: Kysely<PlatformDatabase>, school: string, input: RosterExportInput): Promise<WindowScope[]> {
  const rows = await outcomeRosterQuery(db, school, input).select(['students.grade', 'students.class_name']).distinct().execute();
  return rows.map((r) => ({ grade: Number(r.grade), className: r.class_name, recordKind: OUTCOME }));
}

export async function outcomeRosterRows(db: Kysely<PlatformDatabase>, school: string, input: RosterExportInput): Promise<OutcomeRosterRow[]> {
  const rows = await outcomeRosterQuery(db, school, input)
    .leftJoin('stored_files as document', 'document.id', 'records.document_file_id')
    .leftJoin('stored_files as media', 'media.id', 'records.media_file_id')
    .select([
      'students.national_id',
      'students.birth_date',
      'courses.grade_level',
      'courses.code',
      'courses.subject_name',
      'courses.credits',
      'records.academic_year',
      'records.semester',
      'records.summary',
      'document.original_name as document_name',
      'media.original_name as media_name',
    ])
    .orderBy('students.class_name')
    .orderBy('students.seat_no')
    .orderBy('students.student_no')
    .orderBy('courses.code')
    .orderBy('records.created_at')
    .execute();
  return rows.map((r) => [
    r.national_id,
    rosterBirthDate(r.birth_date),
    r.grade_level,
    r.code,
    r.subject_name,
    r.credits,
    r.academic_year,
    r.semester,
    r.summary,
    r.document_name ?? '',
    r.media_name ?? '',
  ]);
}

export function rosterFileName(school: string, input: RosterExportInput): string {
  return `${input.kind}_${ROSTER_KINDS[input.kind]}_${school}_${input.academicYear}_${input.semester}.xlsx`;
}

/** Text columns of the outcome sheet (IDs, dates, codes keep their leading zeros). */
const TEXT_COLUMNS = new Set<string>(['身分證號', '出生日期', '課程代碼', '成果簡述', '文件檔名', '影音檔名', '科目名稱']);

/** The workbook: sheet 1 the cover (封面), sheet 2 the outcome sheet. */
export async function buildOutcomeRoster(school: string, input: RosterExportInput, rows: OutcomeRosterRow[], at: Date): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Licheng';
  workbook.created = at;
  workbook.modified = at;
  const cover = workbook.addWorksheet('封面');
  cover.columns = [{ width: 12 }, { width: 12, style: { numFmt: '@' } }];
  for (const row of rosterCoverRows({ schoolCode: school, academicYear: input.academicYear, semester: input.semester, kind: input.kind })) cover.addRow(row);

  const sheet = workbook.addWorksheet(ROSTER_KINDS[input.kind]);
  sheet.columns = outcomeRosterColumns.map((header) => ({
    header,
    width: header === '成果簡述' ? 60 : header === '課程代碼' ? 26 : 14,
    ...(TEXT_COLUMNS.has(header) ? { style: { numFmt: '@' } } : {}),
  }));
  for (const row of rows) sheet.addRow(row);
  sheet.getRow(1).font = { bold: true };
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/**
 * 名冊提交 happens inside the school's `roster-submission` window of the term (作業期程, ADR
 * 0021), open for every grade and class the roster carries; refused with window-unscheduled,
 * window-not-open or window-closed otherwise, before anything is built or stored.
 */
export async function assertRosterWindow(ctx: AuthedContext, input: RosterExportInput): Promise<void> {
  const scopes = await outcomeRosterScopes(ctx.db, ctx.config.code, input);
  assertWindowOpenForAll(await scheduleOf(ctx), 'roster-submission', { academicYear: input.academicYear, semester: input.semester }, ctx.now(), scopes);
}

/**
 * Builds the roster, stores it as a file of the school (content-addressed) and audits it.
 * The creator and registry staff can then download it from GET /api/files/:id.
 */
export async function exportRoster(ctx: AuthedContext, input: RosterExportInput): Promise<RosterExportResult & { bytes: Uint8Array<ArrayBuffer> }> {
  const school = ctx.config.code;
  const at = ctx.now();
  const rows = await outcomeRosterRows(ctx.db, school, input);
  const bytes = await buildOutcomeRoster(school, input, rows, at);
  const fileName = rosterFileName(school, input);
  const put = await ctx.storage.put(new Blob([bytes]).stream(), { maxBytes: bytes.byteLength, tooLarge: () => new Error('roster larger than built') });
  const fileId = newId();
  // When the transaction fails, the object stays for the sweep: the same bytes may be another export's.
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('stored_files')
      .values({ id: fileId, school_code: school, sha256: put.sha256, size: put.size, type: 'xlsx', original_name: fileName, created_by: ctx.identity.userId, created_at: nowIso(at) })
      .execute();
    await writeAudit(trx, {
      school,
      actor: ctx.identity,
      role: ctx.actingRole,
      action: `roster.export.${input.kind}`,
      entity: 'stored_file',
      entityId: fileId,
      after: { ...input, fileName, rowCount: rows.length, sha256: put.sha256 },
      at,
    });
  });
  return { fileId, fileName, rowCount: rows.length, downloadUrl: `/api/files/${fileId}?download=1`, bytes };
}
