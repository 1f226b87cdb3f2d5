import { outcomeSummarySchema, PERFORMANCE_TYPES } from '@licheng/core';
import { authedProcedure, currentStudent, enterKindRecord, formDataInput, formFile, type RecordChangeOutput } from '@licheng/server';
import { z } from 'zod';
import { assertPerformanceWindow, PERFORMANCE_KINDS, performanceTerm } from '../performance-rules.ts';

const kindIds = PERFORMANCE_TYPES.map((t) => t.id) as [string, ...string[]];

/** The kind's fields as JSON text (a form part), read as an object; 'invalid-input' otherwise. */
const dataPart = z.string().max(20_000).transform((text, ctx) => {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // reported below
  }
  ctx.addIssue({ code: 'custom', message: 'data must be a JSON object' });
  return z.NEVER;
});

export const performancesUploadInput = formDataInput({
  kind: z.enum(kindIds),
  summary: outcomeSummarySchema,
  data: dataPart,
  videoUrl: z.string().max(2000).optional(),
  document: formFile,
  media: formFile,
});

/**
 * student.performances.upload — the student enters one 多元表現 of the current term: the type's
 * national fields (`data`, JSON), 內容簡述 (required here), a document and/or media file and an
 * external video link, inside the performance-upload window. The entry itself is the generic
 * one (`enterKindRecord`, as `<office>.records.enter` with files): the outcome's file limits and
 * content checks, and the school's yearly cap counted under the student's lock.
 */
export const performancesUpload = authedProcedure(['student'])
  .input(performancesUploadInput)
  .mutation(async ({ ctx, input }): Promise<RecordChangeOutput> => {
    const kind = PERFORMANCE_KINDS.find((k) => k.id === input.kind)!;
    const student = await currentStudent(ctx);
    const term = performanceTerm(ctx);
    await assertPerformanceWindow(ctx, student, term, input.kind);
    return enterKindRecord(ctx, kind, student, 'student', { ...term, ...input, videoUrl: input.videoUrl ?? '' });
  });
