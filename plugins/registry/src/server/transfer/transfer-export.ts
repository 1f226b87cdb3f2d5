import {
  DomainError,
  normalizeNationalId,
  TRANSFER_MANIFEST_NAME,
  TRANSFER_PACKAGE_FORMAT,
  TRANSFER_PACKAGE_VERSION,
  transferFilePath,
  type TransferManifest,
  type TransferReason,
  type TransferRecord,
} from '@licheng/core';
import { statusChangesOf, writeAudit, zipStream, type AuthedContext, type Student, type ZipEntry } from '@licheng/server';

/**
 * 轉學資料包 export (ADR 0033, docs/transfer-package.md): one student's whole portfolio — every
 * record of every kind with its certification state, who decided it and when, where it was first
 * made, whether it was selected, each file by SHA-256 — and their 學籍異動, as `manifest.json`
 * plus `files/<sha256>`. A record this school imported keeps its first origin.
 */
export async function transferManifest(ctx: AuthedContext, student: Student, reason: TransferReason): Promise<TransferManifest> {
  const school = ctx.config.code;
  const rows = await ctx.db
    .selectFrom('records')
    .leftJoin('record_origins', 'record_origins.record_id', 'records.id')
    .selectAll('records')
    .select(['record_origins.origin_school_code', 'record_origins.origin_record_id', 'record_origins.selected_at_origin'])
    .where('records.school_code', '=', school)
    .where('records.student_id', '=', student.id)
    .orderBy('records.academic_year')
    .orderBy('records.semester')
    .orderBy('records.created_at')
    .orderBy('records.id')
    .execute();
  const fileIds = [...new Set(rows.flatMap((r) => [r.document_file_id, r.media_file_id]).filter((id): id is string => id !== null))];
  const files = fileIds.length ? await ctx.db.selectFrom('stored_files').selectAll().where('id', 'in', fileIds).execute() : [];
  const fileById = new Map(files.map((f) => [f.id, f]));
  const selected = new Set(
    rows.length ? (await ctx.db.selectFrom('selections').select('record_id').where('student_id', '=', student.id).where('school_code', '=', school).execute()).map((s) => s.record_id) : [],
  );
  const records: TransferRecord[] = rows.map((r) => ({
    origin: r.origin_school_code && r.origin_record_id ? { schoolCode: r.origin_school_code, recordId: r.origin_record_id } : { schoolCode: school, recordId: r.id },
    kind: r.kind,
    academicYear: r.academic_year,
    semester: r.semester,
    summary: r.summary,
    data: JSON.parse(r.data) as Record<string, unknown>,
    status: r.status as TransferRecord['status'],
    statusReason: r.status_reason,
    decided: r.decided_at && r.decided_by ? { by: r.decided_by, name: r.decided_by_name ?? '', role: r.decided_role ?? '', at: r.decided_at } : null,
    enteredRole: r.entered_role,
    createdAt: r.created_at,
    selected: selected.has(r.id) || Number(r.selected_at_origin ?? 0) === 1,
    files: (
      [
        ['document', r.document_file_id],
        ['media', r.media_file_id],
      ] as const
    ).flatMap(([slot, id]) => {
      const file = id ? fileById.get(id) : undefined;
      return file ? [{ slot, sha256: file.sha256, size: Number(file.size), type: file.type, name: file.original_name }] : [];
    }),
  }));
  const changes = await statusChangesOf(ctx.db, school, student.id);
  return {
    format: TRANSFER_PACKAGE_FORMAT,
    version: TRANSFER_PACKAGE_VERSION,
    reason,
    schoolCode: school,
    schoolName: ctx.config.name,
    exportedAt: ctx.now().toISOString(),
    exportedBy: { userId: ctx.identity.userId, name: ctx.identity.name },
    student: { studentNo: student.student_no, name: student.name, nationalId: normalizeNationalId(student.national_id), birthDate: student.birth_date },
    statusChanges: changes.map((c) => ({ date: c.date, kind: c.kind as TransferManifest['statusChanges'][number]['kind'], statusCode: c.statusCode, note: c.note })),
    records,
  };
}

/**
 * The package as a streamed ZIP, audited as `student.transfer.export`. Every file is checked to
 * be in storage before the first byte, so a package is complete or not produced
 * (`transfer-export-file-missing`).
 */
export async function transferPackage(ctx: AuthedContext, student: Student, reason: TransferReason): Promise<ReadableStream<Uint8Array>> {
  const manifest = await transferManifest(ctx, student, reason);
  const hashes = [...new Set(manifest.records.flatMap((r) => r.files.map((f) => f.sha256)))];
  for (const sha of hashes) if (!(await ctx.storage.exists(sha))) throw new DomainError('transfer-export-file-missing', { sha });
  await writeAudit(ctx.db, {
    school: ctx.config.code,
    actor: ctx.identity,
    role: ctx.actingRole,
    action: 'student.transfer.export',
    entity: 'student',
    entityId: student.id,
    studentId: student.id,
    after: { reason, records: manifest.records.length, files: hashes.length, version: manifest.version },
    at: ctx.now(),
  });
  const json = new TextEncoder().encode(JSON.stringify(manifest, null, 2));
  async function* entries(): AsyncGenerator<ZipEntry> {
    yield { name: TRANSFER_MANIFEST_NAME, body: async () => json };
    for (const sha of hashes) yield { name: transferFilePath(sha), body: () => ctx.storage.open(sha) };
  }
  return zipStream(entries(), ctx.now());
}

/** The download's name: 轉學資料包-<school>-<學號>-<date>.zip. */
export function transferFileName(schoolCode: string, student: Student, today: string): string {
  return `轉學資料包-${schoolCode}-${student.student_no}-${today}.zip`;
}
