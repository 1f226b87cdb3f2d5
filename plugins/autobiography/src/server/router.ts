import { router } from '@licheng/server';
import { checkGet } from './procedures/check-get.ts';
import { checksDecide } from './procedures/checks-decide.ts';
import { checksQueue } from './procedures/checks-queue.ts';
import { checksReopen } from './procedures/checks-reopen.ts';
import { documentGet } from './procedures/document-get.ts';
import { documentsMine } from './procedures/documents-mine.ts';
import { draftsRestore } from './procedures/drafts-restore.ts';
import { draftsSave } from './procedures/drafts-save.ts';
import { submissionsCancel } from './procedures/submissions-cancel.ts';
import { submissionsSubmit } from './procedures/submissions-submit.ts';
import { versionGet } from './procedures/version-get.ts';

/** Mounted by the server as `autobiography.*`. The student writes (documents, versions, drafts, submissions); the checker checks. */
export const autobiographyRouter = router({
  documents: router({ mine: documentsMine, get: documentGet }),
  versions: router({ get: versionGet }),
  drafts: router({ save: draftsSave, restore: draftsRestore }),
  submissions: router({ submit: submissionsSubmit, cancel: submissionsCancel }),
  checks: router({ queue: checksQueue, get: checkGet, decide: checksDecide, reopen: checksReopen }),
});

export type AutobiographyRouter = typeof autobiographyRouter;
