import { academicTermOf, academicYearSchema, freeText, taipeiDate, type AcademicTerm } from '@licheng/core';
import { z } from 'zod';

/** 學年度 as the roster writes it (民國, e.g. 114). */
export const academicYearField = academicYearSchema;
/** 學期: 1 (上) or 2 (下). */
export const semesterField = z.union([z.literal(1), z.literal(2)]);
/** 班級 as students.class_name and classes.class_name hold it. */
export const classNameField = freeText({ max: 32 });

/** The term asked for, each part defaulting to the current term on the school's (Taipei) calendar. */
export function resolveTerm(now: Date, asked: { academicYear?: number | undefined; semester?: 1 | 2 | undefined }): AcademicTerm {
  const current = academicTermOf(taipeiDate(now));
  return { academicYear: asked.academicYear ?? current.academicYear, semester: asked.semester ?? current.semester };
}
