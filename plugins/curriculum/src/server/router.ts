import { router } from '@licheng/server';
import { classGroupsList } from './procedures/class-groups-list.ts';
import { classGroupsSet } from './procedures/class-groups-set.ts';
import { planCommit } from './procedures/plan-commit.ts';
import { planPreview } from './procedures/plan-preview.ts';
import { planRestore } from './procedures/plan-restore.ts';
import { planVersion } from './procedures/plan-version.ts';
import { planVersions } from './procedures/plan-versions.ts';
import { precheckDifferencesList } from './procedures/precheck-differences.ts';
import { precheckRun } from './procedures/precheck-run.ts';
import { precheckStatus } from './procedures/precheck-status.ts';

/** Mounted by the server as `curriculum.*`. */
export const curriculumRouter = router({
  plan: router({ preview: planPreview, commit: planCommit, restore: planRestore, versions: planVersions, version: planVersion }),
  classGroups: router({ list: classGroupsList, set: classGroupsSet }),
  precheck: router({ run: precheckRun, status: precheckStatus, differences: precheckDifferencesList }),
});

export type CurriculumRouter = typeof curriculumRouter;
