import { academicYearSchema, ROSTER_BATCHES, ROSTER_IDS } from '@licheng/core';
import { authedProcedure } from '@licheng/server';
import { z } from 'zod';
import { assertRosterWindow, exportRoster } from '../roster-export.ts';
import { REGISTRY_ROLES } from '../roles.ts';

export const rostersExportInput = z.object({
  academicYear: academicYearSchema,
  /** The term: the cover's 學期 on a term roster; on a year roster (學期 0) the term whose roster-submission window is open. */
  semester: z.union([z.literal(1), z.literal(2)]),
  /** The roster (core roster-layouts); one with no builder yet is refused with roster-kind-unknown. */
  roster: z.enum(ROSTER_IDS),
  /** The regular submission or grade 12's 第一 / 第二梯次. */
  batch: z.enum(ROSTER_BATCHES).default('regular'),
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
