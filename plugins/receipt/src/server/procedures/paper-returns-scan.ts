import { cleanFileName, DomainError } from '@licheng/core';
import { nowIso } from '@licheng/db';
import { authedProcedure, formDataInput, formFile, insertStoredFile, stageUpload, writeAudit } from '@licheng/server';
import { z } from 'zod';
import { OFFICE_ROLES } from '../roles.ts';
import { receiptDb } from '../tables.ts';

export const paperReturnsScanInput = formDataInput({
  returnId: z.string().min(1).max(36),
  /** The scan of the signed form: PDF, JPG or PNG by its first bytes (the document slot: at most 4 MB). */
  file: formFile,
});

/**
 * receipt.paperReturns.scan — keeps the scan of a returned signed form with its (standing)
 * return, as a file of the school (multipart: `returnId`, `file`). The type is checked by the
 * file's content, never its name. A second scan replaces the first, whose file row goes (its
 * object is the sweep's once nothing names it).
 */
export const paperReturnsScan = authedProcedure(OFFICE_ROLES)
  .input(paperReturnsScanInput)
  .mutation(async ({ ctx, input }) => {
    if (!input.file) throw new DomainError('file-missing', {});
    const staged = await stageUpload(ctx, 'document', input.file);
    const name = cleanFileName(input.file.name, `scan.${staged.type}`);
    const at = ctx.now();
    // When the transaction fails, the object stays for the sweep: the same bytes may be another file's.
    return ctx.db.transaction().execute(async (platformTrx) => {
      const trx = receiptDb(platformTrx);
      const found = await trx.selectFrom('receipt_paper_returns').select(['id', 'student_id', 'active', 'scan_file_id']).where('school_code', '=', ctx.config.code).where('id', '=', input.returnId).executeTakeFirst();
      if (!found) throw new DomainError('not-found', {});
      if (found.active === null) throw new DomainError('receipt-paper-return-withdrawn', {});
      const fileId = await insertStoredFile(platformTrx, ctx, { ...staged, name });
      const previous = found.scan_file_id;
      const taken = await trx
        .updateTable('receipt_paper_returns')
        .set({ scan_file_id: fileId })
        .where('id', '=', found.id)
        .where('active', '=', 1)
        .where('scan_file_id', previous === null ? 'is' : '=', previous)
        .executeTakeFirst();
      if (Number(taken.numUpdatedRows) !== 1) throw new DomainError('try-again', {});
      if (previous) await trx.deleteFrom('stored_files').where('id', '=', previous).where('school_code', '=', ctx.config.code).execute();
      await writeAudit(platformTrx, {
        school: ctx.config.code,
        actor: ctx.identity,
        role: ctx.actingRole,
        action: 'receipt.paper-return.scan',
        entity: 'receipt-paper-return',
        entityId: found.id,
        studentId: found.student_id,
        before: { scan_file_id: previous },
        after: { scan_file_id: fileId, file_name: name, sha256: staged.sha256 },
        at,
      });
      return { id: found.id, scan: { fileId, fileName: name, type: staged.type, size: staged.size, url: `/api/files/${fileId}`, at: nowIso(at) } };
    });
  });
