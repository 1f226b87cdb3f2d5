import { DomainError, ESSAY_MAX_CHARS_LIMIT, essaySettings, freeText, studyPlanSectionsSchema } from '@licheng/core';
import { authedProcedure, currentStudent } from '@licheng/server';
import { z } from 'zod';
import { contentText, writeVersion } from '../documents.ts';
import { baseVersionInput, languageInput } from '../inputs.ts';
import { versionView, documentView } from '../views.ts';
import { assertLanguageKept, assertWritingWindow } from '../writing-window.ts';

const common = { language: languageInput, baseVersion: baseVersionInput };

export const draftsSaveInput = z.discriminatedUnion('kind', [
  /** 自傳: one text. */
  z.object({ kind: z.literal('autobiography'), ...common, text: freeText({ max: ESSAY_MAX_CHARS_LIMIT, multiline: true }) }),
  /** 學習計畫: its headed sections, any of them blank in a draft. */
  z.object({ kind: z.literal('study-plan'), ...common, sections: studyPlanSectionsSchema(ESSAY_MAX_CHARS_LIMIT) }),
]);

/**
 * autobiography.drafts.save — 儲存草稿: the student saves a new version on top of `baseVersion`
 * (0 for the first). Never overwrites; a stale base is 'version-conflict' (nothing written, the
 * client keeps the text). Within the school's `maxChars` (text-too-long), in the writing window,
 * not while submitted. Saving after a decision makes a draft that must be checked again.
 */
export const draftsSave = authedProcedure(['student'])
  .input(draftsSaveInput)
  .mutation(async ({ ctx, input }) => {
    const student = await currentStudent(ctx);
    assertLanguageKept(ctx, input.language);
    await assertWritingWindow(ctx, student);
    const content = contentText(input.kind === 'autobiography' ? { kind: 'autobiography', text: input.text } : { kind: 'study-plan', sections: input.sections });
    const { maxChars } = essaySettings(ctx.config);
    if (content.charCount > maxChars) throw new DomainError('text-too-long', { max: maxChars, length: content.charCount });
    if (content.charCount === 0) throw new DomainError('text-blank', {});
    const { document, version } = await writeVersion(ctx, student, { kind: input.kind, language: input.language, baseVersion: input.baseVersion, content, restoredFrom: null, action: 'autobiography.save' });
    return { document: documentView(document), version: versionView(version) };
  });
