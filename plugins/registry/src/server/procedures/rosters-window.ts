import { authedProcedure, refusalOf } from '@licheng/server';
import { assertRosterWindow } from '../roster-export.ts';
import { REGISTRY_ROLES } from '../roles.ts';
import { rostersExportInput } from './rosters-export.ts';

/**
 * registry.rosters.window — whether `registry.rosters.export` with this input would pass the
 * roster-submission window now: `refusal` is its reason in the caller's language (the window,
 * worded with its ROC dates), or null. The screen disables 產生名冊 with it before anyone tries.
 */
export const rostersWindow = authedProcedure(REGISTRY_ROLES)
  .input(rostersExportInput)
  .query(async ({ ctx, input }) => ({ refusal: await refusalOf(ctx.locale, () => assertRosterWindow(ctx, input)) }));
