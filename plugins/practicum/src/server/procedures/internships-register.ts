import { freeText } from '@licheng/core';
import { authedProcedure, enterRecord } from '@licheng/server';
import { assertDateOrder, INTERNSHIP_KIND, internshipFieldsSchema, internshipSummary, internshipTerm, type InternshipData } from '../internship-fields.ts';
import { studentByNo } from '../students.ts';
import { toInternshipView } from './record-views.ts';

export const internshipsRegisterInput = internshipFieldsSchema.extend({
  studentNo: freeText({ max: 20 }),
});

/** practicum.internships.register — the office records one internship (校外實習) of one student, in the term it starts. */
export const internshipsRegister = authedProcedure(['practicum-staff'])
  .input(internshipsRegisterInput)
  .mutation(async ({ ctx, input }) => {
    const { studentNo, ...fields } = input;
    assertDateOrder(fields.start, fields.end);
    const student = await studentByNo(ctx, studentNo);
    const term = internshipTerm(fields.start);
    const data: InternshipData = { ...fields, registeredByName: ctx.identity.name };
    const record = await enterRecord(ctx, {
      kind: INTERNSHIP_KIND,
      student,
      courseId: null,
      academicYear: term.academicYear,
      semester: term.semester,
      summary: internshipSummary(fields),
      // Stored as the code's text, as the declared field (core's INTERNSHIP_FIELDS) has it.
      data: { ...data, kind: String(fields.kind) },
      files: [],
    });
    return toInternshipView(record, student);
  });
