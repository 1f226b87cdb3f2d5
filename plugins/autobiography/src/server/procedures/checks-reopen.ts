import { DomainError, freeText } from '@licheng/core';
import { nowIso } from '@licheng/db';
import { authedProcedure, writeAudit } from '@licheng/server';
import { z } from 'zod';
import { checkableDocument } from '../checker-documents.ts';
import { checksOf } from '../documents.ts';
import { documentIdInput } from '../inputs.ts';
import { mirrorOf, syncMirror } from '../record-mirror.ts';
import { autobiographyDb } from '../tables.ts';
import { checkView, documentView } from '../views.ts';

/**
 * autobiography.checks.reopen — 撤回決定: the checker takes back their own decision that still
 * stands, with a reason; the version waits for checking again. Refused ('essay-moved-on') once the
 * student has written a new draft or resubmitted; another checker's decision reads as not found.
 */
export const checksReopen = authedProcedure(['homeroom-teacher', 'counseling-staff'])
  .input(z.object({ documentId: documentIdInput, reason: freeText({ max: 200, multiline: true }) }))
  .mutation(async ({ ctx, input }) => {
    return ctx.db.transaction().execute(async (trx) => {
      const { document: before } = await checkableDocument(ctx, input.documentId, trx);
      const standing = (await checksOf(trx, before.id)).find((c) => c.reopened_at === null);
      if (!standing || standing.decided_by !== ctx.identity.userId) throw new DomainError('not-found', {});
      if (before.status !== standing.decision || Number(before.submitted_version) !== Number(standing.version)) throw new DomainError('essay-moved-on', {});
      const at = nowIso(ctx.now());
      const db = autobiographyDb(trx);
      await db.updateTable('autobiography_checks').set({ reopened_at: at, reopen_reason: input.reason }).where('id', '=', standing.id).where('reopened_at', 'is', null).execute();
      const document = { ...before, status: 'submitted' as const, updated_at: at };
      await db.updateTable('autobiography_documents').set({ status: 'submitted', updated_at: at }).where('id', '=', before.id).execute();
      await syncMirror(trx, ctx, document, mirrorOf(document, null));
      await writeAudit(trx, { school: ctx.config.code, actor: ctx.identity, role: ctx.actingRole, action: 'autobiography.reopen', entity: 'autobiography-document', entityId: before.id, studentId: before.student_id, before, after: { ...document, reason: input.reason }, at: ctx.now() });
      return { document: documentView(document), check: checkView({ ...standing, reopened_at: at, reopen_reason: input.reason }, ctx.identity.userId) };
    });
  });
