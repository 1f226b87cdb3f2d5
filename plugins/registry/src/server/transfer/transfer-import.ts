import { DomainError, normalizeNationalId, sniffFileType, type TransferManifest, type TransferRecord } from '@licheng/core';
import { forUpdate, newId, nowIso } from '@licheng/db';
import { assertStudentsWritable, writeOperationAudit, type AuthedContext, type PlatformDatabase, type RowChange, type Student } from '@licheng/server';
import type { Kysely } from 'kysely';
import { storeTransferFiles, type CheckedTransferPackage } from './transfer-read.ts';

/** One row of the import's report: a record of the package and what became of it. */
export interface TransferImportRow {
  origin: { schoolCode: string; recordId: string };
  kind: string;
  academicYear: number;
  semester: number;
  summary: string;
  status: string;
  outcome: 'imported' | 'skipped';
  /** Why skipped: `already-imported` (this origin is already here). */
  reason: string | null;
  /** The new record's id here (imported), or the earlier copy's (already imported). */
  recordId: string | null;
}

export interface TransferImportResult {
  dryRun: boolean;
  fromSchool: { code: string; name: string };
  student: { id: string | null; studentNo: string; name: string; created: boolean };
  imported: number;
  skipped: number;
  files: number;
  rows: TransferImportRow[];
}

export interface TransferImportOptions {
  /** The student's number here, to create them when no student has the package's 身分證號 and birth date. */
  studentNo?: string | undefined;
  dryRun: boolean;
}

type Trx = Kysely<PlatformDatabase>;

/** The school's student with the package's 身分證號 and 出生日期, if any. */
async function matchStudent(db: Trx, school: string, manifest: TransferManifest): Promise<Student | undefined> {
  return db
    .selectFrom('students')
    .selectAll()
    .where('school_code', '=', school)
    .where('national_id', '=', normalizeNationalId(manifest.student.nationalId))
    .where('birth_date', '=', manifest.student.birthDate)
    .executeTakeFirst();
}

/** Origins of the package already imported here: origin key → record id. */
async function knownOrigins(db: Trx, school: string, records: readonly TransferRecord[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  const bySchool = new Map<string, string[]>();
  for (const r of records) bySchool.set(r.origin.schoolCode, [...(bySchool.get(r.origin.schoolCode) ?? []), r.origin.recordId]);
  for (const [originSchool, ids] of bySchool) {
    for (let i = 0; i < ids.length; i += 500) {
      const rows = await db
        .selectFrom('record_origins')
        .select(['origin_record_id', 'record_id'])
        .where('school_code', '=', school)
        .where('origin_school_code', '=', originSchool)
        .where('origin_record_id', 'in', ids.slice(i, i + 500))
        .execute();
      for (const row of rows) found.set(`${originSchool}/${row.origin_record_id}`, row.record_id);
    }
  }
  // A record that was first made here and comes back (a return, 復學) is here already.
  const own = records.filter((r) => r.origin.schoolCode === school).map((r) => r.origin.recordId);
  for (let i = 0; i < own.length; i += 500) {
    const rows = await db.selectFrom('records').select('id').where('school_code', '=', school).where('id', 'in', own.slice(i, i + 500)).execute();
    for (const row of rows) found.set(`${school}/${row.id}`, row.id);
  }
  return found;
}

const originKey = (r: TransferRecord) => `${r.origin.schoolCode}/${r.origin.recordId}`;

/**
 * Imports a checked package (ADR 0033), spooled at `packageFile`: finds the student by 身分證號
 * and birth date, or creates them with `studentNo`; streams every file from the package into
 * content-addressed storage first, then in one
 * transaction under the student's row lock writes, for each record not imported before, its
 * stored-file rows, the record with its state and decision as they were, and its origin row
 * (which makes it a read-only copy, refused by the records layer). Importing the same package
 * again skips every record (`already-imported`), by origin, even when two imports run at once
 * (the origin's unique key). A failure writes nothing; files stored for it are left to the sweep.
 */
export async function importTransferPackage(ctx: AuthedContext, pkg: CheckedTransferPackage, packageFile: string, options: TransferImportOptions): Promise<TransferImportResult> {
  const school = ctx.config.code;
  const { manifest } = pkg;
  if (manifest.schoolCode === school) throw new DomainError('transfer-package-own-school', {});
  const matched = await matchStudent(ctx.db, school, manifest);
  if (!matched && !options.studentNo) throw new DomainError('transfer-student-not-found', {});
  const result: TransferImportResult = {
    dryRun: options.dryRun,
    fromSchool: { code: manifest.schoolCode, name: manifest.schoolName },
    student: { id: matched?.id ?? null, studentNo: matched?.student_no ?? options.studentNo!, name: matched?.name ?? manifest.student.name, created: !matched },
    imported: 0,
    skipped: 0,
    files: 0,
    rows: [],
  };
  if (options.dryRun) {
    if (matched) await assertStudentsWritable(ctx.db, [matched.id]);
    const known = await knownOrigins(ctx.db, school, manifest.records);
    for (const record of manifest.records) result.rows.push(reportRow(record, known.get(originKey(record)) ?? null, known.has(originKey(record))));
    return tally(result);
  }
  // Files first, outside the transaction, streamed from the spooled package: an object no row
  // names is the sweep's (ADR 0010).
  const heads = await storeTransferFiles(ctx.storage, packageFile, pkg);
  const at = ctx.now();
  return ctx.db.transaction().execute(async (trx) => {
    const student = matched ?? (await createStudent(trx, ctx, manifest, options.studentNo!));
    await forUpdate(trx.selectFrom('students').select('id').where('id', '=', student.id), ctx.dialect).execute();
    await assertStudentsWritable(trx, [student.id]);
    result.student.id = student.id;
    const known = await knownOrigins(trx, school, manifest.records);
    const changes: RowChange[] = [];
    for (const record of manifest.records) {
      const earlier = known.get(originKey(record));
      if (earlier) {
        result.rows.push(reportRow(record, earlier, true));
        continue;
      }
      const fileIds: Partial<Record<'document' | 'media', string>> = {};
      for (const file of record.files) {
        const id = newId();
        const head = heads.get(file.sha256) ?? new Uint8Array();
        await trx
          .insertInto('stored_files')
          .values({ id, school_code: school, sha256: file.sha256, size: file.size, type: sniffFileType(head) ?? file.type, original_name: file.name, created_by: ctx.identity.userId, created_at: nowIso(at) })
          .execute();
        fileIds[file.slot] = id;
        result.files++;
      }
      const id = newId();
      const row = {
        id,
        school_code: school,
        kind: record.kind,
        student_id: student.id,
        course_id: null,
        academic_year: record.academicYear,
        semester: record.semester,
        summary: record.summary,
        data: JSON.stringify(record.data),
        document_file_id: fileIds.document ?? null,
        media_file_id: fileIds.media ?? null,
        status: record.status,
        status_reason: record.statusReason,
        decided_by: record.decided?.by ?? null,
        decided_by_name: record.decided?.name ?? null,
        decided_role: record.decided?.role ?? null,
        decided_at: record.decided?.at ?? null,
        decided_for: null,
        decided_for_name: null,
        entered_by: `transfer:${manifest.schoolCode}`,
        entered_role: record.enteredRole,
        version: 1,
        created_at: record.createdAt,
        updated_at: nowIso(at),
      };
      await trx.insertInto('records').values(row).execute();
      await trx
        .insertInto('record_origins')
        .values({
          record_id: id,
          school_code: school,
          origin_school_code: record.origin.schoolCode,
          origin_record_id: record.origin.recordId,
          imported_from_school: manifest.schoolCode,
          selected_at_origin: record.selected ? 1 : 0,
          package_sha256: pkg.sha256,
          imported_by: ctx.identity.userId,
          imported_at: nowIso(at),
        })
        .execute();
      changes.push({ action: `${record.kind}.transfer-import`, entity: 'record', entityId: id, studentId: student.id, after: { ...row, origin: record.origin, importedFrom: manifest.schoolCode } });
      result.rows.push(reportRow(record, id, false));
    }
    tally(result);
    await writeOperationAudit(
      trx,
      {
        school,
        actor: ctx.identity,
        role: ctx.actingRole,
        action: 'student.transfer.import',
        entity: 'student',
        entityId: student.id,
        studentId: student.id,
        after: {
          fromSchool: manifest.schoolCode,
          reason: manifest.reason,
          exportedAt: manifest.exportedAt,
          packageSha256: pkg.sha256,
          created: result.student.created,
          imported: result.imported,
          skipped: result.skipped,
          statusChanges: manifest.statusChanges,
        },
        at,
      },
      changes,
    );
    return result;
  });
}

async function createStudent(trx: Trx, ctx: AuthedContext, manifest: TransferManifest, studentNo: string): Promise<Student> {
  const taken = await trx.selectFrom('students').select('id').where('school_code', '=', ctx.config.code).where('student_no', '=', studentNo).executeTakeFirst();
  if (taken) throw new DomainError('transfer-student-no-taken', { studentNo });
  const at = nowIso(ctx.now());
  const student: Student = {
    id: newId(),
    school_code: ctx.config.code,
    student_no: studentNo,
    // The host's account for the student arrives with the next roster import (keyed by 學號).
    host_user_id: `transfer:${studentNo}`,
    name: manifest.student.name,
    national_id: normalizeNationalId(manifest.student.nationalId),
    birth_date: manifest.student.birthDate,
    grade: 1,
    class_name: '',
    seat_no: 0,
    division: 'day',
    department_code: null,
    roster_fields: null,
    status: 'enrolled',
    created_at: at,
    updated_at: at,
  };
  await trx.insertInto('students').values(student).execute();
  return student;
}

function reportRow(record: TransferRecord, recordId: string | null, skipped: boolean): TransferImportRow {
  return {
    origin: record.origin,
    kind: record.kind,
    academicYear: record.academicYear,
    semester: record.semester,
    summary: record.summary,
    status: record.status,
    outcome: skipped ? 'skipped' : 'imported',
    reason: skipped ? 'already-imported' : null,
    recordId,
  };
}

function tally(result: TransferImportResult): TransferImportResult {
  result.imported = result.rows.filter((r) => r.outcome === 'imported').length;
  result.skipped = result.rows.length - result.imported;
  return result;
}
