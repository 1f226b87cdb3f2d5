import { academicYearSchema } from '@licheng/core';
import { authedProcedure } from '@licheng/server';
import { z } from 'zod';
import { assertRosterWindow, EXPORTABLE_ROSTER_KINDS, exportRoster } from '../roster-export.ts';
import { REGISTRY_ROLES } from '../roles.ts';

export const rostersExportInput = z.object({
  academicYear: academicYearSchema,
  /** The term whose roster-submission window is open; a year roster (26, 28) carries the whole year and writes 學期 0. */
  semester: z.union([z.literal(1), z.literal(2)]),
  /** 名冊別; more kinds join EXPORTABLE_ROSTER_KINDS as they are built. */
  kind: z.literal(EXPORTABLE_ROSTER_KINDS),
});

/**
 * registry.rosters.export — builds the roster (名冊) Excel for the central database on its
 * layout and stores it for download, with the office's `(缺)` workbook when rows were kept
 * back; only inside the term's roster-submission window (assertRosterWindow).
 */
export const rostersExport = authedProcedure(REGISTRY_ROLES)
  .input(rostersExportInput)
  .mutation(async ({ ctx, input }) => {
    await assertRosterWindow(ctx, input);
    const { bytes: _bytes, reviewBytes: _review, ...result } = await exportRoster(ctx, input);
    return result;
  });
