import { DomainError, diffSnapshots, sheetColumns, snapshotStudents, type RosterBatch, type RosterId, type SnapshotDiff, type SnapshotStudent } from '@licheng/core';
import { isWriteConflict, newId, nowIso } from '@licheng/db';
import { writeAudit, type AuthedContext, type PlatformDatabase } from '@licheng/server';
import type { Kysely } from 'kysely';
import { registryDb, type RosterExportTable, type RosterSnapshotTable } from '../tables.ts';
import type { BuiltSheets, RosterRequest } from './builder.ts';

/**
 * 提交 — an export is a draft until the office marks it as uploaded to the central database
 * (上傳至中央資料庫). Marking records a snapshot: the export's roster, batch, term, 名冊別,
 * layout version, file and its SHA-256, row count and per-student content, with who and when.
 * Snapshots are append-only (ADR 0031): no code here updates or deletes one, and database
 * triggers refuse it. Their workbook stays referenced through its stored_files row, which
 * nothing deletes, so the sweep never removes it (ADR 0010).
 */

/** The per-student content of the sheets a roster writes (the layout's columns, without attachment cells). */
export function contentOf(built: Pick<BuiltSheets, 'sheets'>): SnapshotStudent[] {
  return snapshotStudents(
    built.sheets.map((part) => {
      const columns = sheetColumns(part.sheet);
      return { name: part.sheet.name, columns, rows: part.rows.map((row) => row.slice(0, columns.length)), refs: part.refs };
    }),
  );
}

export interface ExportRecord {
  fileId: string;
  request: RosterRequest;
  kind: number;
  layoutVersion: string;
  fileName: string;
  sha256: string;
  rowCount: number;
  reviewFileId: string | null;
  content: SnapshotStudent[];
}

/** Records an export and its content, inside the export's transaction. */
export async function recordExport(trx: Kysely<PlatformDatabase>, ctx: AuthedContext, e: ExportRecord, at: Date): Promise<void> {
  await registryDb(trx)
    .insertInto('roster_exports')
    .values({
      id: e.fileId,
      school_code: ctx.config.code,
      roster: e.request.roster,
      batch: e.request.batch,
      academic_year: e.request.academicYear,
      semester: e.request.semester,
      kind: e.kind,
      layout_version: e.layoutVersion,
      file_name: e.fileName,
      sha256: e.sha256,
      row_count: e.rowCount,
      review_file_id: e.reviewFileId,
      content_json: JSON.stringify(e.content),
      exported_by: ctx.identity.userId,
      exported_at: nowIso(at),
    })
    .execute();
}

/** A snapshot as the screens and other offices read it (content only when asked for). */
export interface SnapshotSummary {
  id: string;
  exportId: string;
  roster: RosterId;
  batch: RosterBatch;
  academicYear: number;
  semester: number;
  kind: number;
  layoutVersion: string;
  fileId: string;
  fileName: string;
  sha256: string;
  rowCount: number;
  studentCount: number;
  submittedBy: string;
  submittedByName: string;
  submittedAt: string;
  downloadUrl: string;
}

function summaryOf(r: Pick<RosterSnapshotTable, Exclude<keyof RosterSnapshotTable, 'content_json' | 'school_code' | 'submitted_role'>>): SnapshotSummary {
  return {
    id: r.id,
    exportId: r.export_id,
    roster: r.roster as RosterId,
    batch: r.batch as RosterBatch,
    academicYear: Number(r.academic_year),
    semester: Number(r.semester),
    kind: Number(r.kind),
    layoutVersion: r.layout_version,
    fileId: r.file_id,
    fileName: r.file_name,
    sha256: r.sha256,
    rowCount: Number(r.row_count),
    studentCount: Number(r.student_count),
    submittedBy: r.submitted_by,
    submittedByName: r.submitted_by_name,
    submittedAt: r.submitted_at,
    downloadUrl: `/api/files/${r.file_id}?download=1`,
  };
}

const SUMMARY_COLUMNS = ['id', 'export_id', 'roster', 'batch', 'academic_year', 'semester', 'kind', 'layout_version', 'file_id', 'file_name', 'sha256', 'row_count', 'student_count', 'submitted_by', 'submitted_by_name', 'submitted_at'] as const;

/**
 * Marks an export as submitted: one snapshot per export. Marking the same export again — also
 * two marks at the same moment — is refused with roster-already-submitted: the unique key
 * (school, export) decides inside the transaction, so exactly one snapshot is written.
 */
export async function submitExport(ctx: AuthedContext, exportId: string): Promise<SnapshotSummary> {
  const school = ctx.config.code;
  const at = ctx.now();
  try {
    return await ctx.db.transaction().execute(async (platformTrx) => {
      const trx = registryDb(platformTrx);
      const e = await exportOf(platformTrx, school, exportId);
      if (!e) throw new DomainError('roster-export-not-found', { id: exportId });
      const already = await trx.selectFrom('roster_snapshots').select('id').where('school_code', '=', school).where('export_id', '=', exportId).executeTakeFirst();
      if (already) throw new DomainError('roster-already-submitted', { file: e.file_name });
      const content = JSON.parse(e.content_json) as SnapshotStudent[];
      const row: RosterSnapshotTable = {
        id: newId(),
        school_code: school,
        export_id: e.id,
        roster: e.roster,
        batch: e.batch,
        academic_year: Number(e.academic_year),
        semester: Number(e.semester),
        kind: Number(e.kind),
        layout_version: e.layout_version,
        file_id: e.id,
        file_name: e.file_name,
        sha256: e.sha256,
        row_count: Number(e.row_count),
        student_count: content.length,
        content_json: e.content_json,
        submitted_by: ctx.identity.userId,
        submitted_by_name: ctx.identity.name,
        submitted_role: ctx.actingRole,
        submitted_at: nowIso(at),
      };
      await trx.insertInto('roster_snapshots').values(row).execute();
      await writeAudit(platformTrx, {
        school,
        actor: ctx.identity,
        role: ctx.actingRole,
        action: `roster.submit.${row.kind}`,
        entity: 'roster_snapshot',
        entityId: row.id,
        after: { roster: row.roster, batch: row.batch, academicYear: row.academic_year, semester: row.semester, kind: row.kind, fileId: row.file_id, sha256: row.sha256, rowCount: row.row_count, studentCount: row.student_count },
        at,
      });
      return summaryOf(row);
    });
  } catch (error) {
    if (error instanceof DomainError || !isWriteConflict(error)) throw error;
    throw new DomainError('roster-already-submitted', { file: exportId });
  }
}

export interface SnapshotFilter {
  roster?: RosterId;
  batch?: RosterBatch;
  academicYear?: number;
  semester?: number;
  kind?: number;
}

function filtered(db: Kysely<PlatformDatabase>, school: string, f: SnapshotFilter) {
  let q = registryDb(db).selectFrom('roster_snapshots').where('school_code', '=', school);
  if (f.roster) q = q.where('roster', '=', f.roster);
  if (f.batch) q = q.where('batch', '=', f.batch);
  if (f.academicYear !== undefined) q = q.where('academic_year', '=', f.academicYear);
  if (f.semester !== undefined) q = q.where('semester', '=', f.semester);
  if (f.kind !== undefined) q = q.where('kind', '=', f.kind);
  return q;
}

/** Snapshots, newest first. */
export async function listSnapshots(db: Kysely<PlatformDatabase>, school: string, f: SnapshotFilter): Promise<SnapshotSummary[]> {
  const rows = await filtered(db, school, f).select([...SUMMARY_COLUMNS]).orderBy('submitted_at', 'desc').orderBy('id', 'desc').execute();
  return rows.map(summaryOf);
}

/** The last snapshot of a roster/batch/term (or of a 名冊別 and year), with its per-student content; null when none. */
export async function latestSnapshot(db: Kysely<PlatformDatabase>, school: string, f: SnapshotFilter): Promise<(SnapshotSummary & { content: SnapshotStudent[] }) | null> {
  const row = await filtered(db, school, f).select([...SUMMARY_COLUMNS, 'content_json']).orderBy('submitted_at', 'desc').orderBy('id', 'desc').executeTakeFirst();
  return row ? { ...summaryOf(row), content: JSON.parse(row.content_json) as SnapshotStudent[] } : null;
}

/** An export of this school (draft or submitted), with its content. */
export async function exportOf(db: Kysely<PlatformDatabase>, school: string, id: string): Promise<RosterExportTable | undefined> {
  return registryDb(db).selectFrom('roster_exports').selectAll().where('school_code', '=', school).where('id', '=', id).executeTakeFirst();
}

/**
 * The year rosters (學期 0) carry the whole academic year whichever term's window they were
 * exported in: their snapshots are compared across both terms of the year.
 */
export function termFilter(request: RosterRequest, yearRoster: boolean): SnapshotFilter {
  return { roster: request.roster, batch: request.batch, academicYear: request.academicYear, ...(yearRoster ? {} : { semester: request.semester }) };
}

export type ChangesSince = SnapshotDiff & { snapshot: SnapshotSummary | null };

/** What changed from the last snapshot to `content` (a later export or the current data). With no snapshot, every student is added. */
export async function changesSince(db: Kysely<PlatformDatabase>, school: string, filter: SnapshotFilter, content: SnapshotStudent[]): Promise<ChangesSince> {
  const last = await latestSnapshot(db, school, filter);
  const { content: before = [], ...snapshot } = last ?? {};
  return { snapshot: last ? (snapshot as SnapshotSummary) : null, ...diffSnapshots(before, content) };
}
