import { confirmationRequired, DomainError, maskNationalId, parseFlexibleDate, type ConfirmationWindow, type Locale } from '@licheng/core';
import { isWriteConflict, newId, nowIso } from '@licheng/db';
import { writeOperationAudit, type AuthedContext, type Student } from '@licheng/server';
import type { Insertable, Kysely } from 'kysely';
import { problem, viewProblem, type ImportProblem, type ImportProblemView } from './receipt-issue.ts';
import { readRosterJson, type ReceiptRosterFile, type SubmittedWorkbook } from './receipt-roster.ts';
import { readReceiptZip, sha256Hex, type CheckedReceipt } from './receipt-zip.ts';
import { closeReceivedAgain } from './corrections.ts';
import { receiptDb, type ReceiptDatabase, type ReceiptItemTable } from './tables.ts';

export interface ImportedRoster {
  file: string;
  /** Which of the receipt's rosters (修課紀錄, 多元表現, 校內幹部經歷, 課程學習成果), from the file name. */
  roster: string;
  /** 名冊別; 0 for 修課紀錄, which no source numbers. */
  kind: number;
  name: string;
  entries: number;
  /** Items created (or, in a dry run, that would be). */
  items: number;
  /** Graduated grade-12 course records, which need no confirmation. */
  notRequired: number;
  /** The workbooks 名冊資訊 says were received, with the SHA-256 it gives (for reconciling with what was sent). */
  submitted: SubmittedWorkbook[];
}

export interface ReceiptImportResult {
  ok: boolean;
  dryRun: boolean;
  fileName: string;
  sha256: string;
  academicYear: number | null;
  semester: number | null;
  window: ConfirmationWindow;
  rosters: ImportedRoster[];
  /** Items written (or that would be); 0 when refused. */
  items: number;
  /** Students who have left (休退學): they confirm on paper, not on the platform. */
  leftStudents: number;
  batchId: string | null;
  problems: ImportProblemView[];
}

const CHUNK = 200;

function chunks<T>(list: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

async function duplicateOf(db: Kysely<ReceiptDatabase>, school: string, sha256: string): Promise<DomainError | null> {
  const existing = await db.selectFrom('receipt_batches').select('imported_at').where('school_code', '=', school).where('source_sha256', '=', sha256).executeTakeFirst();
  return existing ? new DomainError('receipt-duplicate-import', { importedAt: existing.imported_at.slice(0, 10) }) : null;
}

function birthDateOf(value: unknown): string | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  try {
    return parseFlexibleDate(value);
  } catch {
    return null;
  }
}

/** The students of the school holding these national IDs, by ID. */
async function studentsById(db: Kysely<ReceiptDatabase>, school: string, ids: string[]): Promise<Map<string, Student>> {
  const found = new Map<string, Student>();
  for (const part of chunks([...new Set(ids)], 500)) {
    const rows = await db.selectFrom('students').selectAll().where('school_code', '=', school).where('national_id', 'in', part).execute();
    for (const row of rows) found.set(row.national_id.toUpperCase(), row as Student);
  }
  return found;
}

/** The rosters of a checked receipt, read and checked against each other: one term, each kind once. */
function readRosters(files: CheckedReceipt['files'], school: string) {
  const problems: ImportProblem[] = [];
  const rosters: ReceiptRosterFile[] = [];
  for (const file of files) {
    const read = readRosterJson(file.name, file.sha256, file.bytes, school);
    problems.push(...read.problems);
    if (read.roster) rosters.push(read.roster);
  }
  // Year rosters (學期 0) sit beside the semester's; the batch takes the semester.
  const term = rosters[0] ? { academicYear: rosters[0].academicYear, semester: Math.max(...rosters.map((r) => r.semester)) } : null;
  const kinds = new Set<number>();
  for (const r of rosters) {
    if (r.academicYear !== term?.academicYear || (r.semester !== 0 && r.semester !== term.semester)) problems.push(problem('receipt-term-mismatch', { file: r.file }, r.file));
    if (kinds.has(r.kind)) problems.push(problem('receipt-roster-duplicate', { file: r.file, kind: r.kind }, r.file));
    kinds.add(r.kind);
  }
  return { rosters, term, problems };
}

/** One item per matched student per roster; every entry that does not match is a problem by file and index, its ID masked. */
function matchEntries(rosters: Array<{ id: string; roster: ReceiptRosterFile }>, students: Map<string, Student>, batch: { id: string; school: string; at: Date }) {
  const problems: ImportProblem[] = [];
  const items: Insertable<ReceiptItemTable>[] = [];
  const summaries: ImportedRoster[] = [];
  const left = new Set<string>();
  for (const { id: rosterId, roster } of rosters) {
    const seen = new Set<string>();
    let notRequired = 0;
    let count = 0;
    for (const entry of roster.entries) {
      const entryProblem = (code: string) => problem(code, { file: roster.file, index: entry.index, id: maskNationalId(entry.nationalId) }, roster.file, entry.index);
      if (seen.has(entry.nationalId)) {
        problems.push(entryProblem('receipt-student-duplicate'));
        continue;
      }
      seen.add(entry.nationalId);
      const student = students.get(entry.nationalId);
      if (!student) problems.push(entryProblem('receipt-student-unmatched'));
      else if (birthDateOf(entry.birthDate) !== student.birth_date) problems.push(entryProblem('receipt-birth-date-mismatch'));
      else if (!confirmationRequired(roster.kind, student)) notRequired++;
      else {
        if (student.status === 'left') left.add(student.id);
        count++;
        items.push({
          id: newId(),
          school_code: batch.school,
          batch_id: batch.id,
          roster_id: rosterId,
          student_id: student.id,
          entry_json: JSON.stringify(entry.entry),
          status: 'pending',
          open_issue_id: null,
          confirmed_at: null,
          deemed_confirmed_at: null,
          paper_return_id: null,
          updated_at: nowIso(batch.at),
        });
      }
    }
    summaries.push({ file: roster.file, roster: roster.roster, kind: roster.kind, name: roster.name, entries: roster.entries.length, items: count, notRequired, submitted: roster.submitted });
  }
  return { items, summaries, leftStudents: left.size, problems };
}

/**
 * Imports a 收訖明細 ZIP, decrypted with `password` when it is encrypted (ZipCrypto or AES):
 * checks every checksum against SHA.txt (a file that does not match is refused by name and
 * never read; the other files are still read and reported), reads each roster JSON
 * (this school's, one academic term), matches every entry to a student by 身分證號 with
 * 出生日期 as a check, and — only when nothing is wrong and this is not a dry run — writes the
 * batch, its rosters and one item per student per roster in one transaction with an audit row.
 */
export async function importReceipt(ctx: AuthedContext, bytes: Uint8Array, fileName: string, window: ConfirmationWindow, dryRun: boolean, password?: string): Promise<ReceiptImportResult> {
  const db = receiptDb(ctx.db);
  const school = ctx.config.code;
  const sha256 = sha256Hex(bytes);
  const duplicate = await duplicateOf(db, school, sha256);
  if (duplicate) throw duplicate;

  const checked = await readReceiptZip(bytes, password);
  const read = readRosters(checked.files, school);
  const students = await studentsById(db, school, read.rosters.flatMap((r) => r.entries.map((e) => e.nationalId)));
  const batch = { id: newId(), school, at: ctx.now() };
  const rosterRows = read.rosters.map((roster) => ({ id: newId(), roster }));
  const matched = matchEntries(rosterRows, students, batch);
  const problems = [...checked.problems, ...read.problems, ...matched.problems];
  const term = read.term;
  const ok = problems.length === 0 && term !== null;
  const result: ReceiptImportResult = {
    ok,
    dryRun,
    fileName,
    sha256,
    academicYear: term?.academicYear ?? null,
    semester: term?.semester ?? null,
    window,
    rosters: matched.summaries,
    items: ok ? matched.items.length : 0,
    leftStudents: matched.leftStudents,
    batchId: null,
    problems: problems.map((p) => viewProblem(p, ctx.locale as Locale)),
  };
  if (!ok || dryRun) return result;

  try {
    await ctx.db.transaction().execute(async (platformTrx) => {
      const trx = receiptDb(platformTrx);
      await trx
        .insertInto('receipt_batches')
        .values({
          id: batch.id,
          school_code: school,
          academic_year: term.academicYear,
          semester: term.semester,
          file_name: fileName,
          source_sha256: sha256,
          window_start: window.start,
          window_end: window.end,
          imported_by: ctx.identity.userId,
          imported_by_name: ctx.identity.name,
          imported_at: nowIso(batch.at),
        })
        .execute();
      await trx
        .insertInto('receipt_rosters')
        .values(rosterRows.map(({ id, roster: r }) => ({ id, school_code: school, batch_id: batch.id, kind: r.kind, name: r.name, academic_year: r.academicYear, semester: r.semester, file_name: r.file, sha256: r.sha256, entry_count: r.entries.length })))
        .execute();
      for (const part of chunks(matched.items)) await trx.insertInto('receipt_items').values(part).execute();
      // The students' rosters came back: answered issues on them close, corrections are received.
      const nameOf = new Map(rosterRows.map(({ id, roster: r }) => [id, r.name]));
      await closeReceivedAgain(platformTrx, { school, batchId: batch.id, at: batch.at, actor: ctx.identity, role: ctx.actingRole }, matched.items.map((i) => ({ studentId: i.student_id, rosterName: nameOf.get(i.roster_id) ?? '' })));
      // The batch's entry, and under it one entry per item: the student it concerns and its roster.
      const kindOf = new Map(rosterRows.map(({ id, roster: r }) => [id, r.kind]));
      const itemChanges = matched.items.map((item) => ({
        action: 'receipt.item.import',
        entity: 'receipt-item',
        entityId: item.id!,
        studentId: item.student_id,
        after: { roster_kind: kindOf.get(item.roster_id) ?? null, status: item.status },
      }));
      await writeOperationAudit(platformTrx, {
        school,
        actor: ctx.identity,
        role: ctx.actingRole,
        action: 'receipt.batch.import',
        entity: 'receipt-batch',
        entityId: batch.id,
        after: { fileName, sha256, academicYear: term.academicYear, semester: term.semester, window, rosters: matched.summaries, items: matched.items.length },
        at: batch.at,
      }, itemChanges);
    });
  } catch (error) {
    // The same ZIP imported by someone else meanwhile takes the unique key first.
    if (!isWriteConflict(error)) throw error;
    throw (await duplicateOf(db, school, sha256)) ?? new DomainError('try-again', {});
  }
  return { ...result, batchId: batch.id };
}
