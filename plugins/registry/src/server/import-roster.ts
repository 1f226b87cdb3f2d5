import { DomainError, type ImportIssue, type ImportKind, type ImportRow } from '@licheng/core';
import { databaseLocation, isWriteConflict, openDatabaseAt, type DatabaseLocation } from '@licheng/db';
import { runOffThread, upsertClasses, upsertCourses, upsertEnrolments, upsertPlacements, upsertStatusChanges, upsertStudents, upsertTeachers, WorkerFailed, writeOperationAudit, type AuthedContext, type OffThreadTask, type PlatformDatabase, type RowChange, type UpsertCounts } from '@licheng/server';
import type { Kysely } from 'kysely';
import { upsertGrades } from './grades/upsert-grades.ts';
import { readImportSheet } from './import-sheet.ts';
import { checkReferences } from './roster-references.ts';
import { readTableFile, readTableFileHere, type TableFile } from './table-file.ts';

export interface ImportOptions {
  /** Template column key → header text in the file, for layouts whose headers differ. */
  mapping?: Record<string, string>;
  /** Check everything and report what would change, writing nothing. */
  dryRun?: boolean;
}

export interface ImportResult {
  ok: boolean;
  kind: ImportKind;
  fileName: string;
  format: TableFile['format'];
  encoding: TableFile['encoding'] | null;
  dryRun: boolean;
  /** Non-blank data rows in the file. */
  totalRows: number;
  /** What was written (or, in a dry run, what would be); all zero when the file was refused. */
  counts: UpsertCounts;
  /** Every problem found, by row; when there is any, nothing was written. */
  issues: ImportIssue[];
}

const NONE: UpsertCounts = { inserted: 0, updated: 0, unchanged: 0 };

/** Thrown inside a dry run's transaction so the database rolls every write back. */
const ROLLBACK = new Error('dry run: roll back');

/** Another import of the school wrote the same rows meanwhile: nothing of this one was written. */
function concurrentImport(error: unknown): never {
  if (isWriteConflict(error)) throw new DomainError('import-concurrent', {});
  throw error;
}

function byRow(a: ImportIssue, b: ImportIssue): number {
  return (a.row ?? 0) - (b.row ?? 0);
}

/** What an import needs of the request's context. */
export type ImportContext = Pick<AuthedContext, 'db' | 'identity' | 'actingRole' | 'now'> & { config: Pick<AuthedContext['config'], 'code'> };

/** An import as it is sent to the worker thread: plain values only. */
interface ImportJob {
  location: DatabaseLocation;
  school: string;
  identity: AuthedContext['identity'];
  actingRole: AuthedContext['actingRole'];
  /** ctx.now() of the request, ISO. */
  at: string;
  kind: ImportKind;
  fileName: string;
  options: ImportOptions;
}

const IMPORT_TASK: OffThreadTask = { module: new URL(import.meta.url), name: 'importRosterTask' };

/**
 * Imports a roster file (students, teachers, course offerings, enrolments or classes) from the
 * school system: every row is checked — cells, duplicates, references to teachers, students
 * and course offerings already on file — before anything is written. Any issue and nothing
 * is written; otherwise every row is upserted in one transaction, audited as the import's
 * entry and, under it, one entry per row inserted or updated with its changed fields.
 *
 * All of it runs in the worker thread on the worker's own connection to the database, so the
 * request thread keeps serving while the file is read, checked and written, and on SQLite
 * (WAL) other requests keep reading through the server's connection while the import's
 * transaction is open. The transaction is still one: a failed or interrupted import writes nothing.
 */
export async function importRoster(ctx: AuthedContext, kind: ImportKind, bytes: Uint8Array, fileName: string, options: ImportOptions = {}): Promise<ImportResult> {
  const location = databaseLocation(ctx.db);
  // An in-memory database has no other way in: read in the worker, check and write here.
  if (!location) return importRosterWith(ctx, kind, bytes, fileName, options, readTableFile);
  const job: ImportJob = { location, school: ctx.config.code, identity: ctx.identity, actingRole: ctx.actingRole, at: ctx.now().toISOString(), kind, fileName, options };
  return runOffThread<ImportResult>(IMPORT_TASK, job, bytes).catch((error: unknown) => {
    // The worker ended under the file (its heap cap); its transaction, if any, never committed.
    if (error instanceof WorkerFailed && error.exited) throw new DomainError('import-file-unreadable', {});
    throw error;
  });
}

/** The worker's side of importRoster: its own connection, closed when the import ends. */
export async function importRosterTask(job: ImportJob, bytes: Uint8Array): Promise<ImportResult> {
  const db = openDatabaseAt(job.location);
  try {
    const at = new Date(job.at);
    const ctx: ImportContext = { db: db.kysely, identity: job.identity, actingRole: job.actingRole, now: () => at, config: { code: job.school } };
    return await importRosterWith(ctx, job.kind, bytes, job.fileName, job.options, readTableFileHere);
  } finally {
    await db.destroy();
  }
}

async function importRosterWith(
  ctx: ImportContext,
  kind: ImportKind,
  bytes: Uint8Array,
  fileName: string,
  options: ImportOptions,
  readTable: (bytes: Uint8Array, fileName: string) => Promise<TableFile>,
): Promise<ImportResult> {
  const table = await readTable(bytes, fileName);
  const sheet = readImportSheet(kind, table.rows, options.mapping ?? {});
  const issues = [...sheet.issues, ...(await checkReferences(ctx.db, ctx.config.code, kind, sheet.rows))].sort(byRow);
  const dryRun = options.dryRun ?? false;
  const result = { kind, fileName, format: table.format, encoding: table.encoding ?? null, dryRun, totalRows: sheet.totalRows };
  if (issues.length > 0) return { ...result, ok: false, counts: NONE, issues };

  const write = async (trx: Kysely<PlatformDatabase>) => {
    const at = ctx.now();
    const changes: RowChange[] = [];
    const counts = await upsert(trx, ctx.config.code, kind, sheet.rows.map((r) => r.value), at, changes);
    await writeOperationAudit(trx, {
      school: ctx.config.code,
      actor: ctx.identity,
      role: ctx.actingRole,
      action: `roster.import.${kind}`,
      entity: 'roster',
      entityId: kind,
      after: { fileName, rowCount: sheet.totalRows, format: table.format, encoding: table.encoding ?? null, ...counts },
      at,
    }, changes);
    return counts;
  };
  if (!dryRun) return { ...result, ok: true, counts: await ctx.db.transaction().execute(write).catch(concurrentImport), issues };
  // A dry run writes for real inside a transaction that is always rolled back, so its counts are exact.
  let counts = NONE;
  await ctx.db
    .transaction()
    .execute(async (trx) => {
      counts = await write(trx);
      throw ROLLBACK;
    })
    .catch((error: unknown) => {
      if (error !== ROLLBACK) concurrentImport(error);
    });
  return { ...result, ok: true, counts, issues };
}

function upsert(trx: Kysely<PlatformDatabase>, school: string, kind: ImportKind, rows: ImportRow[], at: Date, changes: RowChange[]): Promise<UpsertCounts> {
  switch (kind) {
    case 'students':
      return upsertStudents(trx, school, rows as ImportRow<'students'>[], at, changes);
    case 'teachers':
      return upsertTeachers(trx, school, rows as ImportRow<'teachers'>[], at, changes);
    case 'courses':
      return upsertCourses(trx, school, rows as ImportRow<'courses'>[], at, changes);
    case 'enrolments':
      return upsertEnrolments(trx, school, rows as ImportRow<'enrolments'>[], at, changes);
    case 'classes':
      return upsertClasses(trx, school, rows as ImportRow<'classes'>[], at, changes);
    case 'grades':
      return upsertGrades(trx, school, rows as ImportRow<'grades'>[], at, changes);
    case 'status-changes':
      return upsertStatusChanges(trx, school, rows as ImportRow<'status-changes'>[], at, changes);
    case 'placements':
      return upsertPlacements(trx, school, rows as ImportRow<'placements'>[], at, changes);
  }
}
