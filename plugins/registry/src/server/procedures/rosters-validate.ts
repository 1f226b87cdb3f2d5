import { authedProcedure } from '@licheng/server';
import { REGISTRY_ROLES } from '../roles.ts';
import { validateRoster } from '../rosters/validate.ts';
import { rostersExportInput } from './rosters-export.ts';

/**
 * registry.rosters.validate — 檢查: builds the roster without storing it and lists everything
 * the central database would reject (the builder's problems and the generic checks,
 * rosters/checks.ts), each with the office that fixes it and its target (student, record).
 * Not bound to the submission window: offices check before it opens.
 */
export const rostersValidate = authedProcedure(REGISTRY_ROLES)
  .input(rostersExportInput)
  .query(({ ctx, input }) => validateRoster(ctx, input));
