import { router } from '@licheng/server';
import { coursesList } from './procedures/courses-list.ts';
import { outcomesList } from './procedures/outcomes-list.ts';
import { outcomesResubmit } from './procedures/outcomes-resubmit.ts';
import { outcomesUpload } from './procedures/outcomes-upload.ts';
import { portfolioGet } from './procedures/portfolio-get.ts';
import { selectionsGet } from './procedures/selections-get.ts';
import { selectionsSave } from './procedures/selections-save.ts';

export const studentRouter = router({
  courses: router({ list: coursesList }),
  outcomes: router({ list: outcomesList, upload: outcomesUpload, resubmit: outcomesResubmit }),
  selections: router({ get: selectionsGet, save: selectionsSave }),
  portfolio: router({ get: portfolioGet }),
});

export type StudentRouter = typeof studentRouter;
