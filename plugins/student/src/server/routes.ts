import { taipeiDate, type Locale } from '@licheng/core';
import { authorizeRequest, contentDisposition, currentStudent, writeAudit, type AuthedContext, type PluginDefinition, type PluginDeps } from '@licheng/server';
import { portfolioFileName, portfolioPdf, portfolioZip } from './portfolio/portfolio-zip.ts';

type RoutesApp = Parameters<NonNullable<PluginDefinition['routes']>>[0];
type Student = Awaited<ReturnType<typeof currentStudent>>;

/** How each download of the whole portfolio is made and served. */
const FORMATS = {
  zip: { type: 'application/zip', build: (ctx: AuthedContext, student: Student) => portfolioZip(ctx, student) },
  pdf: { type: 'application/pdf', build: (ctx: AuthedContext, student: Student) => portfolioPdf(ctx, student) },
} as const;

/**
 * The signed-in student's whole portfolio in one format, audited as `portfolio.download` (the
 * format in `after` for the PDF), never cached.
 */
function portfolioRoute(deps: PluginDeps, format: keyof typeof FORMATS) {
  return async (c: { req: { raw: Request } }) => {
    const auth = await authorizeRequest(await deps.context(c.req.raw), ['student']);
    if (!auth.ok) return auth.response;
    const ctx = auth.ctx;
    const student = await currentStudent(ctx);
    const body = await FORMATS[format].build(ctx, student);
    await writeAudit(ctx.db, {
      school: ctx.config.code,
      actor: ctx.identity,
      role: ctx.actingRole,
      action: 'portfolio.download',
      entity: 'student',
      entityId: student.id,
      studentId: student.id,
      ...(format === 'pdf' ? { after: { format: 'pdf' } } : {}),
      at: ctx.now(),
    });
    const name = portfolioFileName(student, ctx.locale as Locale, taipeiDate(ctx.now()), format);
    return new Response(body, {
      headers: {
        'content-type': FORMATS[format].type,
        ...(body instanceof Uint8Array ? { 'content-length': String(body.byteLength) } : {}),
        'content-disposition': contentDisposition('attachment', name),
        'cache-control': 'private, max-age=0',
        'x-content-type-options': 'nosniff',
      },
    });
  };
}

/** Plain HTTP routes of the student desk, mounted at /api/student. */
export function studentRoutes(app: RoutesApp, deps: PluginDeps): void {
  /** GET /api/student/portfolio.zip — the signed-in student's whole portfolio: index.html and their files, streamed. */
  app.get('/portfolio.zip', portfolioRoute(deps, 'zip'));
  /** GET /api/student/portfolio.pdf — the signed-in student's whole portfolio as one PDF (the Chinese font embedded). */
  app.get('/portfolio.pdf', portfolioRoute(deps, 'pdf'));
}
