import { assertWindowOpen } from '@licheng/core';
import type { AuthedContext, RecordRow } from '@licheng/server';

/** Certification happens inside the school's certification window (認證期間) of the record's term. */
export function assertCertificationWindow(ctx: AuthedContext, record: Pick<RecordRow, 'academic_year' | 'semester'>): void {
  assertWindowOpen(ctx.config.schedule, 'outcome-certification', { academicYear: record.academic_year, semester: record.semester as 1 | 2 }, ctx.now());
}
