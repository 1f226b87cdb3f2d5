import { lineDiff } from '@licheng/core';
import { authedProcedure } from '@licheng/server';
import { z } from 'zod';
import { checkableDocument } from '../checker-documents.ts';
import { checksOf, versionOf } from '../documents.ts';
import { documentIdInput } from '../inputs.ts';
import { checkView, documentView, versionTextView } from '../views.ts';

/**
 * autobiography.checks.get — one document to check: the version submitted (or, once decided, the
 * one decided), what changed from the version checked before it (a line diff; null the first
 * time), and every decision. Only documents the caller checks; anything else is not found.
 */
export const checkGet = authedProcedure(['homeroom-teacher', 'counseling-staff'])
  .input(z.object({ documentId: documentIdInput }))
  .query(async ({ ctx, input }) => {
    const { document, student } = await checkableDocument(ctx, input.documentId);
    const checks = await checksOf(ctx.db, document.id);
    const standing = checks.find((c) => c.reopened_at === null);
    const number = document.submitted_version ?? (standing ? Number(standing.version) : Number(document.latest_version));
    const version = await versionOf(ctx.db, document.id, Number(number));
    const previous = checks.find((c) => c.reopened_at === null && Number(c.version) < Number(number));
    const previousVersion = previous ? await versionOf(ctx.db, document.id, Number(previous.version)) : null;
    return {
      document: documentView(document),
      student,
      version: version ? versionTextView(version) : null,
      previous: previousVersion && version ? { version: Number(previousVersion.number), decision: previous!.decision, changes: lineDiff(previousVersion.text, version.text) } : null,
      checks: checks.map((c) => checkView(c, ctx.identity.userId)),
    };
  });
