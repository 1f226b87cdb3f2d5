import { DomainError, type ImportIssue, type ImportKind, type ImportRow } from '@licheng/core';
import { isWriteConflict } from '@licheng/db';
import { upsertClasses, upsertCourses, upsertEnrolments, upsertStudents, upsertTeachers, writeOperationAudit, type AuthedContext, type PlatformDatabase, type RowChange, type UpsertCounts } from '@licheng/server';
import type { Kysely } from 'kysely';
import { readImportSheet } from './import-sheet.ts';
import { checkReferences } from './roster-references.ts';
import { readTableFile, type TableFile } from './table-file.ts';

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

/**
 * Imports a roster file (students, teachers, course offerings, enrolments or classes) from the
 * school system: every row is checked — cells, duplicates, references to teachers, students
 * and course offerings already on file — before anything is written. Any issue and nothing
 * is written; otherwise every row is upserted in one transaction, audited as the import's
 * entry and, under it, one entry per row inserted or updated with its changed fields.
 */
export async function importRoster(ctx: AuthedContext, kind: ImportKind, bytes: Uint8Array, fileName: string, options: ImportOptions = {}): Promise<ImportResult> {
  const table = await readTableFile(bytes, fileName);
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
  }
}
