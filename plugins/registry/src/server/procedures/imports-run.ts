import { cleanFileName, DomainError, freeText, IMPORT_KINDS, inLocale } from '@licheng/core';
import { authedProcedure, formDataInput, formFile, readUpload } from '@licheng/server';
import { z } from 'zod';
import { importRoster } from '../import-roster.ts';
import { REGISTRY_ROLES } from '../roles.ts';
import { MAX_TABLE_BYTES, tableTooLarge } from '../table-file.ts';

/** `{"studentNo":"學生代號", …}`: template column key → header text in the file. */
const mappingField = z
  .string()
  .max(10_000)
  .optional()
  .transform((text, ctx): Record<string, string> | undefined => {
    if (text === undefined || text.trim() === '') return undefined;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'mapping must be a JSON object' });
      return z.NEVER;
    }
    const parsed = z.record(freeText({ max: 64 }), freeText({ max: 200 })).safeParse(value);
    if (!parsed.success) {
      // A header text that breaks the free-text rule says so with its own code; anything else is the shape.
      const coded = parsed.error.issues.filter((i) => (i as { params?: { code?: string } }).params?.code);
      if (coded.length === 0) ctx.addIssue({ code: 'custom', message: 'mapping must map column keys to header texts' });
      for (const issue of coded) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path, params: (issue as { params?: Record<string, unknown> }).params ?? {} });
      return z.NEVER;
    }
    return parsed.data;
  });

export const importsRunInput = formDataInput({
  kind: z.enum(IMPORT_KINDS),
  file: formFile,
  mapping: mappingField,
  dryRun: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
});

/**
 * registry.imports.run — imports a roster file (Excel or CSV, multipart): every row is
 * checked first; with any issue nothing is written and every issue comes back by row.
 */
export const importsRun = authedProcedure(REGISTRY_ROLES)
  .input(importsRunInput)
  .mutation(async ({ ctx, input }) => {
    if (!input.file) throw new DomainError('file-missing', {});
    const bytes = await readUpload(input.file, MAX_TABLE_BYTES, tableTooLarge);
    const result = await importRoster(ctx, input.kind, bytes, cleanFileName(input.file.name, `${input.kind}.csv`), { ...(input.mapping ? { mapping: input.mapping } : {}), dryRun: input.dryRun });
    return { ...result, issues: inLocale(result.issues, ctx.locale) };
  });
