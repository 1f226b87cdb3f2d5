import { DomainError } from '@licheng/core';
import { authedProcedure, currentStudent } from '@licheng/server';
import { z } from 'zod';
import { findDocument, versionOf } from '../documents.ts';
import { kindInput, languageInput, versionNumber } from '../inputs.ts';
import { versionTextView } from '../views.ts';

/** autobiography.versions.get — an earlier version of one of the student's own documents, to read (檢視). */
export const versionGet = authedProcedure(['student'])
  .input(z.object({ kind: kindInput, language: languageInput, number: versionNumber }))
  .query(async ({ ctx, input }) => {
    const student = await currentStudent(ctx);
    const document = await findDocument(ctx, student.id, input.kind, input.language);
    const version = document ? await versionOf(ctx.db, document.id, input.number) : null;
    if (!version) throw new DomainError('not-found', {});
    return versionTextView(version);
  });
