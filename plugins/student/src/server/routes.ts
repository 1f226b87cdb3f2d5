import { taipeiDate, type Locale } from '@licheng/core';
import { authorizeRequest, contentDisposition, currentStudent, writeAudit, type PluginDefinition, type PluginDeps } from '@licheng/server';
import { portfolioFileName, portfolioPdf, portfolioZip } from './portfolio/portfolio-zip.ts';

type RoutesApp = Parameters<NonNullable<PluginDefinition['routes']>>[0];

/** Plain HTTP routes of the student desk, mounted at /api/student. */
export function studentRoutes(app: RoutesApp, deps: PluginDeps): void {
  /** GET /api/student/portfolio.zip — the signed-in student's whole portfolio: index.html and their files, streamed. */
  app.get('/portfolio.zip', async (c) => {
    const auth = await authorizeRequest(await deps.context(c.req.raw), ['student']);
    if (!auth.ok) return auth.response;
    const ctx = auth.ctx;
    const student = await currentStudent(ctx);
    await writeAudit(ctx.db, {
      school: ctx.config.code,
      actor: ctx.identity,
      role: ctx.actingRole,
      action: 'portfolio.download',
      entity: 'student',
      entityId: student.id,
      studentId: student.id,
      at: ctx.now(),
    });
    const body = await portfolioZip(ctx, student);
    return new Response(body, {
      headers: {
        'content-type': 'application/zip',
        'content-disposition': contentDisposition('attachment', portfolioFileName(student, ctx.locale as Locale, taipeiDate(ctx.now()))),
        'cache-control': 'private, max-age=0',
        'x-content-type-options': 'nosniff',
      },
    });
  });

  /** GET /api/student/portfolio.pdf — the signed-in student's whole portfolio as one PDF (the Chinese font embedded). */
  app.get('/portfolio.pdf', async (c) => {
    const auth = await authorizeRequest(await deps.context(c.req.raw), ['student']);
    if (!auth.ok) return auth.response;
    const ctx = auth.ctx;
    const student = await currentStudent(ctx);
    const body = await portfolioPdf(ctx, student);
    await writeAudit(ctx.db, {
      school: ctx.config.code,
      actor: ctx.identity,
      role: ctx.actingRole,
      action: 'portfolio.download',
      entity: 'student',
      entityId: student.id,
      studentId: student.id,
      after: { format: 'pdf' },
      at: ctx.now(),
    });
    return new Response(body, {
      headers: {
        'content-type': 'application/pdf',
        'content-length': String(body.byteLength),
        'content-disposition': contentDisposition('attachment', portfolioFileName(student, ctx.locale as Locale, taipeiDate(ctx.now()), 'pdf')),
        'cache-control': 'private, max-age=0',
        'x-content-type-options': 'nosniff',
      },
    });
  });
}
