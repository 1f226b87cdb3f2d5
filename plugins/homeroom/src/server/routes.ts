import { DomainError, formatMessage } from '@licheng/core';
import { authorizeRequest, domainErrorCode, type PluginDefinition, type PluginDeps, xlsxDownload } from '@licheng/server';
import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { z } from 'zod';
import { PROGRESS_READERS, readableClass } from './class-access.ts';
import { classProgress } from './class-progress.ts';
import { progressFileName, progressWorkbook } from './progress-xlsx.ts';
import { academicYearField, classNameField, resolveTerm, semesterField } from './term.ts';

type RoutesApp = Parameters<NonNullable<PluginDefinition['routes']>>[0];

/** The download's query string: the same fields as homeroom.progress.class, numbers as text. */
export const progressXlsxQuery = z.object({
  className: classNameField,
  academicYear: z.coerce.number().pipe(academicYearField).optional(),
  semester: z.coerce.number().pipe(semesterField).optional(),
});

/** Plain HTTP routes of the office, mounted at /api/homeroom. */
export function homeroomRoutes(app: RoutesApp, deps: PluginDeps): void {
  /** GET /api/homeroom/progress.xlsx?className=101[&academicYear=114&semester=1] — the class progress as Excel. */
  app.get('/progress.xlsx', async (c) => {
    const context = await deps.context(c.req.raw);
    const auth = await authorizeRequest(context, PROGRESS_READERS);
    if (!auth.ok) return auth.response;
    const ctx = auth.ctx;
    const query = progressXlsxQuery.safeParse(c.req.query());
    if (!query.success) {
      const fields = [...new Set(query.error.issues.map((i) => i.path.join('.')))].join(', ');
      return Response.json({ error: { code: 'invalid-input', message: `${formatMessage('invalid-input', {}, ctx.locale)} (${fields})` } }, { status: 400 });
    }
    try {
      const term = resolveTerm(ctx.now(), query.data);
      const klass = await readableClass(ctx, query.data.className, term.academicYear);
      const progress = await classProgress(ctx.db, ctx.config, klass, term, ctx.now());
      const body = await progressWorkbook(progress, ctx.locale);
      const name = progressFileName(progress, ctx.locale);
      return xlsxDownload(body, name);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const status = getHTTPStatusCodeFromError(new TRPCError({ code: domainErrorCode(error.code) }));
      return Response.json({ error: { code: error.code, params: error.params, message: error.format(ctx.locale) } }, { status });
    }
  });
}
