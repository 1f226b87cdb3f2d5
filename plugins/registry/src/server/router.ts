import { router } from '@licheng/server';
import { auditList } from './procedures/audit-list.ts';
import { importsRun } from './procedures/imports-run.ts';
import { importsTemplates } from './procedures/imports-templates.ts';
import { rostersExport } from './procedures/rosters-export.ts';

export const registryRouter = router({
  imports: router({ run: importsRun, templates: importsTemplates }),
  rosters: router({ export: rostersExport }),
  audit: router({ list: auditList }),
});

export type RegistryRouter = typeof registryRouter;
