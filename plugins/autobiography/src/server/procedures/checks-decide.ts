import { DomainError, freeText } from '@licheng/core';
import { newId, nowIso } from '@licheng/db';
import { authedProcedure, writeAudit } from '@licheng/server';
import { z } from 'zod';
import { checkableDocument } from '../checker-documents.ts';
import { documentIdInput, versionNumber } from '../inputs.ts';
import { mirrorOf, syncMirror } from '../record-mirror.ts';
import { autobiographyDb, type CheckRow } from '../tables.ts';
import { checkView, documentView } from '../views.ts';

export const checksDecideInput = z.object({
  documentId: documentIdInput,
  /** The version the checker read: a different one (the student cancelled and resubmitted) is 'version-conflict'. */
  version: versionNumber,
  /** 通過 pass or 退回修改 return. */
  decision: z.enum(['pass', 'return']),
  /** The checker's comment (≤ 200 characters): required when returning; the student reads it. */
  comment: freeText({ max: 200, multiline: true, allowBlank: true }).optional(),
});

/**
 * autobiography.checks.decide — the school's checker passes (通過) or returns (退回修改, with a
 * comment) the submitted version of a document they check. One decision per submission, taken in
 * the transaction under the document's row lock; the `records` row follows.
 */
export const checksDecide = authedProcedure(['homeroom-teacher', 'counseling-staff'])
  .input(checksDecideInput)
  .mutation(async ({ ctx, input }) => {
    const comment = input.comment?.trim() ? input.comment : null;
    if (input.decision === 'return' && !comment) throw new DomainError('essay-comment-required', {});
    return ctx.db.transaction().execute(async (trx) => {
      const { document: before } = await checkableDocument(ctx, input.documentId, trx);
      if (before.status !== 'submitted') throw new DomainError('essay-not-submitted', {});
      if (Number(before.submitted_version) !== input.version) throw new DomainError('version-conflict', { latest: Number(before.submitted_version) });
      const at = nowIso(ctx.now());
      const check: CheckRow = {
        id: newId(),
        school_code: ctx.config.code,
        document_id: before.id,
        version: input.version,
        decision: input.decision === 'pass' ? 'passed' : 'returned',
        comment,
        decided_by: ctx.identity.userId,
        decided_by_name: ctx.identity.name,
        decided_role: ctx.actingRole,
        decided_at: at,
        reopened_at: null,
        reopen_reason: null,
      };
      const db = autobiographyDb(trx);
      await db.insertInto('autobiography_checks').values(check).execute();
      const document = { ...before, status: check.decision, updated_at: at };
      await db.updateTable('autobiography_documents').set({ status: check.decision, updated_at: at }).where('id', '=', before.id).where('status', '=', 'submitted').execute();
      await syncMirror(trx, ctx, document, mirrorOf(document, check));
      await writeAudit(trx, { school: ctx.config.code, actor: ctx.identity, role: ctx.actingRole, action: 'autobiography.decide', entity: 'autobiography-document', entityId: before.id, studentId: before.student_id, before, after: { ...document, comment }, at: ctx.now() });
      return { document: documentView(document), check: checkView(check, ctx.identity.userId) };
    });
  });
