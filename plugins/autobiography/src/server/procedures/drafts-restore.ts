import { DomainError } from '@licheng/core';
import { authedProcedure, currentStudent } from '@licheng/server';
import { z } from 'zod';
import { findDocument, versionOf, writeVersion } from '../documents.ts';
import { baseVersionInput, kindInput, languageInput, versionNumber } from '../inputs.ts';
import { documentView, versionView } from '../views.ts';
import { assertLanguageKept, assertWritingWindow } from '../writing-window.ts';

/**
 * autobiography.drafts.restore — 以此版本為新草稿: an earlier version's text becomes a new version
 * on top of `baseVersion` (the earlier one stays as it was). Same rules as a save.
 */
export const draftsRestore = authedProcedure(['student'])
  .input(z.object({ kind: kindInput, language: languageInput, number: versionNumber, baseVersion: baseVersionInput }))
  .mutation(async ({ ctx, input }) => {
    const student = await currentStudent(ctx);
    assertLanguageKept(ctx, input.language);
    await assertWritingWindow(ctx, student);
    const existing = await findDocument(ctx, student.id, input.kind, input.language);
    const source = existing ? await versionOf(ctx.db, existing.id, input.number) : null;
    if (!source) throw new DomainError('not-found', {});
    const content = { text: source.text, sections: source.sections, charCount: Number(source.char_count) };
    const { document, version } = await writeVersion(ctx, student, { kind: input.kind, language: input.language, baseVersion: input.baseVersion, content, restoredFrom: input.number, action: 'autobiography.restore' });
    return { document: documentView(document), version: versionView(version) };
  });
