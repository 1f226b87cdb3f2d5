import { authedProcedure, currentStudent } from '@licheng/server';
import { z } from 'zod';
import { checksOf, findDocument, versionOf, versionsOf } from '../documents.ts';
import { kindInput, languageInput } from '../inputs.ts';
import { checkView, documentView, versionTextView, versionView } from '../views.ts';

/**
 * autobiography.documents.get — one of the student's own documents: its newest version's text,
 * every version (newest first) and every decision. Not written yet: `document` is null.
 */
export const documentGet = authedProcedure(['student'])
  .input(z.object({ kind: kindInput, language: languageInput }))
  .query(async ({ ctx, input }) => {
    const student = await currentStudent(ctx);
    const document = await findDocument(ctx, student.id, input.kind, input.language);
    if (!document) return { document: null, latest: null, versions: [], checks: [] };
    const latest = await versionOf(ctx.db, document.id, Number(document.latest_version));
    return {
      document: documentView(document),
      latest: latest ? versionTextView(latest) : null,
      versions: (await versionsOf(ctx.db, document.id)).map(versionView),
      checks: (await checksOf(ctx.db, document.id)).map((c) => checkView(c)),
    };
  });
