import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { TRANSFER_MANIFEST_NAME, transferFilePath, type TransferManifest } from '@licheng/core';
import { testDialects } from '@licheng/db/testing';
import { assertRecordWritable, inflatePart, sweepStorage, upsertStatusChanges, zipParts, zipStream } from '@licheng/server';
import { createTestLicheng, seedRoster, type TestLicheng, type TestUser } from '@licheng/server/testing';
import registry from '../index.ts';
import { fileOf } from '../test-support.ts';
import { readTransferPackage } from './transfer-read.ts';

const OLD = '123456';
const NEW = '654321';
const oldRegistry: TestUser = { userId: 'r-old', name: '舊校註冊組長', roles: ['registry-staff'] };
const newRegistry: TestUser = { userId: 'r-new', name: '新校註冊組長', roles: ['registry-staff'], school: NEW };
const tooLarge = () => new Error('too large');

async function bytesOf(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** The package checked by the importer's own reader (in the worker thread), from a file as an upload is. */
async function checked(bytes: Uint8Array) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'transfer-test-'));
  try {
    fs.writeFileSync(path.join(dir, 'package.zip'), bytes);
    return await readTransferPackage(path.join(dir, 'package.zip'));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The package's manifest and files' bytes, unpacked in memory (to build altered packages from). */
async function unpack(bytes: Uint8Array): Promise<{ manifest: TransferManifest; files: Map<string, Uint8Array> }> {
  const parts = zipParts(bytes);
  const budget = { left: Number.MAX_SAFE_INTEGER, used: 0, onExceeded: tooLarge };
  const read = async (name: string) => {
    const chunks: Uint8Array[] = [];
    for await (const chunk of inflatePart(bytes, parts.get(name)!, budget)) chunks.push(chunk);
    return new Uint8Array(Buffer.concat(chunks));
  };
  const manifest = JSON.parse(new TextDecoder().decode(await read(TRANSFER_MANIFEST_NAME))) as TransferManifest;
  const files = new Map<string, Uint8Array>();
  for (const name of parts.keys()) if (name.startsWith('files/')) files.set(name.slice('files/'.length), await read(name));
  return { manifest, files };
}

/** A ZIP of the given entries, written by the platform's writer (as an exporting school would). */
async function zipOf(entries: Record<string, Uint8Array>): Promise<Uint8Array> {
  return bytesOf(zipStream(Object.entries(entries).map(([name, body]) => ({ name, body: async () => body })), new Date('2026-02-01T00:00:00Z')));
}

async function seedOldSchool(t: TestLicheng) {
  await seedRoster(t);
  const db = t.db.kysely as any;
  const chen = (await db.selectFrom('students').select('id').where('student_no', '=', 'S001').executeTakeFirstOrThrow()).id as string;
  const put = async (text: string) => t.storage.put(new Blob([text]).stream(), { maxBytes: 1000, tooLarge });
  const pdf = await put('%PDF-1.7 成果報告');
  const mp3 = await put('ID3 一段錄音');
  await db.insertInto('stored_files').values([
    { id: 'f-doc', school_code: OLD, sha256: pdf.sha256, size: pdf.size, type: 'pdf', original_name: '成果.pdf', created_by: 's-chen', created_at: '2025-10-01T00:00:00.000Z' },
    { id: 'f-media', school_code: OLD, sha256: mp3.sha256, size: mp3.size, type: 'mp3', original_name: '錄音.mp3', created_by: 's-chen', created_at: '2025-10-01T00:00:00.000Z' },
  ]).execute();
  const base = { school_code: OLD, student_id: chen, course_id: null, academic_year: 114, semester: 1, data: '{}', status_reason: null, decided_for: null, decided_for_name: null, version: 1, created_at: '2025-10-01T00:00:00.000Z', updated_at: '2025-10-01T00:00:00.000Z' };
  await db.insertInto('records').values([
    { ...base, id: 'r-outcome', kind: 'outcome', summary: '物理實驗報告', document_file_id: 'f-doc', media_file_id: 'f-media', status: 'passed', decided_by: 't-li', decided_by_name: '李老師', decided_role: 'subject-teacher', decided_at: '2025-11-01T00:00:00.000Z', entered_by: 's-chen', entered_role: 'student' },
    { ...base, id: 'r-failed', kind: 'outcome', summary: '國語文心得', document_file_id: null, media_file_id: null, status: 'failed', status_reason: '檔案不清楚', decided_by: 't-wang', decided_by_name: '王老師', decided_role: 'subject-teacher', decided_at: '2025-11-02T00:00:00.000Z', entered_by: 's-chen', entered_role: 'student' },
    { ...base, id: 'r-cadre', kind: 'cadre', summary: '班長', data: JSON.stringify({ position: '班長' }), document_file_id: null, media_file_id: null, status: 'passed', decided_by: null, decided_by_name: null, decided_role: null, decided_at: null, entered_by: 'sa', entered_role: 'student-affairs-staff' },
  ]).execute();
  await db.insertInto('selections').values({ id: 'sel', school_code: OLD, student_id: chen, record_id: 'r-outcome', kind: 'outcome', academic_year: 114, created_at: '2025-12-01T00:00:00.000Z' }).execute();
  await upsertStatusChanges(db, OLD, [{ studentNo: 'S001', date: '2026-01-31', kind: 'transfer-out', statusCode: '211', note: '轉學' }], t.clock.now);
  return { pdf: pdf.sha256, mp3: mp3.sha256 };
}

async function exportPackage(t: TestLicheng, studentNo = 'S001', reason = 'transfer') {
  return t.app.request(`/api/registry/transfer/${studentNo}?reason=${reason}`, { headers: { authorization: `Bearer ${await t.token(oldRegistry)}` } });
}

function importForm(bytes: Uint8Array, extra: Record<string, string> = {}): FormData {
  const form = new FormData();
  form.append('file', fileOf(bytes, 'package.zip'));
  for (const [k, v] of Object.entries(extra)) form.append(k, v);
  return form;
}

describe.each(testDialects())('the transfer package on %s', (dialect) => {
  let a: TestLicheng;
  let b: TestLicheng;
  afterEach(async () => {
    await a?.close();
    await b?.close();
  });

  async function twoSchools() {
    a = await createTestLicheng({ dialect, plugins: [registry], now: new Date('2026-02-01T02:00:00Z') });
    const hashes = await seedOldSchool(a);
    b = await createTestLicheng({ dialect, plugins: [registry], config: { code: NEW, name: '新學校' }, now: new Date('2026-02-03T02:00:00Z') });
    const res = await exportPackage(a);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    return { bytes: await bytesOf(res.body!), hashes };
  }
  const newRecords = () => (b.db.kysely as any).selectFrom('records').selectAll().orderBy('academic_year').orderBy('summary').execute();

  it('exports every record with its state, decision, origin, selection and files by SHA-256, audited; only registry staff may', async () => {
    const { bytes, hashes } = await twoSchools();
    const { manifest, files: checkedFiles } = await checked(bytes);
    const { files } = await unpack(bytes);
    expect([...checkedFiles.keys()].sort()).toEqual([...files.keys()].sort());
    expect(manifest).toMatchObject({ format: 'licheng-transfer-package', version: 1, reason: 'transfer', schoolCode: OLD, exportedBy: { userId: 'r-old' } });
    expect(manifest.student).toEqual({ studentNo: 'S001', name: '陳小明', nationalId: 'A123456789', birthDate: '2009-03-01' });
    expect(manifest.statusChanges).toEqual([{ date: '2026-01-31', kind: 'transfer-out', statusCode: '211', note: '轉學' }]);
    const outcome = manifest.records.find((r) => r.origin.recordId === 'r-outcome')!;
    expect(outcome).toMatchObject({ origin: { schoolCode: OLD, recordId: 'r-outcome' }, status: 'passed', selected: true, decided: { by: 't-li', name: '李老師', role: 'subject-teacher', at: '2025-11-01T00:00:00.000Z' } });
    expect(outcome.files.map((f) => [f.slot, f.sha256, f.name])).toEqual([['document', hashes.pdf, '成果.pdf'], ['media', hashes.mp3, '錄音.mp3']]);
    expect(manifest.records.find((r) => r.origin.recordId === 'r-failed')).toMatchObject({ status: 'failed', statusReason: '檔案不清楚', selected: false });
    expect(manifest.records.map((r) => r.kind).sort()).toEqual(['cadre', 'outcome', 'outcome']);
    expect([...files.keys()].sort()).toEqual([hashes.pdf, hashes.mp3].sort());
    const audit = await (a.db.kysely as any).selectFrom('audit_log').select(['action', 'after']).where('action', '=', 'student.transfer.export').execute();
    expect(JSON.parse(audit[0].after)).toMatchObject({ reason: 'transfer', records: 3, files: 2 });
    const teacher = await a.app.request('/api/registry/transfer/S001', { headers: { authorization: `Bearer ${await a.token({ userId: 't-wang', roles: ['subject-teacher'] })}` } });
    expect(teacher.status).toBe(403);
    expect((await exportPackage(a, 'S404')).status).toBe(404);
    expect((await exportPackage(a, 'S001', 'holiday')).status).toBe(400);
  });

  it('imports at the new school as read-only copies of a student it creates, once; a second import skips every row', async () => {
    const { bytes, hashes } = await twoSchools();
    const missing = await b.upload('registry.transfer.import', importForm(bytes), newRegistry);
    expect(missing.error?.licheng?.code).toBe('transfer-student-not-found');

    const dry = await b.upload('registry.transfer.import', importForm(bytes, { studentNo: 'N100', dryRun: 'true' }), newRegistry);
    expect(dry.data).toMatchObject({ dryRun: true, imported: 3, skipped: 0 });
    expect(await newRecords()).toEqual([]);

    const first = await b.upload('registry.transfer.import', importForm(bytes, { studentNo: 'N100' }), newRegistry);
    expect(first.error).toBeNull();
    expect(first.data).toMatchObject({ fromSchool: { code: OLD }, student: { studentNo: 'N100', name: '陳小明', created: true }, imported: 3, skipped: 0, files: 2 });
    expect(first.data.rows.map((r: any) => [r.origin.recordId, r.outcome])).toEqual(expect.arrayContaining([['r-outcome', 'imported'], ['r-failed', 'imported'], ['r-cadre', 'imported']]));
    const records = await newRecords();
    expect(records).toHaveLength(3);
    const outcome = records.find((r: any) => r.summary === '物理實驗報告');
    expect(outcome).toMatchObject({ school_code: NEW, status: 'passed', decided_by: 't-li', decided_role: 'subject-teacher', entered_by: `transfer:${OLD}`, created_at: '2025-10-01T00:00:00.000Z' });
    const stored = await (b.db.kysely as any).selectFrom('stored_files').select(['id', 'sha256']).execute();
    expect(stored.map((f: any) => f.sha256).sort()).toEqual([hashes.pdf, hashes.mp3].sort());
    expect(await b.storage.exists(hashes.pdf)).toBe(true);
    const origins = await (b.db.kysely as any).selectFrom('record_origins').selectAll().where('record_id', '=', outcome.id).execute();
    expect(origins).toEqual([expect.objectContaining({ origin_school_code: OLD, origin_record_id: 'r-outcome', imported_from_school: OLD, selected_at_origin: 1 })]);
    await expect(assertRecordWritable(b.db.kysely as any, outcome)).rejects.toMatchObject({ code: 'record-imported-read-only', params: { school: OLD } });
    const audit = await (b.db.kysely as any).selectFrom('audit_log').select(['action', 'parent_id']).where('action', 'like', '%transfer%').execute();
    expect(audit.filter((e: any) => e.action === 'student.transfer.import')).toHaveLength(1);
    expect(audit.filter((e: any) => e.parent_id !== null)).toHaveLength(3);

    // Matched now by 身分證號 and birth date: no student number needed; nothing is duplicated.
    const again = await b.upload('registry.transfer.import', importForm(bytes), newRegistry);
    expect(again.data).toMatchObject({ student: { studentNo: 'N100', created: false }, imported: 0, skipped: 3, files: 0 });
    expect(again.data.rows.every((r: any) => r.outcome === 'skipped' && r.reason === 'already-imported')).toBe(true);
    expect(await newRecords()).toHaveLength(3);
    expect(await (b.db.kysely as any).selectFrom('stored_files').select('id').execute()).toHaveLength(2);

    // Moving on to a third school keeps the first origin.
    const back = await b.app.request('/api/registry/transfer/N100', { headers: { authorization: `Bearer ${await b.token(newRegistry)}` } });
    const { manifest } = await checked(await bytesOf(back.body!));
    expect(manifest.schoolCode).toBe(NEW);
    expect(manifest.records.find((r) => r.summary === '物理實驗報告')).toMatchObject({ origin: { schoolCode: OLD, recordId: 'r-outcome' }, selected: true });
  });

  it('imports two uploads of the same package at once only once', async () => {
    const { bytes } = await twoSchools();
    await b.upload('registry.transfer.import', importForm(bytes, { studentNo: 'N100', dryRun: 'true' }), newRegistry);
    await (b.db.kysely as any).insertInto('students').values({ id: 'st-new', school_code: NEW, student_no: 'N100', host_user_id: 's-n100', name: '陳小明', national_id: 'A123456789', birth_date: '2009-03-01', grade: 2, class_name: '201', seat_no: 5, division: 'day', department_code: null, status: 'enrolled', created_at: '2026-02-01T00:00:00.000Z', updated_at: '2026-02-01T00:00:00.000Z' }).execute();
    const both = await Promise.all([b.upload('registry.transfer.import', importForm(bytes), newRegistry), b.upload('registry.transfer.import', importForm(bytes), newRegistry)]);
    const imported = both.map((r) => (r.error ? `error ${r.error.licheng?.code}` : r.data.imported)).sort();
    expect(imported[0] === 0 || imported[0] === 'error try-again').toBe(true);
    expect(both.some((r) => r.data?.imported === 3)).toBe(true);
    expect(await newRecords()).toHaveLength(3);
  });

  it('refuses a tampered file, a missing file, another version, a broken manifest, a declared zip bomb and its own package; writes nothing', async () => {
    const { bytes, hashes } = await twoSchools();
    const { manifest, files } = await unpack(bytes);
    const entries = (m: unknown, fileMap: Map<string, Uint8Array> = files) => ({ [TRANSFER_MANIFEST_NAME]: new TextEncoder().encode(JSON.stringify(m)), ...Object.fromEntries([...fileMap].map(([sha, content]) => [transferFilePath(sha), content])) });
    const refused = async (zip: Uint8Array) => (await b.upload('registry.transfer.import', importForm(zip, { studentNo: 'N100' }), newRegistry)).error?.licheng;

    const tampered = new Map(files);
    const pdf = new Uint8Array(files.get(hashes.pdf)!);
    pdf[pdf.length - 1] = pdf[pdf.length - 1]! ^ 1;
    tampered.set(hashes.pdf, pdf);
    expect(await refused(await zipOf(entries(manifest, tampered)))).toEqual({ code: 'transfer-package-file-mismatch', params: { sha: hashes.pdf } });
    const longer = new Map(files).set(hashes.pdf, new Uint8Array([...files.get(hashes.pdf)!, 0]));
    expect((await refused(await zipOf(entries(manifest, longer))))?.code).toBe('transfer-package-file-mismatch');
    const without = new Map(files);
    without.delete(hashes.mp3);
    expect(await refused(await zipOf(entries(manifest, without)))).toEqual({ code: 'transfer-package-file-missing', params: { sha: hashes.mp3 } });
    expect(await refused(await zipOf(entries({ ...manifest, version: 2 })))).toMatchObject({ code: 'transfer-package-version', params: { version: '2', supported: 1 } });
    expect((await refused(await zipOf(entries({ ...manifest, student: { ...manifest.student, birthDate: '2009-02-30' } }))))?.code).toBe('transfer-package-manifest-invalid');
    expect((await refused(await zipOf({ 'other.json': new Uint8Array([1]) })))?.code).toBe('transfer-package-manifest-missing');
    expect((await refused(new TextEncoder().encode('not a zip at all, just text')))?.code).toBe('transfer-package-unreadable');
    const tooBig = { ...manifest, records: manifest.records.map((r) => ({ ...r, files: r.files.map((f) => ({ ...f, size: 5 * 1024 * 1024 })) })) };
    expect((await refused(await zipOf(entries(tooBig))))?.code).toBe('transfer-package-file-too-large');

    // A directory declaring 2 GiB is refused before a byte is inflated.
    const bomb = await zipOf(entries(manifest));
    const view = new DataView(bomb.buffer, bomb.byteOffset, bomb.byteLength);
    const eocd = bomb.byteLength - 22;
    view.setUint32(view.getUint32(eocd + 16, true) + 24, 0x7fffffff, true);
    expect((await refused(bomb))?.code).toBe('transfer-package-too-large');

    const own = await a.upload('registry.transfer.import', importForm(bytes), oldRegistry);
    expect(own.error?.licheng?.code).toBe('transfer-package-own-school');
    expect(await newRecords()).toEqual([]);
    expect(await (b.db.kysely as any).selectFrom('students').select('id').execute()).toEqual([]);
    expect(await (b.db.kysely as any).selectFrom('stored_files').select('id').execute()).toEqual([]);
    // Every upload was spooled to a temp file, and every one is gone.
    expect(fs.readdirSync(b.storage.tempDir)).toEqual([]);
    expect(fs.readdirSync(a.storage.tempDir)).toEqual([]);
  });

  it('a failure inside the transaction writes no row; the files it stored are left to the sweep', async () => {
    const { bytes, hashes } = await twoSchools();
    await b.db.kysely.insertInto('students').values({ id: 'st-new', school_code: NEW, student_no: 'N100', host_user_id: 's-n100', name: '陳小明', national_id: 'A123456789', birth_date: '2009-03-01', grade: 3, class_name: '301', seat_no: 5, division: 'day', department_code: null, status: 'graduated', created_at: '2026-02-01T00:00:00.000Z', updated_at: '2026-02-01T00:00:00.000Z' }).execute();
    const sealed = await b.upload('registry.transfer.import', importForm(bytes), newRegistry);
    expect(sealed.error?.licheng?.code).toBe('student-sealed');
    expect(await newRecords()).toEqual([]);
    expect(await (b.db.kysely as any).selectFrom('stored_files').select('id').execute()).toEqual([]);
    expect(await (b.db.kysely as any).selectFrom('record_origins').select('record_id').execute()).toEqual([]);
    expect(fs.readdirSync(b.storage.tempDir)).toEqual([]);
    const swept = await sweepStorage(b.db, b.storage, { graceMs: 0, now: Date.now() + 60_000 });
    expect(swept.objects.map((o) => o.sha256).sort()).toEqual([hashes.pdf, hashes.mp3].sort());
  });
});
