import { academicYearSchema, rosterNumber, rosterNumberIfSet } from '@licheng/core';
import { authedProcedure, refusalOf, scheduleOf } from '@licheng/server';
import { z } from 'zod';
import { assertRosterWindow, layoutOf } from '../roster-export.ts';
import { REGISTRY_ROLES } from '../roles.ts';
import { ROSTER_BUILDERS } from '../rosters/builders.ts';

/**
 * registry.rosters.list — every roster this office can build (one per builder): its id and
 * label, and per batch the 名冊別 — or, when the school has not set it, why it is disabled
 * (`disabled`: the setting to fill) — and the window's refusal now (null when open).
 */
export const rostersList = authedProcedure(REGISTRY_ROLES)
  .input(z.object({ academicYear: academicYearSchema, semester: z.union([z.literal(1), z.literal(2)]) }))
  .query(async ({ ctx, input }) => {
    const rosters = [];
    const schedule = await scheduleOf(ctx);
    for (const builder of ROSTER_BUILDERS) {
      const layout = layoutOf(ctx, builder.roster);
      const batches = [];
      for (const batch of builder.batches) {
        const kind = rosterNumberIfSet(layout, batch, ctx.config.rosters.numbers);
        // An unset 名冊別 (roster-number-unset) names the setting to fill: the screen shows it as why the roster is disabled.
        const disabled = kind === null ? await refusalOf(ctx.locale, () => void rosterNumber(layout, batch, ctx.config.rosters.numbers)) : null;
        const refusal = disabled ? null : await refusalOf(ctx.locale, () => assertRosterWindow(ctx, { ...input, roster: builder.roster, batch }, schedule));
        batches.push({ batch, kind, disabled, refusal });
      }
      rosters.push({ roster: builder.roster, name: layout.name, label: layout.label, year: layout.year, layoutVersion: layout.version, batches });
    }
    return { rosters };
  });
