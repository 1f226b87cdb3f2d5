import { z } from 'zod';

/** A term: 學年度 and 學期. */
export const termInput = z.object({
  academicYear: z.number().int().min(100).max(999),
  semester: z.union([z.literal(1), z.literal(2)]),
});
