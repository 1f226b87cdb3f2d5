import { freeText } from '@licheng/core';
import { authedProcedure, enterRecord, formDataInput, formFile, stageFiles } from '@licheng/server';
import { assertIssuedByToday, CERTIFICATE_KIND, certificateFieldsSchema, certificateSummary, certificateTerm, type CertificateData } from '../certificate-fields.ts';
import { assertNewCertificate } from '../certificate-store.ts';
import { studentByNo } from '../students.ts';
import { toCertificateView } from './record-views.ts';

export const certificatesRegisterInput = formDataInput({
  studentNo: freeText({ max: 20 }),
  ...certificateFieldsSchema.shape,
  document: formFile,
});

/**
 * practicum.certificates.register — the office registers one skill certificate (技能證照) of
 * one student, with an optional scan (PDF/JPG/PNG, judged by content). Entered by its
 * certifier, it is passed on entry. A certificate number the student already has is refused.
 */
export const certificatesRegister = authedProcedure(['practicum-staff'])
  .input(certificatesRegisterInput)
  .mutation(async ({ ctx, input }) => {
    const { studentNo, document, ...fields } = input;
    assertIssuedByToday(fields.date, ctx.now());
    const student = await studentByNo(ctx, studentNo);
    const term = certificateTerm(fields.date);
    const files = await stageFiles(ctx, { document });
    const data: CertificateData = { ...fields, registeredByName: ctx.identity.name };
    const record = await enterRecord(ctx, {
      kind: CERTIFICATE_KIND,
      student,
      courseId: null,
      academicYear: term.academicYear,
      semester: term.semester,
      summary: certificateSummary(fields),
      data: { ...data },
      files,
      guard: (trx) => assertNewCertificate(trx, ctx.config.code, student, fields.number),
    });
    return toCertificateView(record, student);
  });
