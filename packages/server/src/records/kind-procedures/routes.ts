import { DomainError, RECORD_STATUSES, type RecordKindDefinition } from '@licheng/core';
import type { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../../app-env.ts';
import { authorizeRequest } from '../../authorize.ts';
import type { PluginDeps } from '../../plugin.ts';
import { xlsxDownload } from '../../security-headers.ts';
import { listRecordRows } from './list.ts';
import { mountedKind, resolveKinds, type RecordKindProceduresOptions } from './mounted-kinds.ts';
import { kindListXlsx, kindTemplateXlsx } from './workbooks.ts';

const downloadQuery = z.object({
  kind: z.string().min(1).max(64),
  academicYear: z.coerce.number().int().min(100).max(999).optional(),
  semester: z.coerce.number().pipe(z.union([z.literal(1), z.literal(2)])).optional(),
  className: z.string().max(32).optional(),
  studentNo: z.string().max(32).optional(),
  status: z.enum(RECORD_STATUSES).optional(),
});

/**
 * Plain HTTP downloads of an office's kinds, mounted under /api/<office>: `GET /records/template.xlsx?kind=…`
 * (the import template) and `GET /records/export.xlsx?kind=…&academicYear=…` (the list as the caller sees it;
 * refused with 403 'record-school-only' for a kind that never leaves the school).
 */
export function recordKindRoutes(app: Hono<AppEnv>, deps: PluginDeps, options: RecordKindProceduresOptions): void {
  const kinds = resolveKinds(options);
  const handle = (make: (ctx: Parameters<typeof listRecordRows>[0], q: z.output<typeof downloadQuery>, kind: RecordKindDefinition) => Promise<Response>) =>
    async (c: { req: { raw: Request; query: () => Record<string, string> } }) => {
      const auth = await authorizeRequest(await deps.context(c.req.raw));
      if (!auth.ok) return auth.response;
      const parsed = downloadQuery.safeParse(c.req.query());
      if (!parsed.success) return Response.json({ error: { code: 'invalid-input' } }, { status: 400 });
      try {
        return await make(auth.ctx, parsed.data, mountedKind(kinds, parsed.data.kind));
      } catch (error) {
        if (error instanceof DomainError) return Response.json({ error: { code: error.code } }, { status: error.code === 'record-kind-not-here' ? 404 : 400 });
        throw error;
      }
    };
  app.get('/records/template.xlsx', handle(async (_ctx, _q, kind) => xlsxDownload(await kindTemplateXlsx(kind), `${kind.label['zh-TW']}範本.xlsx`)));
  app.get(
    '/records/export.xlsx',
    handle(async (ctx, q, kind) => {
      // 課程諮詢紀錄 and the like never leave the school: no list of them is written to a file.
      if (kind.visibility === 'school-only') return Response.json({ error: { code: 'record-school-only' } }, { status: 403 });
      const rows = await listRecordRows(ctx, kinds, q, null);
      return xlsxDownload(await kindListXlsx([kind], rows), `${kind.label['zh-TW']}.xlsx`);
    }),
  );
}
