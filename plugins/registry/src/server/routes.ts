import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { TRPCError } from '@trpc/server';
import { DomainError, formatMessage, IMPORT_KINDS, MAX_TRANSFER_PACKAGE_BYTES, taipeiDate, TRANSFER_REASONS, XLSX_MIME, type ImportKind, type TransferReason } from '@licheng/core';
import { authorizeRequest, contentDisposition, domainErrorCode, domainHttpStatus, itemError, type PluginDefinition, type PluginDeps } from '@licheng/server';
import { z } from 'zod';
import { exportAudit } from './audit/audit-export.ts';
import { auditFilterSchema } from './audit/audit-query.ts';
import { REGISTRY_ROLES } from './roles.ts';
import { templateCsv, templateXlsx } from './templates.ts';
import { transferFileName, transferPackage } from './transfer/transfer-export.ts';
import { importTransferUpload, transferPackageTooLarge } from './transfer/transfer-upload.ts';

type RoutesApp = Parameters<NonNullable<PluginDefinition['routes']>>[0];

function errorResponse(status: number, code: string, message: string): Response {
  return Response.json({ error: { code, message } }, { status });
}

/** The query of a streamed transfer import: the same fields as registry.transfer.import's form. */
const transferUploadQuery = z.object({
  studentNo: z.string().trim().min(1).max(32).optional(),
  dryRun: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
});

/** Plain HTTP routes of the office, mounted at /api/registry: template downloads for the imports, the audit trail as Excel. */
export function registryRoutes(app: RoutesApp, deps: PluginDeps): void {
  app.get('/templates/:file', async (c) => {
    const auth = await authorizeRequest(await deps.context(c.req.raw), REGISTRY_ROLES);
    if (!auth.ok) return auth.response;
    const match = /^([a-z][a-z-]*)\.(xlsx|csv)$/.exec(c.req.param('file'));
    const kind = match?.[1] as ImportKind | undefined;
    if (!match || !kind || !IMPORT_KINDS.includes(kind)) return errorResponse(404, 'not-found', 'no such template');
    const format = match[2] as 'xlsx' | 'csv';
    const body = format === 'xlsx' ? await templateXlsx(kind) : templateCsv(kind);
    const name = `${kind}-template.${format}`;
    return new Response(body, {
      headers: {
        'content-type': format === 'xlsx' ? XLSX_MIME : 'text/csv; charset=utf-8',
        'content-length': String(body.byteLength),
        'content-disposition': `attachment; filename="${name}"`,
        'cache-control': 'private, max-age=0',
        'x-content-type-options': 'nosniff',
      },
    });
  });

  /** GET /api/registry/audit.xlsx?student=&user=&entity=&entityId=&action=&parentId=&from=&to= — the filtered audit trail (稽核紀錄) as Excel. */
  app.get('/audit.xlsx', async (c) => {
    const auth = await authorizeRequest(await deps.context(c.req.raw), REGISTRY_ROLES);
    if (!auth.ok) return auth.response;
    const ctx = auth.ctx;
    const query = auditFilterSchema.safeParse(c.req.query());
    if (!query.success) {
      const fields = [...new Set(query.error.issues.map((i) => i.path.join('.')))].join(', ');
      return errorResponse(400, 'invalid-input', `${formatMessage('invalid-input', {}, ctx.locale)} (${fields})`);
    }
    try {
      const { bytes, fileName } = await exportAudit(ctx, query.data);
      return new Response(bytes, {
        headers: {
          'content-type': XLSX_MIME,
          'content-length': String(bytes.byteLength),
          'content-disposition': contentDisposition('attachment', fileName),
          'cache-control': 'private, max-age=0',
          'x-content-type-options': 'nosniff',
        },
      });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return Response.json({ error: { code: error.code, params: error.params, message: error.format(ctx.locale) } }, { status: 400 });
    }
  });

  /** GET /api/registry/transfer/:studentNo?reason=transfer|resume|repeat-year|borrow — one student's transfer package (轉學資料包, docs/transfer-package.md). */
  app.get('/transfer/:studentNo', async (c) => {
    const auth = await authorizeRequest(await deps.context(c.req.raw), REGISTRY_ROLES);
    if (!auth.ok) return auth.response;
    const ctx = auth.ctx;
    const reason = (c.req.query('reason') ?? 'transfer') as TransferReason;
    if (!TRANSFER_REASONS.includes(reason)) return errorResponse(400, 'invalid-input', formatMessage('invalid-input', {}, ctx.locale));
    const student = await ctx.db.selectFrom('students').selectAll().where('school_code', '=', ctx.config.code).where('student_no', '=', c.req.param('studentNo')).executeTakeFirst();
    if (!student) return errorResponse(404, 'not-found', formatMessage('not-found', {}, ctx.locale));
    try {
      const body = await transferPackage(ctx, student, reason);
      return new Response(body, {
        headers: {
          'content-type': 'application/zip',
          'content-disposition': contentDisposition('attachment', transferFileName(ctx.config.code, student, taipeiDate(ctx.now()))),
          'cache-control': 'private, max-age=0',
          'x-content-type-options': 'nosniff',
        },
      });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return Response.json({ error: { code: error.code, params: error.params, message: error.format(ctx.locale) } }, { status: 409 });
    }
  });

  /**
   * POST /api/registry/transfer?studentNo=&dryRun=true — 轉入 with the package (轉學資料包) as the
   * request body (application/zip), streamed to a temp file as it arrives: the same checks and
   * answer as registry.transfer.import, for packages up to MAX_TRANSFER_PACKAGE_BYTES, which a
   * form upload through /trpc (held whole, and capped by its body limit) cannot carry.
   */
  app.post('/transfer', async (c) => {
    const auth = await authorizeRequest(await deps.context(c.req.raw), REGISTRY_ROLES);
    if (!auth.ok) return auth.response;
    const ctx = auth.ctx;
    const query = transferUploadQuery.safeParse(c.req.query());
    if (!query.success) return errorResponse(400, 'invalid-input', formatMessage('invalid-input', {}, ctx.locale));
    const refuse = (error: DomainError) => {
      // The status the same refusal gets through tRPC (a storage fault's own first).
      const status = domainHttpStatus(error.code) ?? getHTTPStatusCodeFromError(new TRPCError({ code: domainErrorCode(error.code) }));
      return Response.json({ error: { code: error.code, params: error.params, message: error.format(ctx.locale) } }, { status });
    };
    const declared = Number(c.req.header('content-length') ?? 0);
    if (declared > MAX_TRANSFER_PACKAGE_BYTES) return refuse(transferPackageTooLarge());
    const body = c.req.raw.body;
    if (!body) return refuse(new DomainError('file-missing', {}));
    try {
      return c.json(await importTransferUpload(ctx, body, { studentNo: query.data.studentNo, dryRun: query.data.dryRun }));
    } catch (error) {
      const refusal = itemError(error);
      if (!refusal) throw error;
      return refuse(refusal);
    }
  });
}
