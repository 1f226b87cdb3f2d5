import { router } from '@licheng/server';
import { auditList } from './procedures/audit-list.ts';
import { importsRun } from './procedures/imports-run.ts';
import { importsTemplates } from './procedures/imports-templates.ts';
import { rostersExport } from './procedures/rosters-export.ts';
import { rostersWindow } from './procedures/rosters-window.ts';
import { rostersChanges } from './procedures/rosters-changes.ts';
import { rostersList } from './procedures/rosters-list.ts';
import { rostersSnapshots } from './procedures/rosters-snapshots.ts';
import { rostersSubmit } from './procedures/rosters-submit.ts';
import { rostersValidate } from './procedures/rosters-validate.ts';
import { appealsAnswer } from './procedures/appeals-answer.ts';
import { appealsList } from './procedures/appeals-list.ts';
import { appealsRaise } from './procedures/appeals-raise.ts';
import { correctionsApply } from './procedures/corrections-apply.ts';
import { correctionsPreview } from './procedures/corrections-preview.ts';
import { gradesList } from './procedures/grades-list.ts';
import { gradesMine } from './procedures/grades-mine.ts';
import { statusHistory } from './procedures/status-history.ts';
import { statusRecord } from './procedures/status-record.ts';
import { transferImport } from './procedures/transfer-import.ts';

export const registryRouter = router({
  imports: router({ run: importsRun, templates: importsTemplates }),
  rosters: router({ export: rostersExport, window: rostersWindow, list: rostersList, validate: rostersValidate, submit: rostersSubmit, snapshots: rostersSnapshots, changes: rostersChanges }),
  audit: router({ list: auditList }),
  grades: router({ list: gradesList, mine: gradesMine }),
  appeals: router({ raise: appealsRaise, list: appealsList, answer: appealsAnswer }),
  corrections: router({ preview: correctionsPreview, commit: correctionsApply }),
  status: router({ record: statusRecord, history: statusHistory }),
  transfer: router({ import: transferImport }),
});

export type RegistryRouter = typeof registryRouter;
