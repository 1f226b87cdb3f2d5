import { DomainError, taipeiDate } from '@licheng/core';
import { authorizeRequest, type PluginDefinition, type PluginDeps, xlsxDownload } from '@licheng/server';
import { listIssues } from './issues.ts';
import { batchProgress, loadBatch } from './progress.ts';
import { progressWorkbook } from './progress-workbook.ts';
import { OFFICE_ROLES } from './roles.ts';
import { receiptDb } from './tables.ts';

type RoutesApp = Parameters<NonNullable<PluginDefinition['routes']>>[0];

/** Plain HTTP routes of the office, mounted at /api/receipt: the progress workbook of a batch. */
export function receiptRoutes(app: RoutesApp, deps: PluginDeps): void {
  app.get('/batches/:id/progress.xlsx', async (c) => {
    const auth = await authorizeRequest(await deps.context(c.req.raw), OFFICE_ROLES);
    if (!auth.ok) return auth.response;
    const ctx = auth.ctx;
    const db = receiptDb(ctx.db);
    const id = c.req.param('id').slice(0, 36);
    let batch;
    try {
      batch = await loadBatch(db, ctx.config.code, id);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return Response.json({ error: { code: error.code, message: error.format(ctx.locale) } }, { status: 404 });
    }
    const rosters = await batchProgress(db, ctx.config.code, batch, taipeiDate(ctx.now()));
    const issues = await listIssues(db, ctx.config.code, { userId: ctx.identity.userId, roles: ctx.identity.roles }, { batchId: batch.id, status: 'all' });
    const body = await progressWorkbook(batch, rosters, issues, ctx.locale);
    const name = `receipt-${batch.academicYear}-${batch.semester}-progress.xlsx`;
    return xlsxDownload(body, name);
  });
}
