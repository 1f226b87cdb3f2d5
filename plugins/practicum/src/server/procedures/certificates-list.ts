import { authedProcedure } from '@licheng/server';
import { CERTIFICATE_KIND } from '../certificate-fields.ts';
import { listFilterSchema, listRecords } from '../list-records.ts';
import { toCertificateView } from './record-views.ts';

export const certificatesListInput = listFilterSchema;

/** practicum.certificates.list — skill certificates of an academic year (default the current), by class or student. */
export const certificatesList = authedProcedure(['practicum-staff'])
  .input(certificatesListInput)
  .query(async ({ ctx, input }) => {
    const { academicYear, rows } = await listRecords(ctx, CERTIFICATE_KIND, input);
    return { academicYear, items: rows.map((row) => toCertificateView(row, row)) };
  });
