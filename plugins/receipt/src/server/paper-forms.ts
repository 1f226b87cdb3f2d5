import { DomainError, taipeiDate, type Locale } from '@licheng/core';
import { newId, nowIso } from '@licheng/db';
import { storePdf, writeOperationAudit, type AuthedContext } from '@licheng/server';
import type { Kysely } from 'kysely';
import { paperFormDocument, type PaperFormStudent } from './paper-form-document.ts';
import { loadBatch } from './progress.ts';
import type { ReceiptDatabase } from './tables.ts';

/**
 * Who of a batch confirms on paper: the students with items in it who have left (休學, 轉出 —
 * students.status `left`, as the import counts them in `leftStudents`). They cannot sign in, so
 * the registry office prints their 收訖明細紙本確認單 (paper-form-document.ts) and mails it.
 */
export interface PaperFormCandidate {
  studentId: string;
  studentNo: string;
  name: string;
  className: string;
  seatNo: number;
  /** How many rosters of the batch carry the student. */
  rosters: number;
}

/** The batch's students who have left and have items in it, by class and seat. */
export async function paperFormCandidates(db: Kysely<ReceiptDatabase>, school: string, batchId: string): Promise<PaperFormCandidate[]> {
  const rows = await db
    .selectFrom('receipt_items')
    .innerJoin('students', 'students.id', 'receipt_items.student_id')
    .select(['students.id as studentId', 'students.student_no as studentNo', 'students.name', 'students.class_name as className', 'students.seat_no as seatNo', (eb) => eb.fn.countAll<number | string>().as('rosters')])
    .where('receipt_items.school_code', '=', school)
    .where('receipt_items.batch_id', '=', batchId)
    .where('students.status', '=', 'left')
    .groupBy(['students.id', 'students.student_no', 'students.name', 'students.class_name', 'students.seat_no'])
    .orderBy('students.class_name')
    .orderBy('students.seat_no')
    .orderBy('students.student_no')
    .execute();
  return rows.map((r) => ({ ...r, seatNo: Number(r.seatNo), rosters: Number(r.rosters) }));
}

/** Whose forms to print: one student, or every student of a class who has left. */
export type PaperFormTarget = { studentId: string } | { className: string };

async function formStudents(db: Kysely<ReceiptDatabase>, school: string, batchId: string, chosen: PaperFormCandidate[]): Promise<PaperFormStudent[]> {
  const ids = chosen.map((c) => c.studentId);
  const items = await db
    .selectFrom('receipt_items')
    .innerJoin('receipt_rosters', 'receipt_rosters.id', 'receipt_items.roster_id')
    .innerJoin('students', 'students.id', 'receipt_items.student_id')
    .select(['receipt_items.student_id', 'receipt_items.entry_json', 'receipt_rosters.kind', 'receipt_rosters.name', 'students.national_id', 'students.birth_date'])
    .where('receipt_items.school_code', '=', school)
    .where('receipt_items.batch_id', '=', batchId)
    .where('receipt_items.student_id', 'in', ids)
    .orderBy('receipt_rosters.kind')
    .orderBy('receipt_rosters.name')
    .execute();
  return chosen.map((c) => {
    const own = items.filter((i) => i.student_id === c.studentId);
    return {
      studentNo: c.studentNo,
      name: c.name,
      className: c.className,
      seatNo: c.seatNo,
      nationalId: own[0]!.national_id,
      birthDate: own[0]!.birth_date,
      rosters: own.map((i) => ({ kind: Number(i.kind), name: i.name, entry: JSON.parse(i.entry_json) as Record<string, unknown> })),
    };
  });
}

export interface PaperFormResult {
  fileId: string;
  fileName: string;
  downloadUrl: string;
  students: number;
  pages: number;
}

/**
 * Prints the paper forms of one student or of a class of the batch as one PDF (one form per
 * student, each numbered on its own), renders it in the worker thread, stores it as a file of the
 * school and audits it with one entry per student. Refused with not-found for an unknown batch,
 * and receipt-paper-form-none when the target has no student who has left with items in it.
 */
export async function createPaperForms(ctx: AuthedContext, db: Kysely<ReceiptDatabase>, batchId: string, target: PaperFormTarget): Promise<PaperFormResult> {
  const school = ctx.config.code;
  const batch = await loadBatch(db, school, batchId);
  const candidates = await paperFormCandidates(db, school, batch.id);
  const chosen = 'studentId' in target ? candidates.filter((c) => c.studentId === target.studentId) : candidates.filter((c) => c.className === target.className);
  if (chosen.length === 0) throw new DomainError('receipt-paper-form-none', {});
  const at = ctx.now();
  const today = taipeiDate(at);
  const locale = ctx.locale as Locale;
  const students = await formStudents(db, school, batch.id, chosen);
  const spec = paperFormDocument({ school: ctx.config.name, batch, students, locale, now: at, today });
  const { put, pages } = await storePdf(ctx.storage, spec);
  const who = 'studentId' in target ? `${chosen[0]!.className}-${String(chosen[0]!.seatNo).padStart(2, '0')}-${chosen[0]!.studentNo}` : target.className;
  const fileName = `${locale === 'zh-TW' ? '收訖明細紙本確認單' : 'receipt-paper-form'}-${batch.academicYear}-${batch.semester}-${who}.pdf`.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_');
  const fileId = newId();
  // When the transaction fails, the object stays for the sweep: the same bytes may be another file's.
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('stored_files')
      .values({ id: fileId, school_code: school, sha256: put.sha256, size: put.size, type: 'pdf', original_name: fileName, created_by: ctx.identity.userId, created_at: nowIso(at) })
      .execute();
    await writeOperationAudit(
      trx,
      {
        school,
        actor: ctx.identity,
        role: ctx.actingRole,
        action: 'receipt.paper-form.print',
        entity: 'stored_file',
        entityId: fileId,
        after: { batchId: batch.id, target, fileName, sha256: put.sha256, students: chosen.length, pages },
        at,
      },
      chosen.map((c) => ({ action: 'receipt.paper-form.student', entity: 'student', entityId: c.studentId, studentId: c.studentId, after: { batchId: batch.id, fileId } })),
    );
  });
  return { fileId, fileName, downloadUrl: `/api/files/${fileId}?download=1`, students: chosen.length, pages };
}
