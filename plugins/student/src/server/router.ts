import { recordCorrectProcedure, recordListProcedure, recordWithdrawProcedure, router } from '@licheng/server';
import { PERFORMANCE_KINDS, studentChangeWindow } from './performance-rules.ts';
import { consentGet } from './procedures/consent-get.ts';
import { consentGive } from './procedures/consent-give.ts';
import { consentWithdraw } from './procedures/consent-withdraw.ts';
import { consentsList } from './procedures/consents-list.ts';
import { coursesList } from './procedures/courses-list.ts';
import { outcomesList } from './procedures/outcomes-list.ts';
import { outcomesResubmit } from './procedures/outcomes-resubmit.ts';
import { outcomesUpload } from './procedures/outcomes-upload.ts';
import { portfolioGet } from './procedures/portfolio-get.ts';
import { performancesKinds } from './procedures/performances-kinds.ts';
import { performancesSelectionGet } from './procedures/performances-selection-get.ts';
import { performancesSelectionSave } from './procedures/performances-selection-save.ts';
import { performancesUpload } from './procedures/performances-upload.ts';
import { selectionsGet } from './procedures/selections-get.ts';
import { selectionsSave } from './procedures/selections-save.ts';

export const studentRouter = router({
  courses: router({ list: coursesList }),
  outcomes: router({ list: outcomesList, upload: outcomesUpload, resubmit: outcomesResubmit }),
  selections: router({ get: selectionsGet, save: selectionsSave }),
  portfolio: router({ get: portfolioGet }),
  /** 同意: the student's consent to release the portfolio to admission committees; the registry reads every student's. */
  consent: router({ get: consentGet, give: consentGive, withdraw: consentWithdraw }),
  consents: router({ list: consentsList }),
  /** 多元表現: the generic record-kind list, correct and withdraw (scope.ts), with the student's own entry and selection. */
  performances: router({
    kinds: performancesKinds,
    list: recordListProcedure(PERFORMANCE_KINDS),
    upload: performancesUpload,
    correct: recordCorrectProcedure(PERFORMANCE_KINDS, studentChangeWindow),
    withdraw: recordWithdrawProcedure(PERFORMANCE_KINDS, studentChangeWindow),
    selection: router({ get: performancesSelectionGet, save: performancesSelectionSave }),
  }),
});

export type StudentRouter = typeof studentRouter;
