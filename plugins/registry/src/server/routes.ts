import { IMPORT_KINDS, XLSX_MIME, type ImportKind } from '@licheng/core';
import { authorizeRequest, type PluginDefinition, type PluginDeps } from '@licheng/server';
import { REGISTRY_ROLES } from './roles.ts';
import { templateCsv, templateXlsx } from './templates.ts';

type RoutesApp = Parameters<NonNullable<PluginDefinition['routes']>>[0];

function errorResponse(status: number, code: string, message: string): Response {
  return Response.json({ error: { code, message } }, { status });
}

/** Plain HTTP routes of the office, mounted at /api/registry: template downloads for the imports. */
export function registryRoutes(app: RoutesApp, deps: PluginDeps): void {
  app.get('/templates/:file', async (c) => {
    const auth = authorizeRequest(await deps.context(c.req.raw), REGISTRY_ROLES);
    if (!auth.ok) return auth.response;
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
