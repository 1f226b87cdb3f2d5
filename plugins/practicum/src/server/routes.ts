
import { authorizeRequest, type PluginDefinition, type PluginDeps, recordKindRoutes, xlsxDownload } from '@licheng/server';
import { PRACTICUM_GENERIC_KINDS } from './router.ts';
import { certificateTemplateXlsx } from './template.ts';

type RoutesApp = Parameters<NonNullable<PluginDefinition['routes']>>[0];

/** Plain HTTP routes of the office, mounted at /api/practicum: the certificate list template, the generic kinds' template and export. */
export function practicumRoutes(app: RoutesApp, deps: PluginDeps): void {
  recordKindRoutes(app, deps, PRACTICUM_GENERIC_KINDS);
  app.get('/templates/certificates.xlsx', async (c) => {
    const auth = await authorizeRequest(await deps.context(c.req.raw), ['practicum-staff']);
    if (!auth.ok) return auth.response;
    const body = await certificateTemplateXlsx();
    return xlsxDownload(body, '技能檢定合格名單範本.xlsx', 'certificates-template.xlsx');
  });
}
