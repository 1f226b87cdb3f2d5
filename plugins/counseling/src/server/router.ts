import { recordKindProcedures, router } from '@licheng/server';
import { adviseesAssign } from './procedures/advisees-assign.ts';
import { adviseesImport } from './procedures/advisees-import.ts';
import { adviseesList } from './procedures/advisees-list.ts';
import { adviseesRemove } from './procedures/advisees-remove.ts';
import { consultationsEnterGroup } from './procedures/consultations-enter-group.ts';

/** The kinds counseling keeps through the generic record procedures (counseling.records.*). */
export const COUNSELING_KINDS = { kinds: ['career-assessment', 'consultation', 'counseling'] };

/** Mounted by the server as `counseling.*`. */
export const counselingRouter = router({
  records: recordKindProcedures(COUNSELING_KINDS),
  advisees: router({ list: adviseesList, assign: adviseesAssign, remove: adviseesRemove, import: adviseesImport }),
  consultations: router({ enterGroup: consultationsEnterGroup }),
});

export type CounselingRouter = typeof counselingRouter;
