import { authedProcedure } from '@licheng/server';
import { INTERNSHIP_KIND } from '../internship-fields.ts';
import { listFilterSchema, listRecords } from '../list-records.ts';
import { toInternshipView } from './record-views.ts';

export const internshipsListInput = listFilterSchema;

/** practicum.internships.list — internships (校外實習) of an academic year (default the current), by class or student. */
export const internshipsList = authedProcedure(['practicum-staff'])
  .input(internshipsListInput)
  .query(async ({ ctx, input }) => {
    const { academicYear, rows } = await listRecords(ctx, INTERNSHIP_KIND, input);
    return { academicYear, items: rows.map((row) => toInternshipView(row, row)) };
  });
