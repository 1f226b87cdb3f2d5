import { DomainError } from '@licheng/core';
import { nowIso } from '@licheng/db';
import { authedProcedure, currentStudent, writeAudit } from '@licheng/server';
import { z } from 'zod';
import { checksOf, lockedDocument, standingCheck } from '../documents.ts';
import { kindInput, languageInput } from '../inputs.ts';
import { mirrorOf, syncMirror } from '../record-mirror.ts';
import { autobiographyDb } from '../tables.ts';
import { documentView } from '../views.ts';
import { assertLanguageKept, assertWritingWindow } from '../writing-window.ts';

/**
 * autobiography.submissions.cancel — 取消送出: the student takes a submission back before it is
 * checked (a mis-click undone); the document is a draft again and its `records` row goes back to
 * the decision that stood before (withdrawn if none).
 */
export const submissionsCancel = authedProcedure(['student'])
  .input(z.object({ kind: kindInput, language: languageInput }))
  .mutation(async ({ ctx, input }) => {
    const student = await currentStudent(ctx);
    assertLanguageKept(ctx, input.language);
    await assertWritingWindow(ctx, student);
    return ctx.db.transaction().execute(async (trx) => {
      const before = await lockedDocument(trx, ctx, student, input.kind, input.language);
      if (!before || before.status !== 'submitted') throw new DomainError('essay-not-submitted', {});
      const at = nowIso(ctx.now());
      const document = { ...before, status: 'draft' as const, submitted_version: null, submitted_at: null, updated_at: at };
      await autobiographyDb(trx).updateTable('autobiography_documents').set({ status: 'draft', submitted_version: null, submitted_at: null, updated_at: at }).where('id', '=', before.id).execute();
      const standing = standingCheck(await checksOf(trx, before.id));
      await syncMirror(trx, ctx, { ...document, submitted_version: standing ? Number(standing.version) : Number(before.submitted_version) }, mirrorOf(document, standing));
      await writeAudit(trx, { school: ctx.config.code, actor: ctx.identity, role: ctx.actingRole, action: 'autobiography.cancel', entity: 'autobiography-document', entityId: before.id, studentId: student.id, before, after: document, at: ctx.now() });
      return documentView(document);
    });
  });
