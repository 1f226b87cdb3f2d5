import { IMPORT_KINDS, formatMessage, type ImportKind } from '@licheng/core';
import type { PluginDefinition, PluginDeps } from '@licheng/server';
import { REGISTRY_ROLES } from './roles.ts';
import { templateCsv, templateXlsx } from './templates.ts';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type RoutesApp = Parameters<NonNullable<PluginDefinition['routes']>>[0];

function errorResponse(status: number, code: string, message: string): Response {
  return Response.json({ error: { code, message } }, { status });
}

/** null when the caller is signed in as registry staff or admin of this school; else the error response. */
async function refuse(request: Request, deps: PluginDeps): Promise<Response | null> {
  const ctx = await deps.context(request);
  if (!ctx.auth.ok) {
    const code = ctx.auth.reason === 'expired' ? 'token-expired' : 'unauthenticated';
    return errorResponse(401, code, formatMessage(code, {}, ctx.locale));
  }
  const { identity } = ctx.auth;
  if (identity.school !== ctx.config.code || !identity.roles.some((r) => REGISTRY_ROLES.includes(r))) {
    return errorResponse(403, 'forbidden', formatMessage('forbidden', {}, ctx.locale));
  }
  return null;
}

/** Plain HTTP routes of the office, mounted at /api/registry: template downloads for the imports. */
export function registryRoutes(app: RoutesApp, deps: PluginDeps): void {
  app.get('/templates/:file', async (c) => {
    const refused = await refuse(c.req.raw, deps);
    if (refused) return refused;
    const match = /^([a-z]+)\.(xlsx|csv)$/.exec(c.req.param('file'));
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
}
